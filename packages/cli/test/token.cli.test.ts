import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@vigie/cli';
import { openDatabase } from '@vigie/db';
import { seedMigratedPglite } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo as io } from './support.js';

describe('vigie user token, tokens and revoke-token (direct database access)', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'vigie-cli-token-'));
    env = { VIGIE_DATA_DIR: dataDir };
    // The migrated database image instead of initdb and every migration (cli.test's migrate covers a first start).
    await seedMigratedPglite(join(dataDir, 'db'));
    expect(await runCli(['user', 'add', 'robot', '--role', 'dpo'], io(env, 'correct horse battery staple\n'))).toBe(0);
  }, 120_000);
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('issues a token that expires, lists it, revokes it and audits both', async () => {
    const issue = io(env);
    expect(await runCli(['user', 'token', 'robot', '--name', 'nightly export', '--expires-in-days', '30'], issue)).toBe(
      0,
    );
    expect(issue.stdout.join('')).toMatch(/^vgt_/);

    const list = io(env);
    expect(await runCli(['user', 'tokens'], list)).toBe(0);
    const [line = ''] = list.stdout;
    expect(line).toMatch(/^[0-9a-f-]{36} {2}robot {2}"nightly export" {2}expires \d{4}-/);
    const id = line.slice(0, 36);

    const revoke = io(env);
    expect(await runCli(['user', 'revoke-token', id], revoke)).toBe(0);
    expect(revoke.stdout.join('\n')).toContain('Token "nightly export" of robot revoked');
    const after = io(env);
    await runCli(['user', 'tokens'], after);
    expect(after.stdout.join('\n')).toMatch(/revoked \d{4}-/);

    const database = await openDatabase({ dataDir: join(dataDir, 'db') });
    const actions = await database.db.selectFrom('audit_log').select('action').orderBy('seq').execute();
    await database.close();
    expect(actions.map((a) => a.action)).toEqual(['user.created', 'token.created', 'token.revoked']);
  }, 120_000);

  it('refuses a bad expiry and an unknown id, saying what to do', async () => {
    const bad = io(env);
    expect(await runCli(['user', 'token', 'robot', '--name', 'x', '--expires-in-days', 'soon'], bad)).toBe(1);
    expect(bad.stderr.join('\n')).toContain('--expires-in-days takes a whole number of days');
    const unknown = io(env);
    expect(await runCli(['user', 'revoke-token', '6f1c2b7e-3a41-4c55-9a6e-0d8e2f7b1a90'], unknown)).toBe(1);
    expect(unknown.stderr.join('\n')).toMatch(/No API token has id/);
  }, 120_000);
});
