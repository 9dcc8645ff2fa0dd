import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, type CliIo } from '@vigie/cli';
import { describe, expect, it } from 'vitest';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const shared = process.env['VIGIE_SHARED_DATA'] ?? join(repoRoot, '..', 'shared', 'data');
const clip = join(shared, 'aboda-video4', 'video4.avi');
const model = join(shared, 'yolox-nano-onnx', 'yolox_nano_dyn.onnx');
const haveShared = existsSync(clip) && existsSync(model);

function io(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    env: process.env,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    readStdin: () => Promise.resolve(''),
  };
}

describe('vigie analyze', () => {
  it('refuses an invalid rules file, naming the field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vigie-analyze-'));
    const rules = join(dir, 'rules.json');
    await writeFile(rules, JSON.stringify({ rules: ['face_recognition'] }));
    const run = io();
    expect(await runCli(['analyze', 'whatever.mp4', '--config', rules], run)).toBe(1);
    expect(run.stderr.join('\n')).toMatch(/rules\.json is invalid:\n\s+\/rules\/0/);
  });

  it.skipIf(!haveShared)(
    `prints the abandoned bag of the ABODA pavement clip as a JSON event (needs ${clip} and the YOLOX model)`,
    async () => {
      const run = io();
      const rules = join(await mkdtemp(join(tmpdir(), 'vigie-analyze-')), 'rules.json');
      await writeFile(rules, JSON.stringify({ rules: ['abandoned_object'] }));
      expect(await runCli(['analyze', clip, '--model', model, '--config', rules], run)).toBe(0);
      const events = run.stdout.map((line) => JSON.parse(line) as { type: string; t: number });
      const bag = events.find((e) => e.type === 'abandoned_object');
      expect(bag, run.stdout.join('\n')).toBeDefined();
      expect(run.stderr.join('\n')).toMatch(/Done: 19\d frames/);
      expect(JSON.stringify(events)).not.toMatch(/face|plate|embedding|identity/i);
    },
    120_000,
  );
});
