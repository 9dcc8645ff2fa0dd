import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  addDaysToDate,
  addMonthsToDate,
  analyticNeedsAuthorisation,
  definedOnly,
  frenchProfile,
  zonedDate,
  type AnalyticsEventType,
  type LegalProfile,
  rolesNeedSecondFactor,
  type CameraInput,
  type Facing,
  type HabilitationInput,
  type Role,
  type RegistryEntryInput,
} from '@vigie/core';
import { demoClipArgs, keyframeTimes, locateFfmpeg, runFfmpeg, type DemoPattern } from '@vigie/media';
import type { FastifyBaseLogger } from 'fastify';
import { systemRequester } from './auth/requester.js';
import type { AnalysisAuthorisationService } from './services/analysis-authorisation.service.js';
import type { CameraService } from './services/camera.service.js';
import type { LegalRegistryService } from './services/legal-registry.service.js';
import type { UserService } from './services/user.service.js';
import type { HabilitationService } from './services/habilitation.service.js';

/** The identity of the demo setup, in access checks and the audit trail. */
const demoSetup = systemRequester('demo setup');

interface DemoCamera {
  /** A test pattern, or a synthetic street scene of the analytics evaluation (people, a left bag). */
  pattern: DemoPattern | 'abandoned_bag';
  input: Omit<CameraInput, 'sourceUrl'>;
  facing: Facing;
  /** Where the private space lies in the picture, declared in the registry; the camera's masks hide it. */
  privateRegions?: RegistryEntryInput['privateRegions'];
  sign: string;
  /** Analytics a (fictitious) impact assessment covers on this camera (LEGAL R27). */
  dpia?: AnalyticsEventType[];
}

// Around Valenciennes' town hall: the city the CNIL warned in 2021.
const demoCameras: readonly DemoCamera[] = [
  {
    // A synthetic scene: passers-by cross a counting line, one leaves a bag that stays 20 s.
    pattern: 'abandoned_bag',
    input: {
      name: 'Gare — Consigne',
      location: { lat: 50.3631, lon: 3.5171 },
      heading: 90,
      fieldOfView: 70,
      purposes: ['public_space_safety', 'terrorism_prevention'],
      retentionDays: 7,
      analytics: ['abandoned_object', 'people_count'],
      lines: [{ id: 'passage', name: 'Passage vers les quais', a: { x: 0.3, y: 0.2 }, b: { x: 0.3, y: 1 } }],
    },
    facing: 'public',
    sign: 'Panneau à l’entrée du hall',
    dpia: ['abandoned_object'],
  },
  {
    pattern: 'testsrc2',
    input: {
      name: 'Place d’Armes — Nord',
      location: { lat: 50.3579, lon: 3.5233 },
      heading: 180,
      fieldOfView: 80,
      purposes: ['public_space_safety'],
      retentionDays: 15,
    },
    facing: 'public',
    sign: 'Panneau à l’entrée nord de la place',
  },
  {
    pattern: 'life',
    input: {
      name: 'Gare — Parvis',
      location: { lat: 50.3634, lon: 3.5178 },
      heading: 135,
      fieldOfView: 90,
      purposes: ['public_space_safety', 'terrorism_prevention'],
      retentionDays: 15,
    },
    facing: 'public',
    sign: 'Panneaux aux deux accès du parvis',
  },
  {
    pattern: 'testsrc',
    input: {
      name: 'Rue de Famars — Carrefour',
      location: { lat: 50.3549, lon: 3.5242 },
      heading: 20,
      fieldOfView: 70,
      purposes: ['traffic_regulation'],
      retentionDays: 7,
    },
    facing: 'public',
    sign: 'Panneau sur le mât du feu tricolore',
  },
  {
    pattern: 'smptehdbars',
    input: {
      name: 'Hôtel de Ville — Entrée',
      location: { lat: 50.3576, lon: 3.5246 },
      heading: 270,
      fieldOfView: 60,
      purposes: ['public_buildings_protection'],
      retentionDays: 10,
      masks: [
        {
          id: 'window-no-12',
          label: 'Fenêtres du logement voisin',
          polygon: [
            { x: 0.75, y: 0 },
            { x: 1, y: 0 },
            { x: 1, y: 0.35 },
            { x: 0.75, y: 0.35 },
          ],
        },
      ],
    },
    facing: 'private',
    privateRegions: [
      [
        { x: 0.78, y: 0.02 },
        { x: 0.98, y: 0.02 },
        { x: 0.98, y: 0.33 },
        { x: 0.78, y: 0.33 },
      ],
    ],
    sign: 'Panneau à gauche de la porte principale',
  },
];

/**
 * Keyframes of a demo clip are at most this far apart, as a well-set camera sends them: stream copy cuts a
 * segment only at a keyframe, so a segment (and its index row) comes that late at worst.
 */
const demoKeyframeSeconds = 2;

/**
 * Renders one of the analytics evaluation's synthetic scenes. The evaluation code is loaded here, on
 * first use, from the vision package's test-support entry point: only a demo start that still has
 * the clip to draw loads it, never a server that is not running the demo.
 */
async function renderEvaluationScene(name: string, options: { ffmpegPath: string; output: string }): Promise<void> {
  const { renderScene, syntheticScenes } = await import('@vigie/vision/testing');
  const scene = syntheticScenes.find((s) => s.name === name);
  if (scene === undefined) throw new Error(`No synthetic scene is named ${name}.`);
  await renderScene(scene, { ...options, keyframeSeconds: demoKeyframeSeconds });
}

/** Whether a clip's keyframes come at least every `demoKeyframeSeconds` (one keyframe only: no). */
async function keyframesCloseEnough(ffmpegPath: string, path: string): Promise<boolean> {
  const times = await keyframeTimes(ffmpegPath, path).catch(() => []);
  return times.length > 1 && times.every((t, i) => i === 0 || t - (times[i - 1] ?? 0) <= demoKeyframeSeconds + 0.01);
}

/**
 * A demo test pattern as a camera's sub-stream sends it: 640×360 at 15 fps within 1 Mbit/s. At x264's own rate the
 * `life` scene came out at 4.2 Mbit/s (45 GB a day of the demo's disk, and four times the bytes to every viewer).
 */
const demoPatternClip = { seconds: 20, width: 640, height: 360, fps: 15, bitrateKbps: 1000 } as const;

/** What a clip's note says was checked, beside the file's identity: a note without it is an older version's. */
const checkedFor = (pattern: DemoCamera['pattern']) =>
  pattern === 'abandoned_bag'
    ? `keyframes ${demoKeyframeSeconds} s`
    : `keyframes ${demoKeyframeSeconds} s, ${demoPatternClip.bitrateKbps} kbit/s`;

/** The note beside a clip saying it is right: the clip's size and modification second when checked, and what was. */
const checkedNote = (clip: string) => `${clip}.checked`;

/** A clip's size and modification time, to the second (a copy that keeps its times matches too), and what was checked. */
async function clipIdentity(pattern: DemoCamera['pattern'], clip: string): Promise<string> {
  const { size, mtimeMs } = await stat(clip);
  return `${size} ${Math.floor(mtimeMs / 1000)} ${checkedFor(pattern)}`;
}

/**
 * Whether a clip was drawn by this version or found right before, unchanged since: each demo start then runs no
 * ffmpeg to check it again (five processes of a few tenths of a CPU-second each).
 */
async function checkedBefore(pattern: DemoCamera['pattern'], clip: string): Promise<boolean> {
  const noted = await readFile(checkedNote(clip), 'utf8').catch(() => undefined);
  return noted !== undefined && noted === (await clipIdentity(pattern, clip));
}

/** Notes that a clip is right (`checkedBefore`). */
async function noteChecked(pattern: DemoCamera['pattern'], clip: string): Promise<void> {
  await writeFile(checkedNote(clip), await clipIdentity(pattern, clip));
}

/** Whether a test pattern's clip is within a camera's rate (10 % over allowed); the street scene is drawn as it is. */
async function withinCameraRate(pattern: DemoCamera['pattern'], clip: string): Promise<boolean> {
  if (pattern === 'abandoned_bag') return true;
  const { seconds, bitrateKbps } = demoPatternClip;
  return (await stat(clip)).size * 8 <= seconds * bitrateKbps * 1000 * 1.1;
}

/** Whether a clip is there and right: noted before for this very file, else checked now (rate, keyframes) and noted. */
async function clipRight(ffmpegPath: string, pattern: DemoCamera['pattern'], clip: string): Promise<boolean> {
  if (!existsSync(clip)) return false;
  if (await checkedBefore(pattern, clip)) return true;
  if (!(await withinCameraRate(pattern, clip)) || !(await keyframesCloseEnough(ffmpegPath, clip))) return false;
  await noteChecked(pattern, clip);
  return true;
}

/**
 * Draws the demo clips that are missing, and again those an older version drew with keyframes too far
 * apart (its street scene had one every 25 s: that camera's segments were 25 s long and indexed that
 * late) or above a camera's rate (`demoPatternClip`); a clip is checked once, then noted as right. Run at
 * every demo start, before recording starts; returns each clip's path by pattern.
 */
export async function renderDemoClips(options: {
  dataDir: string;
  ffmpegPath: string;
  log: Pick<FastifyBaseLogger, 'info'>;
}): Promise<Map<DemoCamera['pattern'], string>> {
  const { dataDir, ffmpegPath, log } = options;
  const clipDir = join(dataDir, 'demo');
  await mkdir(clipDir, { recursive: true });
  const clips = new Map<DemoCamera['pattern'], string>();
  for (const [index, demo] of demoCameras.entries()) {
    const output = join(clipDir, `${demo.pattern}.mp4`);
    clips.set(demo.pattern, output);
    if (await clipRight(ffmpegPath, demo.pattern, output)) continue;
    log.info(`Rendering demo clip ${index + 1}/${demoCameras.length}: ${output}`);
    // Drawn aside, then renamed: a camera never reads a half-written clip.
    const drawing = join(clipDir, `${demo.pattern}.drawing.mp4`);
    if (demo.pattern === 'abandoned_bag') await renderEvaluationScene(demo.pattern, { ffmpegPath, output: drawing });
    else
      await runFfmpeg(
        ffmpegPath,
        demoClipArgs({
          output: drawing,
          pattern: demo.pattern,
          ...demoPatternClip,
          keyframeSeconds: demoKeyframeSeconds,
        }),
      );
    await rename(drawing, output);
    await noteChecked(demo.pattern, output);
  }
  return clips;
}

/**
 * Draws the demo clips (`renderDemoClips`) and registers a few demo cameras on them when the registry
 * is empty. A fresh clone has no video files, so the clips are drawn, not copied.
 */
export async function seedDemoCameras(options: {
  cameras: CameraService;
  dataDir: string;
  log: FastifyBaseLogger;
}): Promise<number> {
  const { cameras, dataDir, log } = options;
  let ffmpegPath: string;
  try {
    ffmpegPath = locateFfmpeg().path;
  } catch (error) {
    log.warn(`Demo cameras skipped: ${(error as Error).message}`);
    return 0;
  }
  const clips = await renderDemoClips({ dataDir, ffmpegPath, log });
  if ((await cameras.list(demoSetup)).length > 0) return 0;
  for (const demo of demoCameras) {
    const clip = clips.get(demo.pattern) ?? '';
    await cameras.create({ ...demo.input, sourceUrl: pathToFileURL(clip).toString() }, demoSetup);
  }
  log.info(`Registered ${demoCameras.length} demo cameras.`);
  return demoCameras.length;
}

/**
 * Gives each demo camera that has none a valid registry entry (a fictitious prefectoral order signed
 * a year ago, for five years), so that the demo shows video; also run on data from older versions.
 */
export async function seedDemoRegistry(options: {
  cameras: CameraService;
  registry: LegalRegistryService;
  now: Date;
  log: FastifyBaseLogger;
}): Promise<number> {
  const { cameras, registry, now, log } = options;
  const recorded = new Set((await registry.list()).map((entry) => entry.cameraId));
  const issuedOn = addMonthsToDate(zonedDate(now, frenchProfile.timeZone), -12);
  const expiresOn = addDaysToDate(addMonthsToDate(issuedOn, 60), -1);
  let count = 0;
  for (const camera of await cameras.list(demoSetup)) {
    const index = demoCameras.findIndex((demo) => demo.input.name === camera.name);
    const demo = demoCameras[index];
    if (demo === undefined || recorded.has(camera.id)) continue;
    await registry.record(
      camera.id,
      {
        authorisation: { reference: `DÉMO/CAB/${String(index + 1).padStart(4, '0')}`, issuedOn, expiresOn },
        signage: { status: 'installed', notes: demo.sign },
        facing: demo.facing,
        ...definedOnly({ privateRegions: demo.privateRegions }),
        ...(demo.dpia === undefined
          ? {}
          : {
              dpia: {
                reference: `DÉMO/AIPD/${String(index + 1).padStart(4, '0')}`,
                dpoOpinion: 'Avis favorable, limité à la consigne de la gare (démonstration).',
                lessIntrusiveAlternatives:
                  'Rondes à pied étudiées : elles ne couvrent pas la consigne en continu ; aucune analyse sur les autres caméras.',
                coveredAnalytics: demo.dpia,
                reviewOn: addMonthsToDate(zonedDate(now, frenchProfile.timeZone), 12),
              },
            }),
      },
      demoSetup,
    );
    count += 1;
  }
  if (count > 0) log.info(`Recorded a demo authorisation for ${count} demo camera(s).`);
  return count;
}

/** How long before the demo's analysis authorisation starts its public notice is published (LEGAL R26). */
const noticeLeadMs = 5_000;

/**
 * Records a fictitious analysis authorisation for the demo cameras' alert analytics when none is
 * current (LEGAL R18), so that the demo shows alerts; it lasts the longest the profile allows.
 */
export async function seedDemoAnalysisAuthorisation(options: {
  cameras: CameraService;
  authorisations: AnalysisAuthorisationService;
  now: Date;
  profile: LegalProfile;
  log: FastifyBaseLogger;
}): Promise<boolean> {
  const { cameras, authorisations, now, profile, log } = options;
  const covered = demoCameras.flatMap((demo) => demo.dpia ?? []).filter(analyticNeedsAuthorisation);
  const demoIds = (await cameras.list(demoSetup))
    .filter((camera) => demoCameras.some((demo) => demo.input.name === camera.name && demo.dpia !== undefined))
    .map((camera) => camera.id);
  const current = await authorisations.list({ current: true });
  if (
    demoIds.length === 0 ||
    covered.length === 0 ||
    current.some((a) => a.cameraIds.some((id) => demoIds.includes(id)))
  ) {
    return false;
  }
  await authorisations.record(
    {
      reference: 'DÉMO/VSA/0001',
      legalBasis: 'loi 2023-380 art. 10; décret 2023-828 (démonstration)',
      occasion: 'Démonstration : consigne de la gare',
      responsibleService: 'Police municipale (démonstration)',
      cameraIds: demoIds,
      eventTypes: [...new Set(covered)],
      // Seconds after it is recorded: its public notice is on the transparency page first (LEGAL R26), and the demo
      // still shows alerts at once.
      startsAt: new Date(now.getTime() + noticeLeadMs).toISOString(),
      endsAt: new Date(now.getTime() + profile.analysisAuthorisation.maxDays * 24 * 3600_000 - 60_000).toISOString(),
      publicNotice:
        'Démonstration : les images de la consigne de la gare font l’objet d’une détection des objets abandonnés.',
    },
    demoSetup,
  );
  log.info('Recorded a demo analysis authorisation.');
  return true;
}

const demoAccounts: readonly { username: string; displayName: string; roles: Role[] }[] = [
  { username: 'superviseur', displayName: 'Superviseur (démo)', roles: ['supervisor'] },
  { username: 'operateur', displayName: 'Opérateur (démo)', roles: ['operator'] },
  { username: 'dpo', displayName: 'Délégué à la protection des données (démo)', roles: ['dpo'] },
  { username: 'admin', displayName: 'Administrateur (démo)', roles: ['admin'] },
];

/** A fictitious designation act and training, valid a year from today, for the demo accounts that see images. */
function demoHabilitation(now: Date): HabilitationInput {
  const today = zonedDate(now, frenchProfile.timeZone);
  const monthAgo = addMonthsToDate(today, -1);
  const inAYear = addMonthsToDate(today, 12);
  return {
    designationAct: `Arrêté municipal DEMO-${today.slice(0, 4)}-001 (fictitious)`,
    designatedOn: monthAgo,
    designationExpiresOn: inAYear,
    cameraScope: 'all',
    dataProtectionTrainingOn: monthAgo,
    dataProtectionTrainingExpiresOn: inAYear,
    aiLiteracyTrainingOn: monthAgo,
    aiLiteracyTrainingExpiresOn: inAYear,
  };
}

/**
 * Creates one demo account per role when there is none, with random passwords written to
 * `<dataDir>/demo-accounts.txt` (readable by the owner only) — never a default password.
 */
export async function seedDemoAccounts(options: {
  users: UserService;
  habilitations: HabilitationService;
  now: Date;
  dataDir: string;
  log: FastifyBaseLogger;
}): Promise<void> {
  const { users, habilitations, dataDir, log } = options;
  if ((await users.list()).length > 0) return;
  const lines = ['# Vigie demo accounts — created once; keep this file private.', ''];
  for (const account of demoAccounts) {
    const password = randomBytes(12).toString('base64url');
    const created = await users.create({ ...account, password }, { now: new Date(), actor: demoSetup });
    lines.push(`${account.username}\tpassword: ${password}\troles: ${account.roles.join(', ')}`);
    if (rolesNeedSecondFactor(account.roles)) {
      await habilitations.record(account.username, demoHabilitation(options.now), demoSetup);
    }
    if (created.totp !== undefined) lines.push(`\tone-time codes: add ${created.totp.uri} to an authenticator app`);
  }
  const token = await users.createToken({
    username: 'superviseur',
    name: 'demo API token',
    now: new Date(),
    actor: demoSetup,
  });
  const file = join(dataDir, 'demo-accounts.txt');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  await writeFile(join(dataDir, 'demo-token'), token, { mode: 0o600 });
  log.info(
    `Demo accounts created: logins, passwords and one-time-code keys are in ${file}; an API token is in ${join(dataDir, 'demo-token')}`,
  );
}
