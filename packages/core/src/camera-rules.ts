import { assertAnalyticsJustified } from './analytic-purposes.js';
import type { AnalyticsEventType } from './analytic-event-types.js';
import type { Camera, CameraInput, CameraPatch, CameraSettings } from './camera.js';
import { VigieError, type FieldProblem } from './errors.js';
import type { LegalProfile } from './legal-profile.js';
import { assertRetentionAllowed } from './retention.js';
import { assertMasksLargeEnough } from './privacy-masks.js';
import { definedOnly } from './defined-only.js';

/** The kinds of stream source Vigie ingests. */
export type SourceKind = 'rtsp' | 'http' | 'file';

const schemeKinds: Record<string, SourceKind> = {
  'rtsp:': 'rtsp',
  'rtsps:': 'rtsp',
  'http:': 'http',
  'https:': 'http',
  'file:': 'file',
};

/** Tells how a source URL is ingested, or throws UNSUPPORTED_SOURCE_URL with the reason. */
export function sourceKind(sourceUrl: string): SourceKind {
  let url: URL;
  try {
    url = new URL(sourceUrl);
  } catch {
    throw unsupported(sourceUrl, 'is not a valid URL');
  }
  const kind = schemeKinds[url.protocol];
  if (kind === undefined) throw unsupported(sourceUrl, `scheme "${url.protocol}" is not supported`);
  if (kind !== 'file' && url.hostname === '') throw unsupported(sourceUrl, 'has no host');
  if (kind === 'file' && url.pathname.length <= 1) throw unsupported(sourceUrl, 'has no file path');
  return kind;
}

function unsupported(sourceUrl: string, reason: string): VigieError {
  return new VigieError('UNSUPPORTED_SOURCE_URL', `sourceUrl "${redactSourceUrl(sourceUrl)}" ${reason}.`, [
    { path: '/sourceUrl', reason },
  ]);
}

/** Hides the password of a source URL so it can be shown or logged. */
export function redactSourceUrl(sourceUrl: string): string {
  try {
    const url = new URL(sourceUrl);
    if (url.password === '') return sourceUrl;
    url.password = '***';
    return url.toString();
  } catch {
    return sourceUrl.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
  }
}

/** Which of a camera's streams a password opens: the main (recorded) or the sub (analysed) stream. */
export type StreamRole = 'main' | 'sub';

/** A camera's stream passwords, sealed (AES-256-GCM ciphertexts only the credential vault opens). */
export type SealedStreamPasswords = Partial<Record<StreamRole, string>>;

/** A source URL without its password, and the password it carried (decoded), if any. */
export function splitSourcePassword(sourceUrl: string): { url: string; password?: string } {
  let url: URL;
  try {
    url = new URL(sourceUrl);
  } catch {
    return { url: sourceUrl };
  }
  if (url.password === '') return { url: sourceUrl };
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { url: url.toString(), password };
}

/** The URL ffmpeg is given: the stored (password-free) URL with the stream password put back in. */
export function withSourcePassword(sourceUrl: string, password: string | undefined): string {
  if (password === undefined) return sourceUrl;
  const url = new URL(sourceUrl);
  url.password = encodeURIComponent(password);
  return url.toString();
}

/** Applies the privacy-preserving defaults to a new camera's input. */
export function cameraSettingsFromInput(input: CameraInput, profile: LegalProfile): CameraSettings {
  return {
    name: input.name,
    sourceUrl: input.sourceUrl,
    ...definedOnly({ subStreamUrl: input.subStreamUrl, site: input.site }),
    location: input.location,
    heading: input.heading ?? 0,
    fieldOfView: input.fieldOfView ?? 90,
    zones: input.zones ?? [],
    masks: input.masks ?? [],
    lines: input.lines ?? [],
    retentionDays: input.retentionDays ?? profile.defaultRetentionDays,
    purposes: input.purposes,
    enabled: input.enabled ?? true,
    // Privacy by default (GDPR art. 25): no analytic runs until someone switches it on.
    analytics: input.analytics ?? [],
    ruleSettings: input.ruleSettings ?? {},
    ...(input.calibration == null ? {} : { calibration: input.calibration }),
    ...(input.masksOnCamera === true ? { masksOnCamera: true } : {}),
  };
}

/** Merges a patch into a camera's current settings. */
export function applyCameraPatch(camera: Camera, patch: CameraPatch): CameraSettings {
  const { id: _id, version: _version, createdAt: _c, updatedAt: _u, authorisation: _a, ...current } = camera;
  const { subStreamUrl, site, ...rest } = patch;
  const merged: CameraSettings = { ...current, ...rest };
  // Optional text fields: null in a patch removes them.
  if (subStreamUrl === null) delete merged.subStreamUrl;
  else if (subStreamUrl !== undefined) merged.subStreamUrl = subStreamUrl;
  if (site === null) delete merged.site;
  else if (site !== undefined) merged.site = site;
  return merged;
}

/**
 * Checks the rules a schema cannot express; throws one VigieError listing every problem. With the
 * change that produced the settings, a purpose removal that strands an analytic is named as such.
 */
export function validateCameraSettings(settings: CameraSettings, profile: LegalProfile, change?: CameraPatch): void {
  sourceKind(settings.sourceUrl);
  if (settings.subStreamUrl !== undefined) sourceKind(settings.subStreamUrl);
  assertRetentionAllowed(settings.retentionDays, profile);
  const problems: FieldProblem[] = [];
  settings.purposes.forEach((purpose, index) => {
    if (settings.purposes.indexOf(purpose) !== index) {
      problems.push({
        path: `/purposes/${index}`,
        reason: `"${purpose}" is listed twice`,
      });
    }
  });
  if (problems.length > 0) {
    throw new VigieError('DUPLICATE_PURPOSE', 'A purpose is listed more than once.', problems);
  }
  settings.purposes.forEach((purpose, index) => {
    if (!profile.purposes.includes(purpose)) {
      problems.push({
        path: `/purposes/${index}`,
        reason: `"${purpose}" is not a purpose of ${profile.purposesSource}`,
      });
    }
  });
  if (problems.length > 0) {
    throw new VigieError(
      'PURPOSE_NOT_IN_PROFILE',
      `A purpose is not one the active legal profile (${profile.title.en}) allows: ${profile.purposes.join(', ')}.`,
      problems,
    );
  }
  for (const field of ['zones', 'masks', 'lines'] as const) {
    const ids = settings[field].map((item) => item.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index)
        problems.push({
          path: `/${field}/${index}/id`,
          reason: `id "${id}" is used twice`,
        });
    });
  }
  if (problems.length > 0) {
    throw new VigieError('DUPLICATE_ID', 'Zone, mask or line ids must be unique within a camera.', problems);
  }
  assertMasksLargeEnough(settings.masks, '/masks');
  assertAnalyticsJustified(settings, profile, change);
  assertCalibratedForMetres(settings);
}

/** Rules whose measure is in metres on the ground: a speed (m/s) or a density (persons/m²). */
export const metricRules: readonly AnalyticsEventType[] = ['rapid_movement', 'crowd_density'];

/**
 * Refuses rules measured in metres on a camera without a ground calibration: without one a speed or a
 * density is a guess (a frame assumed 20 m wide took ordinary walkers for runners).
 */
export function assertCalibratedForMetres(settings: Pick<CameraSettings, 'analytics' | 'calibration'>): void {
  if (settings.calibration != null) return;
  const problems: FieldProblem[] = settings.analytics.flatMap((type, index) =>
    metricRules.includes(type)
      ? [
          {
            path: `/analytics/${index}`,
            reason: `"${type}" measures in metres and the camera has no ground calibration`,
          },
        ]
      : [],
  );
  if (problems.length > 0)
    throw new VigieError(
      'CALIBRATION_REQUIRED',
      `Calibrate the camera's ground before switching on ${problems.length === 1 ? 'a rule' : 'rules'} measured in metres.`,
      problems,
    );
}

/** The stream analysis decodes: the sub stream when the camera has one (about a quarter of the decoding), else the main one. */
export function analysisSourceOf(camera: Pick<CameraSettings, 'sourceUrl' | 'subStreamUrl'>): string {
  return camera.subStreamUrl ?? camera.sourceUrl;
}
