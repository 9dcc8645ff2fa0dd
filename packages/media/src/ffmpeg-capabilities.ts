import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  encoderTestArgs,
  hardwareEncoderCandidates,
  hardwareEncoderNames,
  type HardwareDevices,
  type HardwareEncoder,
} from './mask-encoder.js';

const run = promisify(execFile);

/** What the ffmpeg binary found can do, probed once at start so that Vigie's arguments suit it. */
export interface FfmpegCapabilities {
  /** The version ffmpeg reports, e.g. "5.1.6-0+deb12u1" or "N-47683-g0e8eb07980-static" (the npm build). */
  version: string;
  /** `-stats_period` exists (ffmpeg ≥ 4.4); older builds write `-progress` every 0.5 s. */
  statsPeriod: boolean;
  /**
   * The RTSP demuxer's socket timeout option: `-timeout` since ffmpeg 5; before, `-stimeout`, and
   * `-timeout` meant "listen for a camera to connect", which would never record a real camera.
   */
  rtspTimeoutOption: '-timeout' | '-stimeout';
  /** Hardware H.264 encoders that opened a test encode on this machine (absent or empty: none, x264 is used). */
  hardwareEncoders?: readonly HardwareEncoder[];
}

/** What Debian's ffmpeg (5.1) offers: the arguments Vigie builds when it is given no probe. */
export const currentFfmpeg: FfmpegCapabilities = {
  version: '5.1',
  statsPeriod: true,
  rtspTimeoutOption: '-timeout',
};

/** The components Vigie runs, by the list of `ffmpeg -<list>` that shows them, and what needs each. */
const required = {
  demuxers: { rtsp: 'recording RTSP cameras', concat: 'exports', 'mov,mp4': 'reading recorded segments' },
  muxers: {
    segment: 'recording',
    mp4: 'recording and exports',
    image2: 'snapshots',
    mjpeg: 'alert images',
    rawvideo: 'analytics',
  },
  filters: { overlay: 'privacy masks', scale2ref: 'privacy masks', scale: 'analytics', fps: 'analytics' },
  encoders: { libx264: 'privacy masks and demo clips', mjpeg: 'snapshots' },
} as const;

type ListName = keyof typeof required;

/** A component Vigie needs and this ffmpeg lacks. */
export interface MissingFfmpegPart {
  /** e.g. "encoder libx264". */
  part: string;
  /** What Vigie cannot do without it. */
  neededFor: string;
}

/** The result of probing one ffmpeg binary. */
export interface FfmpegProbe {
  capabilities: FfmpegCapabilities;
  /** Empty when every component Vigie runs is there. */
  missing: MissingFfmpegPart[];
}

async function output(ffmpegPath: string, args: string[]): Promise<string> {
  const { stdout } = await run(ffmpegPath, ['-hide_banner', ...args], { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/** Names in an `ffmpeg -muxers`-style list ("  E mp4   MP4 …", " T.C overlay  VV->V …"); comma lists kept whole. */
export function listedNames(list: string): Set<string> {
  const names = new Set<string>();
  for (const line of list.split('\n')) {
    const match = /^\s*([A-Z.]{1,6})\s+(\S+)\s/.exec(line);
    if (match?.[2] !== undefined) names.add(match[2]);
  }
  return names;
}

/** Reads the capabilities out of ffmpeg's own help texts (pure, so that it is tested on both versions' texts). */
export function parseCapabilities(texts: {
  version: string;
  globalHelp: string;
  rtspHelp: string;
}): FfmpegCapabilities {
  const version = /^ffmpeg version (\S+)/m.exec(texts.version)?.[1] ?? 'unknown';
  // Since ffmpeg 5, -timeout is the socket timeout; before, it was "listen_timeout" and implied listening.
  const timeoutListens = /^ *-timeout .*listen/m.test(texts.rtspHelp) || !/^ *-timeout /m.test(texts.rtspHelp);
  return {
    version,
    statsPeriod: /^-stats_period /m.test(texts.globalHelp),
    rtspTimeoutOption: timeoutListens && /^ *-stimeout /m.test(texts.rtspHelp) ? '-stimeout' : '-timeout',
  };
}

/** How to probe ffmpeg. */
export interface ProbeOptions {
  /**
   * Try the hardware H.264 encoders it lists (default true); false: masked cameras use x264 whatever the
   * machine has (`VIGIE_MASK_ENCODER=libx264`, e.g. a GPU that records badly or is kept for something else).
   */
  hardwareEncoders?: boolean;
  /** Where the GPUs' device nodes are looked for: /dev (a test gives a folder of its own). */
  deviceDir?: string;
}

/** What one binary's lists and help texts say, before any hardware encoder is tried. */
interface ListedProbe {
  probe: FfmpegProbe;
  /** The encoders it lists: the hardware ones among them are tried when asked, and only those are kept on disk. */
  encoders: ReadonlySet<string>;
}

/** Probes already made in this process, by binary (path, identity, size, change time). */
const listedProbes = new Map<string, Promise<ListedProbe>>();
/** Hardware encoders already tried in this process, by binary as above and device folder. */
const hardwareProbes = new Map<string, Promise<HardwareEncoder[]>>();

/** The promise `cache` holds under `key`, else `make()`'s, kept there unless it fails. */
function reused<T>(cache: Map<string, Promise<T>>, key: string | undefined, make: () => Promise<T>): Promise<T> {
  if (key === undefined) return make();
  const known = cache.get(key);
  if (known !== undefined) return known;
  const made = make();
  cache.set(key, made);
  made.catch(() => cache.delete(key));
  return made;
}

/**
 * Runs the ffmpeg found a few times (version, help, lists of muxers, demuxers, filters and encoders)
 * and says what it can do and which of the components Vigie runs it lacks. About 0.1–0.3 s of CPU and seven
 * processes (each start of Debian's ffmpeg links 215 libraries), once per binary on a machine: what the lists
 * and help texts say is kept in the temp directory for the next process (`vigie start`, each worker, the test
 * suite's hundreds of servers), and in memory for this one. The hardware encoders' test encodes run once per
 * binary in a process, the first time they are asked for, and only for a GPU whose device node is there. A
 * binary replaced or changed on disk is probed again, a failed probe is not kept.
 */
export async function probeFfmpeg(ffmpegPath: string, options: ProbeOptions = {}): Promise<FfmpegProbe> {
  const file = await stat(ffmpegPath).catch(() => undefined);
  const key =
    file === undefined
      ? undefined
      : JSON.stringify([ffmpegPath, file.dev, file.ino, file.size, file.mtimeMs, file.ctimeMs]);
  const listed = await reused(listedProbes, key, () =>
    key === undefined ? listedProbe(ffmpegPath) : keptOnDisk(key, () => listedProbe(ffmpegPath)),
  );
  const deviceDir = options.deviceDir ?? '/dev';
  const hardwareEncoders =
    options.hardwareEncoders === false
      ? []
      : await reused(hardwareProbes, key === undefined ? undefined : `${key} ${deviceDir}`, () =>
          workingHardwareEncoders(ffmpegPath, listed.encoders, deviceDir),
        );
  return { capabilities: { ...listed.probe.capabilities, hardwareEncoders }, missing: listed.probe.missing };
}

/** This user's folder of kept probes, or undefined when it is not private to this user (then nothing is kept). */
async function probeFolder(): Promise<string | undefined> {
  const folder = join(tmpdir(), `vigie-ffmpeg-probes-${process.getuid?.() ?? 'user'}`);
  await mkdir(folder, { recursive: true, mode: 0o700 }).catch(() => undefined);
  const info = await lstat(folder).catch(() => undefined);
  const own = info?.isDirectory() === true && (process.getuid === undefined || info.uid === process.getuid());
  return own && (info.mode & 0o077) === 0 ? folder : undefined;
}

/** Whether `value` is a listed probe as `keptOnDisk` writes it (a damaged or foreign file is probed again). */
function isKeptProbe(value: unknown, key: string): value is { key: string; probe: FfmpegProbe; encoders: string[] } {
  if (typeof value !== 'object' || value === null) return false;
  const { key: keptKey, probe, encoders } = value as Record<string, unknown>;
  const capabilities = (probe as { capabilities?: Record<string, unknown> } | undefined)?.capabilities;
  return (
    keptKey === key &&
    Array.isArray(encoders) &&
    encoders.every((name) => typeof name === 'string') &&
    Array.isArray((probe as { missing?: unknown }).missing) &&
    typeof capabilities?.['version'] === 'string' &&
    typeof capabilities['statsPeriod'] === 'boolean' &&
    (capabilities['rtspTimeoutOption'] === '-timeout' || capabilities['rtspTimeoutOption'] === '-stimeout')
  );
}

/** `probe()`'s result for the binary `key` names, read from this user's folder of kept probes, else made and kept. */
async function keptOnDisk(key: string, probe: () => Promise<ListedProbe>): Promise<ListedProbe> {
  const folder = await probeFolder();
  if (folder === undefined) return probe();
  const file = join(folder, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
  const kept: unknown = await readFile(file, 'utf8').then(JSON.parse, () => undefined);
  if (isKeptProbe(kept, key)) return { probe: kept.probe, encoders: new Set(kept.encoders) };
  const made = await probe();
  // Written aside, then renamed: a process starting meanwhile reads the whole file or none.
  const aside = `${file}.${process.pid}.tmp`;
  const encoders = hardwareEncoderNames.filter((name) => made.encoders.has(name));
  await writeFile(aside, JSON.stringify({ key, probe: made.probe, encoders }), { mode: 0o600 })
    .then(() => rename(aside, file))
    .catch(() => undefined);
  return made;
}

async function listedProbe(ffmpegPath: string): Promise<ListedProbe> {
  const lists = Object.keys(required) as ListName[];
  const [version, globalHelp, rtspHelp, ...listed] = await Promise.all([
    output(ffmpegPath, ['-version']),
    output(ffmpegPath, ['-h', 'long']),
    output(ffmpegPath, ['-h', 'demuxer=rtsp']),
    ...lists.map((list) => output(ffmpegPath, [`-${list}`])),
  ]);
  const missing: MissingFfmpegPart[] = [];
  lists.forEach((list, index) => {
    const names = listedNames(listed[index] ?? '');
    for (const [name, neededFor] of Object.entries(required[list])) {
      const present = names.has(name) || [...names].some((listedName) => listedName.startsWith(`${name},`));
      if (!present) missing.push({ part: `${list.slice(0, -1)} ${name}`, neededFor });
    }
  });
  return {
    probe: { capabilities: parseCapabilities({ version, globalHelp, rtspHelp }), missing },
    encoders: listedNames(listed[lists.indexOf('encoders')] ?? ''),
  };
}

/** The GPUs' device nodes under `deviceDir` that hardware encoders run on. */
async function hardwareDevices(deviceDir: string): Promise<HardwareDevices> {
  const renderNodes = await readdir(join(deviceDir, 'dri')).then(
    (names) => names.filter((name) => name.startsWith('renderD')).map((name) => join(deviceDir, 'dri', name)),
    () => [],
  );
  return { renderNodes, nvidia: existsSync(join(deviceDir, 'nvidiactl')) };
}

/** The hardware encoders this ffmpeg lists that open a two-frame test encode here (each fails fast when absent). */
async function workingHardwareEncoders(
  ffmpegPath: string,
  listed: ReadonlySet<string>,
  deviceDir: string,
): Promise<HardwareEncoder[]> {
  const candidates = hardwareEncoderCandidates(listed, await hardwareDevices(deviceDir));
  const works = await Promise.all(
    candidates.map((encoder) =>
      run(ffmpegPath, encoderTestArgs(encoder), { timeout: 15_000 }).then(
        () => true,
        () => false,
      ),
    ),
  );
  return candidates.filter((_, index) => works[index] === true);
}

/**
 * Probes ffmpeg and refuses one that lacks a component Vigie runs, with an error naming what is
 * missing and what to install: a clear stop at start instead of recorders failing in a loop.
 */
export async function ffmpegCapabilitiesOrExplain(
  ffmpegPath: string,
  options: ProbeOptions = {},
): Promise<FfmpegCapabilities> {
  let probe: FfmpegProbe;
  try {
    probe = await probeFfmpeg(ffmpegPath, options);
  } catch (error) {
    throw new Error(
      `ffmpeg at ${ffmpegPath} does not run (${(error instanceof Error ? error.message : String(error)).trim()}). ` +
        'Install it (Debian: apt-get install ffmpeg), or set FFMPEG_PATH to a working ffmpeg binary.',
    );
  }
  if (probe.missing.length > 0) {
    const parts = probe.missing.map((m) => `${m.part} (${m.neededFor})`).join(', ');
    throw new Error(
      `ffmpeg at ${ffmpegPath} (version ${probe.capabilities.version}) lacks ${parts}. ` +
        'Install a complete ffmpeg (Debian: apt-get install ffmpeg), or set FFMPEG_PATH to one.',
    );
  }
  return probe.capabilities;
}
