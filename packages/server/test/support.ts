import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  addMonthsToDate,
  analyticNeedsAuthorisation,
  definedOnly,
  rolesNeedSecondFactor,
  segmentKey,
  systemClock,
  type Clock,
  type HabilitationInput,
  type Segment,
} from '@vigie/core';
import { RecordingRepository, smallSharedBuffers } from '@vigie/db';
import type { VigieDatabase } from '@vigie/db';
import { locateFfmpeg, type LocalDiskStorage } from '@vigie/media';
import { madeOncePerMachine } from '@vigie/media/testing';
import { seedMigratedPglite, type TestEngine } from '@vigie/db/testing';
import type { AnalyticsEventType, Dpia, Role, SourceUrlPolicy } from '@vigie/core';
import { renderDemoClips } from '../src/demo.js';
import {
  buildApp,
  databaseLocation,
  startServer,
  systemRequester,
  totpCode,
  type AppDependencies,
  type Config,
  type PasswordHashCost,
  type RunningServer,
  type VigieApp,
} from '@vigie/server';

/** An application over a fresh database of the given engine. */
export interface TestApp extends VigieApp {
  /** Where its recordings and exports live. */
  mediaDir: string;
  /** Its database, for tests that set up state the API cannot (old recordings). */
  database: VigieDatabase;
  close(): Promise<void>;
}

/** Test code reading the application directly, as Vigie itself (every camera, audited as `system (test)`). */
export const asTest = systemRequester('test');

/**
 * Argon2id cost of the accounts tests create: a fraction of a millisecond instead of the production
 * cost (tests log in hundreds of times). Passed explicitly; production code never sees it.
 */
export const testPasswordCost: PasswordHashCost = { memoryCost: 64, timeCost: 1, parallelism: 1 };

/**
 * Where the tests' cameras are: clips on disk and RTSP test cameras on this machine. Allowed here
 * explicitly; a deployment refuses both unless its configuration allows them (VIGIE_DEMO, VIGIE_CAMERA_NETWORKS).
 */
export const testSourcePolicy: SourceUrlPolicy = { allowFiles: true, allowedNetworks: ['127.0.0.0/8', '::1/128'] };

/**
 * `startServer`, except that a fresh embedded database starts from the migrated image instead of initdb and every
 * migration (most of a start's CPU) with smaller shared buffers, and a demo's clips are copied instead of drawn (`seedDemoClips`). First starts
 * on an empty data directory stay covered by server.socket, demo-npm-ffmpeg and the CLI's tests, which call
 * `startServer` or `vigie start` themselves.
 */
export async function startSeededServer(
  config: Config,
  testing: Parameters<typeof startServer>[1] = {},
): Promise<RunningServer> {
  const location = databaseLocation(config);
  if ('dataDir' in location) await seedMigratedPglite(location.dataDir);
  if (config.demo) await seedDemoClips(config.dataDir);
  return startServer(config, { databaseSharedBuffers: smallSharedBuffers, ...testing });
}

/** The files the demo clips are drawn by, and the ffmpeg drawing them: a change to any draws them again. */
const demoClipSources = [
  '../src/demo.ts',
  '../../media/src/demo-clip.ts',
  '../../vision/src/eval/scene.generator.ts',
  '../../vision/src/eval/synthetic.scenes.ts',
].map((path) => fileURLToPath(new URL(path, import.meta.url)));

let demoClipCache: Promise<string> | undefined;

/**
 * The folder of demo clips drawn by `renderDemoClips`, made once per machine under a hash of what draws them, not at
 * each demo start (9 CPU-s of ffmpeg).
 */
async function demoClipFolder(): Promise<string> {
  const ffmpegPath = locateFfmpeg().path;
  const sources = await Promise.all(demoClipSources.map((path) => readFile(path)));
  return madeOncePerMachine('vigie-demo-clips', sources, async (folder) => {
    const dataDir = `${folder}.data`;
    try {
      await renderDemoClips({ dataDir, ffmpegPath, log: { info: () => undefined } });
      await rename(join(dataDir, 'demo'), folder);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
}

/**
 * Puts the demo clips in `dataDir/demo` unless some are there, with their notes: the demo start then neither
 * checks nor draws any. Drawing them stays covered by demo-clips.test and demo-npm-ffmpeg.test, which draw their own.
 */
export async function seedDemoClips(dataDir: string): Promise<void> {
  const target = join(dataDir, 'demo');
  if (existsSync(target)) return;
  demoClipCache ??= demoClipFolder();
  const folder = await demoClipCache;
  await mkdir(target, { recursive: true });
  // Times kept: each clip's note (`<clip>.checked`) then still matches it, and the demo start checks none again.
  await cp(folder, target, { recursive: true, preserveTimestamps: true });
}

/** Builds the real application (no console files) over a fresh, migrated database. */
export async function openTestApp(
  engine: TestEngine,
  clock: Clock = systemClock,
  options: Pick<
    AppDependencies,
    | 'accessRequestLimit'
    | 'transparency'
    | 'bus'
    | 'workers'
    | 'promotionPolicy'
    | 'modelPath'
    | 'profile'
    | 'webRoot'
    | 'sourcePolicy'
    | 'unmaskSecret'
    | 'console'
    | 'trustedProxies'
    | 'storageSpace'
    | 'habilitation'
  > = {},
): Promise<TestApp> {
  const database = await engine.open();
  const mediaDir = await mkdtemp(join(tmpdir(), 'vigie-app-'));
  const app = await buildApp({
    database,
    clock,
    webRoot: '/nonexistent',
    mediaDir,
    passwordCost: testPasswordCost,
    sourcePolicy: testSourcePolicy,
    ...options,
  });
  return {
    ...app,
    mediaDir,
    database,
    close: async () => {
      await app.http.close();
      await database.close();
      await rm(mediaDir, { recursive: true, force: true });
    },
  };
}

/** A valid camera registration body. */
export function cameraBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Place du marché',
    sourceUrl: 'rtsp://admin:secret@192.0.2.10:554/stream1',
    location: { lat: 50.3579, lon: 3.5233 },
    purposes: ['public_space_safety'],
    ...overrides,
  };
}

let userCount = 0;

/** A designation and training valid from a month before `now` to a year after it, on every camera (LEGAL R8). */
export function validHabilitation(now = new Date()): HabilitationInput {
  const day = (months: number) => addMonthsToDate(now.toISOString().slice(0, 10), months);
  // Valid two years either side of `now`, so tests whose clock is set months away still see images.
  return {
    designationAct: 'Arrêté municipal TEST-001',
    designatedOn: day(-24),
    designationExpiresOn: day(24),
    cameraScope: 'all',
    dataProtectionTrainingOn: day(-24),
    dataProtectionTrainingExpiresOn: day(24),
    aiLiteracyTrainingOn: day(-24),
    aiLiteracyTrainingExpiresOn: day(24),
  };
}

/** Gives accounts whose roles see images a valid habilitation, as an administrator would record it. */
export async function habilitate(app: VigieApp, username: string, roles: Role[]): Promise<void> {
  if (rolesNeedSecondFactor(roles)) {
    await app.habilitations.record(username, validHabilitation(), { actorName: 'test setup' });
  }
}

/** Headers of a logged-in session: the cookie and the CSRF token changes must echo. */
export interface SessionHeaders extends Record<string, string> {
  cookie: string;
  'x-csrf-token': string;
}

/** Creates an account with the given roles and logs it in through the real login route. */
export async function loginAs(app: VigieApp, roles: Role[]): Promise<SessionHeaders> {
  userCount += 1;
  const username = `${roles.join('-')}-${userCount}`;
  const password = 'correct horse battery staple';
  const created = await app.users.create(
    { username, displayName: username, roles, password },
    { now: new Date(), actor: { actorName: 'test setup' } },
  );
  await habilitate(app, username, roles);
  const totp = created.totp === undefined ? undefined : totpCode(created.totp.secret, new Date());
  const response = await app.http.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password, ...definedOnly({ totp }) },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'vigie_session');
  const { csrfToken } = response.json<{ csrfToken: string }>();
  return { cookie: `vigie_session=${cookie?.value ?? ''}`, 'x-csrf-token': csrfToken };
}

/** Headers of a caller using an API token: unlike a session, it neither expires nor locks when a test moves its clock. */
export async function tokenAs(app: VigieApp, roles: Role[]): Promise<Record<string, string>> {
  userCount += 1;
  const username = `${roles.join('-')}-token-${userCount}`;
  const actor = { actorName: 'test setup' };
  await app.users.create(
    { username, displayName: username, roles, password: 'correct horse battery staple' },
    { now: new Date(), actor },
  );
  await habilitate(app, username, roles);
  const token = await app.users.createToken({ username, name: 'test', now: new Date(), actor });
  return { authorization: `Bearer ${token}` };
}

/** Records a valid prefectoral authorisation for a camera, so that its images may be shown (LEGAL R1). */
export async function authorise(
  app: VigieApp,
  cameraId: string,
  options: { now?: Date; dpiaCovers?: Dpia['coveredAnalytics'] } = {},
): Promise<void> {
  const year = (options.now ?? new Date()).getUTCFullYear();
  const dpia: Dpia | undefined =
    options.dpiaCovers === undefined
      ? undefined
      : {
          reference: `AIPD-${year}-TEST`,
          dpoOpinion: 'Favourable, limited to the station forecourt.',
          lessIntrusiveAlternatives:
            'Foot patrols were studied: they cannot watch the left-luggage area around the clock.',
          coveredAnalytics: options.dpiaCovers,
          reviewOn: `${year + 1}-12-31`,
        };
  await app.registry.record(
    cameraId,
    {
      authorisation: { reference: `${year}/CAB/TEST`, issuedOn: `${year - 1}-01-01`, expiresOn: `${year + 3}-12-31` },
      signage: { status: 'installed' },
      facing: 'public',
      ...definedOnly({ dpia }),
    },
    { actorName: 'test setup' },
  );
  // Alert analytics also need an analysis authorisation (LEGAL R18): one running from now for 30 days.
  const alertAnalytics = (options.dpiaCovers ?? []).filter(analyticNeedsAuthorisation);
  if (alertAnalytics.length > 0) {
    const now = options.now ?? new Date();
    await app.authorisations.record(
      {
        reference: `${year}/VSA/TEST`,
        legalBasis: 'loi 2023-380 art. 10; décret 2023-828',
        occasion: 'Test event at the station',
        responsibleService: 'Police municipale',
        cameraIds: [cameraId],
        eventTypes: alertAnalytics,
        startsAt: new Date(now.getTime() - 60_000).toISOString(),
        endsAt: new Date(now.getTime() + 30 * 24 * 3600_000).toISOString(),
        publicNotice: 'Algorithmic analysis of the station images during the test event.',
      },
      { actorName: 'test setup' },
    );
  }
}

/**
 * Adds a camera at `sourceUrl` (a test camera), authorised to record (R1), running these analytics (default: people
 * counting, which needs no analysis authorisation).
 */
export async function addAuthorisedCamera(
  app: VigieApp,
  name: string,
  sourceUrl: string,
  analytics: AnalyticsEventType[] = ['people_count'],
): Promise<string> {
  const created = await app.cameras.create(
    { name, sourceUrl, location: { lat: 50.35, lon: 3.52 }, purposes: ['public_space_safety'], analytics },
    { actorName: 'test setup' },
  );
  await authorise(app, created.id);
  return created.id;
}

/** Date (YYYY-MM-DD) and time (HH:MM) of an instant in Paris, as a citizen types them in the access-request form. */
export function parisDateTime(instant: Date): [date: string, time: string] {
  const [date = '', time = ''] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(instant)
    .split(', ');
  return [date, time];
}

/** Where {@link storeTestSegment} files a recorded clip: the app, its storage and a scratch folder for the copy. */
export interface SegmentShelf {
  app: VigieApp & { database: VigieDatabase };
  storage: LocalDiskStorage;
  /** A scratch folder: the clip is copied there first, as the recorder's spool would hold it. */
  scratch: string;
}

/** Stores a copy of `clip` as a segment of the camera ending at `endedAt`, on disk and in the index, as the recorder would. */
export async function storeTestSegment(
  shelf: SegmentShelf,
  cameraId: string,
  clip: string,
  endedAt: Date,
  seconds = 4,
): Promise<Segment> {
  const startedAt = new Date(endedAt.getTime() - seconds * 1000);
  const segment: Segment = {
    cameraId,
    key: segmentKey(cameraId, startedAt),
    startedAt,
    endedAt,
    bytes: 1000,
    sha256: '0'.repeat(64),
    initBytes: 100,
  };
  const copy = join(shelf.scratch, `${randomUUID()}.mp4`);
  await copyFile(clip, copy);
  await shelf.storage.put(segment.key, copy);
  await new RecordingRepository(shelf.app.database.db).insertSegment(segment);
  return segment;
}
