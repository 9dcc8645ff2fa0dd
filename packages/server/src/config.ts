import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Type, { type Static } from 'typebox';
import {
  defaultLegalProfileId,
  invalidNetworks,
  legalProfileById,
  legalProfiles,
  TransparencyContactsSchema,
  type TransparencyContacts,
} from '@vigie/core';
import type { DatabaseLocation } from '@vigie/db';
import Value from 'typebox/value';

/** Every setting Vigie reads at start; operational settings (cameras, zones…) live in the database. */
export const ConfigSchema = Type.Object(
  {
    host: Type.String({
      minLength: 1,
      description: 'Address the HTTP server binds to.',
    }),
    port: Type.Integer({ minimum: 0, maximum: 65535 }),
    dataDir: Type.String({
      minLength: 1,
      description: 'Embedded database, recordings and demo clips live here.',
    }),
    databaseUrl: Type.Optional(
      Type.String({
        pattern: '^postgres(ql)?://',
        description: 'PostgreSQL URL; unset: embedded database.',
      }),
    ),
    fireModelPath: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'Fire patch classifier ONNX (npm run train:fire, packages/vision/README.md) that confirms the fire rule; unset: fire_smoke does not run.',
      }),
    ),
    logLevel: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    language: Type.Enum(['fr', 'en'], {
      description:
        "Operators' language for words burnt into images (the event named on alert snapshots); the console's language is chosen per browser.",
    }),
    modelPath: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'YOLOX ONNX model for person/object detection (see packages/vision/README.md); unset: moving blobs.',
      }),
    ),
    demo: Type.Boolean({
      description: 'Register demo cameras (synthetic clips) when the registry is empty; lets cameras read local files.',
    }),
    fileSources: Type.Boolean({
      description: 'Let cameras read local files (file://), as the demo does; off: only network cameras.',
    }),
    requireWorkstation: Type.Boolean({
      description:
        'Show images only on enrolled supervision-room workstations (LEGAL R10; vigie workstation enrol); the legal profile may require it anyway.',
    }),
    cameraNetworks: Type.Array(Type.String({ minLength: 1 }), {
      description:
        'CIDR networks camera sources may point at although refused by default (loopback, link-local), e.g. 127.0.0.0/8 for a relay on this machine; comma-separated in the environment.',
    }),
    trustedProxies: Type.Array(Type.String({ minLength: 1 }), {
      description:
        'CIDR networks of reverse proxies in front of Vigie (e.g. 127.0.0.1/32 for nginx on this machine): their X-Forwarded-For gives the client address (throttling, audit) and X-Forwarded-Proto https turns on HSTS and Secure cookies; comma-separated in the environment.',
    }),
    mapTileUrl: Type.Optional(
      Type.String({
        pattern: '^(https?://|/)\\S*\\{z\\}\\S*$',
        description:
          'Map tiles for the console, e.g. https://tiles.city.example/{z}/{x}/{y}.png; unset: plain background.',
      }),
    ),
    transparency: TransparencyContactsSchema,
    legalProfile: Type.String({
      minLength: 1,
      description: `The legal profile whose rules apply (purposes, retention cap, analytics, authorisations): ${Object.values(
        legalProfiles,
      )
        .map((p) => `${p.id} (${p.title.en})`)
        .join('; ')}.`,
    }),
    natsUrl: Type.Optional(
      Type.String({
        pattern: '^(nats|tls)://',
        description: 'NATS with JetStream, to share the bus with other servers and workers; unset: in-process bus.',
      }),
    ),
    mqttUrl: Type.Optional(
      Type.String({
        pattern: '^mqtts?://',
        description: 'MQTT broker to export alerts, counts and availability to (vigie/<camera>/…); unset: no export.',
      }),
    ),
    workers: Type.Enum(['embedded', 'remote'], {
      description: 'embedded: this server records and analyses; remote: `vigie worker` processes do (needs natsUrl).',
    }),
    nodeSecret: Type.Optional(
      Type.String({
        minLength: 32,
        description: 'Secret shared by servers and workers to authenticate segment requests between nodes.',
      }),
    ),
    unmaskSecret: Type.Optional(
      Type.String({
        minLength: 32,
        description:
          'Opens the unmasking custody key (docs/unmasking.md); keep it off the recording disk. Unset: liftable masks are permanent.',
      }),
    ),
    maskEncoder: Type.Enum(['auto', 'libx264'], {
      description:
        'H.264 encoder of masked cameras: auto tries VAAPI, Quick Sync then NVENC at start and falls back to x264; libx264 never tries the hardware.',
    }),
    shadowMinLabelled: Type.Integer({
      minimum: 1,
      description: 'Shadow alerts labelled true or false a rule needs before it may go live.',
    }),
    shadowMinPrecision: Type.Number({
      minimum: 0,
      maximum: 1,
      description: 'Lowest precision in shadow, true / (true + false), for a rule to go live.',
    }),
  },
  { additionalProperties: false },
);

/** The validated configuration. */
export type Config = Static<typeof ConfigSchema>;

/** One environment variable per setting, documented in the README's configuration table. */
export const configEnv = {
  host: 'VIGIE_HOST',
  port: 'VIGIE_PORT',
  dataDir: 'VIGIE_DATA_DIR',
  databaseUrl: 'DATABASE_URL',
  logLevel: 'VIGIE_LOG_LEVEL',
  language: 'VIGIE_LANGUAGE',
  modelPath: 'VIGIE_MODEL',
  fireModelPath: 'VIGIE_FIRE_MODEL',
  demo: 'VIGIE_DEMO',
  fileSources: 'VIGIE_FILE_SOURCES',
  requireWorkstation: 'VIGIE_REQUIRE_WORKSTATION',
  cameraNetworks: 'VIGIE_CAMERA_NETWORKS',
  trustedProxies: 'VIGIE_TRUSTED_PROXIES',
  mapTileUrl: 'VIGIE_MAP_TILE_URL',
  natsUrl: 'NATS_URL',
  mqttUrl: 'MQTT_URL',
  workers: 'VIGIE_WORKERS',
  nodeSecret: 'VIGIE_NODE_SECRET',
  unmaskSecret: 'VIGIE_UNMASK_SECRET',
  maskEncoder: 'VIGIE_MASK_ENCODER',
  shadowMinLabelled: 'VIGIE_SHADOW_MIN_LABELLED',
  shadowMinPrecision: 'VIGIE_SHADOW_MIN_PRECISION',
  legalProfile: 'VIGIE_LEGAL_PROFILE',
} as const satisfies Record<Exclude<keyof Config, 'transparency'>, string>;

/** Demo contacts for the transparency page; a deployment replaces them in its config file. */
export const demoTransparencyContacts: TransparencyContacts = {
  controller: {
    name: 'Commune de démonstration — le maire',
    address: 'Hôtel de ville, 1 place de la Mairie, 00000 Exemple',
    email: 'mairie@example.org',
  },
  dpo: { email: 'dpo@example.org' },
  complaintUrl: 'https://www.cnil.fr/fr/adresser-une-plainte',
};

const defaults: Config = {
  host: '127.0.0.1',
  port: 8080,
  dataDir: './data',
  logLevel: 'info',
  language: 'fr',
  demo: false,
  fileSources: false,
  requireWorkstation: false,
  cameraNetworks: [],
  trustedProxies: [],
  transparency: demoTransparencyContacts,
  workers: 'embedded',
  maskEncoder: 'auto',
  shadowMinLabelled: 20,
  shadowMinPrecision: 0.5,
  legalProfile: defaultLegalProfileId,
};

/** Raised when the configuration is invalid; its message lists every problem. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function fromEnv(env: NodeJS.ProcessEnv): {
  values: Record<string, unknown>;
  problems: string[];
} {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, name] of Object.entries(configEnv)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    if (key === 'shadowMinLabelled' || key === 'shadowMinPrecision') {
      const number = Number(raw);
      if (raw.trim() !== '' && Number.isFinite(number)) values[key] = number;
      else problems.push(`${name}="${raw}" must be a number`);
    } else if (key === 'port') {
      const port = Number(raw);
      if (Number.isInteger(port)) values[key] = port;
      else problems.push(`${name}="${raw}" must be a whole number (e.g. 8080)`);
    } else if (key === 'cameraNetworks' || key === 'trustedProxies') {
      values[key] = raw
        .split(',')
        .map((cidr) => cidr.trim())
        .filter((cidr) => cidr !== '');
    } else if (key === 'demo' || key === 'fileSources' || key === 'requireWorkstation') {
      if (['1', 'true', 'on', 'yes'].includes(raw.toLowerCase())) values[key] = true;
      else if (['0', 'false', 'off', 'no'].includes(raw.toLowerCase())) values[key] = false;
      else problems.push(`${name}="${raw}" must be true or false`);
    } else {
      values[key] = raw;
    }
  }
  return { values, problems };
}

function fromFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError([`VIGIE_CONFIG=${path} cannot be read: ${(error as Error).message}`]);
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError([`${path} is not a valid JSON object: ${(error as Error).message}`]);
  }
}

/**
 * Reads the configuration once at start: defaults, then the JSON file named by VIGIE_CONFIG,
 * then environment variables. Throws ConfigError listing every invalid key.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const file = env['VIGIE_CONFIG'] ? fromFile(env['VIGIE_CONFIG']) : {};
  const { values, problems } = fromEnv(env);
  // The transparency section may be given in part: each of its keys replaces the default one.
  const section = file['transparency'];
  // Validated below, like every other value read from the file.
  const transparency = (
    typeof section === 'object' && section !== null && !Array.isArray(section)
      ? { ...defaults.transparency, ...section }
      : (section ?? defaults.transparency)
  ) as Config['transparency'];
  const merged = { ...defaults, ...file, ...values, transparency };
  for (const error of Value.Errors(ConfigSchema, merged)) {
    const { additionalProperty } = error.params as { additionalProperty?: string };
    const path = error.instancePath.replace(/^\//, '');
    const key = additionalProperty === undefined ? path : [path, additionalProperty].filter(Boolean).join('/');
    const envName = Object.hasOwn(configEnv, key) ? configEnv[key as keyof typeof configEnv] : undefined;
    const where = envName === undefined ? `"${key}" (config file)` : `${key} (${envName})`;
    problems.push(`${where}: ${error.message}`);
  }
  if (merged.workers === 'remote' && (merged.natsUrl === undefined || merged.nodeSecret === undefined)) {
    problems.push('workers=remote (VIGIE_WORKERS) needs NATS_URL and VIGIE_NODE_SECRET: workers report over NATS');
  }
  for (const key of ['cameraNetworks', 'trustedProxies'] as const) {
    const networks = merged[key];
    if (!Array.isArray(networks)) continue;
    const invalid = invalidNetworks(networks.filter((n): n is string => typeof n === 'string'));
    if (invalid.length > 0) {
      problems.push(`${key} (${configEnv[key]}): not CIDR networks (e.g. 10.20.0.0/16): ${invalid.join(', ')}`);
    }
  }
  if (typeof merged.legalProfile === 'string') {
    try {
      legalProfileById(merged.legalProfile);
    } catch (error) {
      problems.push(`legalProfile (VIGIE_LEGAL_PROFILE): ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...merged, dataDir: resolve(merged.dataDir) };
}

/** Where the configured database lives: PostgreSQL when `databaseUrl` is set, else `<dataDir>/db`. */
export function databaseLocation(config: Config, onConnectionError?: (error: Error) => void): DatabaseLocation {
  if (config.databaseUrl === undefined) return { dataDir: `${config.dataDir}/db` };
  return onConnectionError === undefined ? { url: config.databaseUrl } : { url: config.databaseUrl, onConnectionError };
}
