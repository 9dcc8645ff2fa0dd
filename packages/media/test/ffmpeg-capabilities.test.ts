import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  chooseMaskEncoder,
  defaultMaskRasterSize,
  encodeMaskPam,
  ffmpegCapabilitiesOrExplain,
  locateFfmpeg,
  probeFfmpeg,
  rasterizeMasks,
  recordArgs,
  runFfmpeg,
  sourceInputArgs,
} from '@vigie/media';
import { renderTestClip } from './support/test-clips.js';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = await mkdtemp(join(tmpdir(), 'vigie-ffmpeg-probe-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('probing the ffmpeg found (real binaries)', () => {
  it('finds the npm-shipped ffmpeg when nothing else is installed, and knows what that 2018 build lacks', async () => {
    const shipped = locateFfmpeg({ PATH: '' });
    expect(shipped.source).toBe('bundled');
    const probe = await probeFfmpeg(shipped.path);
    expect(probe.missing).toEqual([]);
    expect(probe.capabilities).toMatchObject({ statsPeriod: false, rtspTimeoutOption: '-stimeout' });
  });

  it('keeps only hardware encoders that record a masked camera here; with none, masked cameras use x264', async () => {
    const ffmpeg = locateFfmpeg().path;
    const { hardwareEncoders = [] } = (await probeFfmpeg(ffmpeg)).capabilities;
    const clip = await renderTestClip({ dir, seconds: 2 });
    const maskImagePath = join(dir, 'mask.pam');
    const polygon = [
      { x: 0, y: 0 },
      { x: 0.5, y: 0 },
      { x: 0.5, y: 0.5 },
    ];
    await writeFile(maskImagePath, encodeMaskPam(rasterizeMasks([{ polygon }]), defaultMaskRasterSize));
    for (const encoder of [chooseMaskEncoder(hardwareEncoders), ...hardwareEncoders]) {
      const outputDir = await mkdtemp(join(dir, `${encoder.name}-`));
      const input = sourceInputArgs({ sourceUrl: `file://${clip}` });
      await runFfmpeg(ffmpeg, recordArgs({ input, outputDir, masked: { maskImagePath, encoder } }));
    }
    if (hardwareEncoders.length === 0) expect(chooseMaskEncoder(hardwareEncoders)).toEqual({ name: 'libx264' });
  }, 60_000);

  it('refuses, at start, an ffmpeg that lacks what Vigie runs, naming the parts and what to install', async () => {
    const partial = join(dir, 'ffmpeg');
    // A build with no muxers, filters or encoders at all (as some minimal builds are).
    await writeFile(partial, '#!/bin/sh\n[ "$2" = "-version" ] && echo "ffmpeg version 3.0-minimal"\nexit 0\n');
    await chmod(partial, 0o755);
    const refusal = ffmpegCapabilitiesOrExplain(partial);
    await expect(refusal).rejects.toThrow(/version 3\.0-minimal\) lacks .*muxer segment \(recording\)/);
    await expect(refusal).rejects.toThrow(/encoder libx264 \(privacy masks and demo clips\)/);
    await expect(refusal).rejects.toThrow(/apt-get install ffmpeg\), or set FFMPEG_PATH/);
  });

  it('runs the probe once per binary on a machine, whatever the options; the hardware test encodes once per process', async () => {
    const calls = join(dir, 'calls.log');
    const counting = join(dir, 'counting-ffmpeg');
    // Lists one hardware encoder, whose test encode "opens" (exits 0); writes each run's arguments to calls.log.
    const script = (version: string) =>
      `#!/bin/sh\necho "$*" >> ${calls}\n[ "$2" = "-version" ] && echo "ffmpeg version ${version}"\n` +
      '[ "$2" = "-encoders" ] && echo " V....D h264_nvenc  NVIDIA NVENC H.264 encoder"\nexit 0\n';
    await writeFile(counting, script('6.0-counting'));
    await chmod(counting, 0o755);
    // A machine with NVIDIA's driver loaded (its control node), and one without.
    const withGpu = join(dir, 'dev-nvidia');
    await mkdir(withGpu);
    await writeFile(join(withGpu, 'nvidiactl'), '');
    const withoutGpu = join(dir, 'dev-empty');
    await mkdir(withoutGpu);
    const runs = async () => (await readFile(calls, 'utf8')).trim().split('\n');
    const withoutHardware = await probeFfmpeg(counting, { hardwareEncoders: false });
    expect(withoutHardware.capabilities.hardwareEncoders).toEqual([]);
    const lists = (await runs()).length;
    expect(lists).toBe(7);
    const withHardware = await probeFfmpeg(counting, { deviceDir: withGpu });
    expect(withHardware.capabilities.hardwareEncoders).toEqual([{ name: 'h264_nvenc' }]);
    expect((await runs()).length).toBe(lists + 1);
    expect((await probeFfmpeg(counting, { hardwareEncoders: true, deviceDir: withGpu })).capabilities).toEqual(
      withHardware.capabilities,
    );
    expect((await probeFfmpeg(counting, { hardwareEncoders: false })).capabilities).toEqual(
      withoutHardware.capabilities,
    );
    expect((await runs()).length).toBe(lists + 1);
    // Without the GPU's device node, NVENC is not even tried.
    expect((await probeFfmpeg(counting, { deviceDir: withoutGpu })).capabilities.hardwareEncoders).toEqual([]);
    expect((await runs()).length).toBe(lists + 1);
    // Another process (a second `vigie start`) reads the lists and help texts this one kept: no run of ffmpeg.
    const otherProcess = await run(process.execPath, [
      '--input-type=module',
      '-e',
      `const { probeFfmpeg } = await import('@vigie/media');
       const { capabilities } = await probeFfmpeg(${JSON.stringify(counting)}, { hardwareEncoders: false });
       console.log(capabilities.version);`,
    ]);
    expect(otherProcess.stdout.trim()).toBe('6.0-counting');
    expect((await runs()).length).toBe(lists + 1);
    // A binary changed on disk is probed again.
    await writeFile(counting, script('6.1-counting'));
    expect((await probeFfmpeg(counting, { deviceDir: withGpu })).capabilities.version).toBe('6.1-counting');
    expect((await runs()).length).toBe(2 * (lists + 1));
  });

  it('says so when the ffmpeg found does not run at all', async () => {
    const broken = join(dir, 'broken-ffmpeg');
    await writeFile(broken, '#!/bin/sh\nexit 1\n');
    await chmod(broken, 0o755);
    await expect(ffmpegCapabilitiesOrExplain(broken)).rejects.toThrow(/does not run .*apt-get install ffmpeg/);
  });
});
