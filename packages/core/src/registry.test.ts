import { describe, expect, it } from 'vitest';
import { VigieError } from './errors.js';
import { frenchProfile } from './legal-profile.js';
import {
  analyticsAllowedToRun,
  assertImagesViewable,
  assertSignagePhoto,
  authorisationPeriod,
  authorisationState,
  authorisationSummary,
  imageTypeOf,
  type Facing,
} from './registry.js';

const now = new Date('2026-06-15T10:00:00Z');
const context = { now, profile: frenchProfile };

function entryFor(issuedOn: string, expiresOn: string, facing: Facing = 'public') {
  const period = authorisationPeriod({ reference: '2024/CAB/0123', issuedOn, expiresOn }, context);
  return {
    facing,
    authorisation: { expiresAt: period.expiresAt.toISOString(), renewalDueAt: period.renewalDueAt.toISOString() },
  };
}

function problemOf(action: () => unknown): { code: string; paths: string[]; message: string } | undefined {
  try {
    action();
  } catch (error) {
    if (!(error instanceof VigieError)) throw error;
    return { code: error.code, paths: error.details.map((d) => d.path), message: error.message };
  }
  return undefined;
}

describe('legal registry', () => {
  it('ends an authorisation at the end of its last day in Paris, and asks for renewal four months before', () => {
    const period = authorisationPeriod(
      { reference: 'A', issuedOn: '2024-11-30', expiresOn: '2029-11-29' },
      { now, profile: frenchProfile },
    );
    expect(period.expiresAt.toISOString()).toBe('2029-11-29T23:00:00.000Z');
    expect(period.renewalDueAt.toISOString()).toBe('2029-07-28T22:00:00.000Z');
  });

  it('refuses an authorisation longer than five years (CSI L252-4), ending before it starts, or not yet signed', () => {
    const tooLong = problemOf(() =>
      authorisationPeriod({ reference: 'A', issuedOn: '2024-02-29', expiresOn: '2029-03-01' }, context),
    );
    expect(tooLong).toMatchObject({ code: 'AUTHORISATION_PERIOD_INVALID', paths: ['/authorisation/expiresOn'] });
    expect(tooLong?.message).toContain('2029-02-28 or earlier');
    expect(tooLong?.message).toContain('CSI L252-4');
    expect(
      problemOf(() =>
        authorisationPeriod({ reference: 'A', issuedOn: '2024-02-29', expiresOn: '2029-02-28' }, context),
      ),
    ).toBeUndefined();
    expect(
      problemOf(() => authorisationPeriod({ reference: 'A', issuedOn: '2025-01-10', expiresOn: '2025-01-10' }, context))
        ?.paths,
    ).toEqual(['/authorisation/expiresOn']);
    expect(
      problemOf(() => authorisationPeriod({ reference: 'A', issuedOn: '2026-06-16', expiresOn: '2027-01-01' }, context))
        ?.paths,
    ).toEqual(['/authorisation/issuedOn']);
  });

  it('tells valid, renewal due, expired and missing apart', () => {
    const entry = entryFor('2022-01-01', '2026-12-31');
    expect(authorisationState(undefined, now)).toBe('missing');
    expect(authorisationState(entry, new Date('2026-08-30T21:59:59Z'))).toBe('valid');
    expect(authorisationState(entry, new Date('2026-08-30T22:00:00Z'))).toBe('renewal_due');
    expect(authorisationState(entry, new Date('2026-12-31T22:59:59Z'))).toBe('renewal_due');
    expect(authorisationState(entry, new Date('2026-12-31T23:00:00Z'))).toBe('expired');
    expect(authorisationSummary(undefined, now)).toEqual({ state: 'missing', expiresAt: null });
    expect(authorisationSummary(entry, now)).toEqual({ state: 'valid', expiresAt: '2026-12-31T23:00:00.000Z' });
  });

  it('locks images of a camera with no or an expired authorisation, or overlooking private space unmasked', () => {
    const camera = { name: 'Gare', masks: [] };
    const square = [
      { x: 0, y: 0 },
      { x: 0.2, y: 0 },
      { x: 0.2, y: 0.2 },
      { x: 0, y: 0.2 },
    ];
    const masked = { name: 'Gare', masks: [{ id: 'm', polygon: square }] };
    // Three equal points (the exploit) mask nothing.
    const corner = { x: 0, y: 0 };
    const degenerate = { name: 'Gare', masks: [{ id: 'm', polygon: [corner, corner, corner] }] };
    expect(problemOf(() => assertImagesViewable(camera, undefined, now))).toMatchObject({
      code: 'CAMERA_NOT_AUTHORISED',
      message: expect.stringContaining('no prefectoral authorisation is on record') as string,
    });
    const expired = entryFor('2021-02-01', '2026-01-31');
    expect(problemOf(() => assertImagesViewable(camera, expired, now))?.message).toContain('ended at 2026-01-31T23:00');
    expect(problemOf(() => assertImagesViewable(camera, entryFor('2022-01-01', '2026-09-01'), now))).toBeUndefined();
    const overlooking = entryFor('2025-01-01', '2029-12-31', 'private');
    expect(problemOf(() => assertImagesViewable(camera, overlooking, now))?.code).toBe('PRIVATE_SPACE_UNMASKED');
    expect(problemOf(() => assertImagesViewable(masked, overlooking, now))).toBeUndefined();
    expect(problemOf(() => assertImagesViewable(degenerate, overlooking, now))?.code).toBe('PRIVATE_SPACE_UNMASKED');
    const declared = { ...overlooking, privateRegions: [square.map((p) => ({ x: p.x + 0.5, y: p.y }))] };
    expect(problemOf(() => assertImagesViewable(masked, declared, now))).toMatchObject({
      code: 'PRIVATE_SPACE_UNMASKED',
      message: expect.stringContaining('hide 0 % of private region 1') as string,
    });
  });

  it('accepts a sign photo only when its bytes are the JPEG or PNG it claims to be', () => {
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
    expect(imageTypeOf(jpeg)).toBe('image/jpeg');
    expect(imageTypeOf(png)).toBe('image/png');
    expect(assertSignagePhoto({ contentType: 'image/png', bytes: png })).toBe('image/png');
    expect(problemOf(() => assertSignagePhoto({ contentType: 'image/png', bytes: jpeg }))?.message).toContain(
      'its content is image/jpeg but it was sent as image/png',
    );
    const html = new TextEncoder().encode('<svg onload=alert(1)>');
    expect(problemOf(() => assertSignagePhoto({ contentType: 'image/jpeg', bytes: html }))?.code).toBe(
      'SIGNAGE_PHOTO_INVALID',
    );
    const huge = new Uint8Array(4 * 1024 * 1024 + 1);
    huge.set(jpeg);
    expect(problemOf(() => assertSignagePhoto({ contentType: 'image/jpeg', bytes: huge }))?.message).toContain(
      'larger than',
    );
  });
});

describe('impact assessment gate (LEGAL R27)', () => {
  const dpia = {
    reference: 'AIPD-2026-01',
    dpoOpinion: 'Favourable, limited to the forecourt.',
    lessIntrusiveAlternatives: 'Foot patrols studied: they cannot cover the area around the clock.',
    coveredAnalytics: ['abandoned_object' as const],
    reviewOn: '2027-06-30',
  };

  it('lets anonymous counts and camera health run without an assessment, and nothing else', () => {
    expect(analyticsAllowedToRun(['people_count', 'camera_tamper', 'intrusion'], undefined, '2026-11-23')).toEqual({
      allowed: ['people_count', 'camera_tamper'],
      blocked: ['intrusion'],
    });
  });

  it('runs only the analytics the assessment covers, until its review date', () => {
    expect(analyticsAllowedToRun(['abandoned_object', 'intrusion'], dpia, '2027-06-30')).toEqual({
      allowed: ['abandoned_object'],
      blocked: ['intrusion'],
    });
    expect(analyticsAllowedToRun(['abandoned_object'], dpia, '2027-07-01')).toEqual({
      allowed: [],
      blocked: ['abandoned_object'],
    });
  });
});
