import { availableParallelism } from 'node:os';
import { definedOnly, invalidNetworks, type SourceUrlPolicy } from '@vigie/core';
import type { SnapshotLanguage } from '@vigie/vision';

/** A worker's settings, all from the environment (same names as the server's where they mean the same). */
export interface WorkerConfig {
  databaseUrl: string;
  natsUrl: string;
  nodeSecret: string;
  dataDir: string;
  /** Address and port the segment server binds (VIGIE_WORKER_HOST, VIGIE_WORKER_PORT). */
  host: string;
  port: number;
  /** Most cameras (VIGIE_WORKER_CAPACITY); default from the measured cost per camera and this machine's cores. */
  capacity?: number;
  modelPath?: string;
  /** Fire patch classifier confirming `fire_smoke` (VIGIE_FIRE_MODEL); without it that rule does not run. */
  fireModelPath?: string;
  /** Segment length in seconds (VIGIE_SEGMENT_SECONDS, default 4). */
  segmentSeconds?: number;
  /** JetStream subject prefix and leases bucket (VIGIE_BUS_PREFIX, default `vigie`). */
  busPrefix: string;
  /**
   * Where camera sources may point, checked again before each camera is pulled, whatever the bus says
   * (VIGIE_CAMERA_NETWORKS, VIGIE_FILE_SOURCES or VIGIE_DEMO: the servers' settings of the same names).
   */
  sourcePolicy: SourceUrlPolicy;
  /** Try hardware H.264 encoders for masked cameras (VIGIE_MASK_ENCODER=auto, the default) or use x264 only (libx264). */
  hardwareEncoders: boolean;
  /** Operators' language for words burnt into alert snapshots (VIGIE_LANGUAGE, `fr` by default, or `en`), as on the servers. */
  language: SnapshotLanguage;
}

/** Raised with every problem of the worker's environment. */
export class WorkerConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid worker configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'WorkerConfigError';
  }
}

/** Reads and checks the worker's environment; lists every problem at once. */
export function loadWorkerConfig(env: NodeJS.ProcessEnv): WorkerConfig {
  const problems: string[] = [];
  const need = (name: string, why: string, pattern?: RegExp): string => {
    const value = env[name] ?? '';
    if (value === '') problems.push(`${name} is required: ${why}`);
    else if (pattern !== undefined && !pattern.test(value))
      problems.push(`${name}="${value.replace(/\/\/[^@]*@/, '//***@')}" is not valid: ${why}`);
    return value;
  };
  const databaseUrl = need('DATABASE_URL', 'the PostgreSQL the servers use (postgres://…)', /^postgres(ql)?:\/\//);
  const natsUrl = need('NATS_URL', 'the NATS JetStream the servers use (nats://…)', /^(nats|tls):\/\//);
  const nodeSecret = need(
    'VIGIE_NODE_SECRET',
    'the secret shared with the servers, at least 32 characters',
    /^.{32,}$/,
  );
  const integer = (name: string): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) problems.push(`${name}="${raw}" must be a whole number`);
    return value;
  };
  const port = integer('VIGIE_WORKER_PORT') ?? 0;
  const capacity = integer('VIGIE_WORKER_CAPACITY');
  const segmentSeconds = integer('VIGIE_SEGMENT_SECONDS');
  const allowedNetworks = (env['VIGIE_CAMERA_NETWORKS'] ?? '')
    .split(',')
    .map((cidr) => cidr.trim())
    .filter((cidr) => cidr !== '');
  const invalid = invalidNetworks(allowedNetworks);
  if (invalid.length > 0)
    problems.push(`VIGIE_CAMERA_NETWORKS: not CIDR networks (e.g. 10.20.0.0/16): ${invalid.join(', ')}`);
  const flag = (name: string): boolean => {
    const raw = (env[name] ?? '').toLowerCase();
    if (['1', 'true', 'on', 'yes'].includes(raw)) return true;
    if (!['', '0', 'false', 'off', 'no'].includes(raw)) problems.push(`${name}="${env[name]}" must be true or false`);
    return false;
  };
  const allowFiles = flag('VIGIE_FILE_SOURCES') || flag('VIGIE_DEMO');
  const maskEncoder = env['VIGIE_MASK_ENCODER'] ?? '';
  if (!['', 'auto', 'libx264'].includes(maskEncoder))
    problems.push(`VIGIE_MASK_ENCODER="${maskEncoder}" must be auto or libx264`);
  const language = env['VIGIE_LANGUAGE'] || 'fr';
  if (language !== 'fr' && language !== 'en') problems.push(`VIGIE_LANGUAGE="${language}" must be fr or en`);
  if (problems.length > 0) throw new WorkerConfigError(problems);
  return {
    databaseUrl,
    natsUrl,
    nodeSecret,
    dataDir: env['VIGIE_DATA_DIR'] ?? './data',
    host: env['VIGIE_WORKER_HOST'] ?? '127.0.0.1',
    port,
    busPrefix: env['VIGIE_BUS_PREFIX'] ?? 'vigie',
    sourcePolicy: { allowFiles, allowedNetworks },
    hardwareEncoders: maskEncoder !== 'libx264',
    language: language === 'en' ? 'en' : 'fr',
    ...definedOnly({ capacity, segmentSeconds }),
    ...(env['VIGIE_MODEL'] ? { modelPath: env['VIGIE_MODEL'] } : {}),
    ...(env['VIGIE_FIRE_MODEL'] ? { fireModelPath: env['VIGIE_FIRE_MODEL'] } : {}),
  };
}

/** Cores this worker may use. */
export function workerCores(): number {
  return availableParallelism();
}
