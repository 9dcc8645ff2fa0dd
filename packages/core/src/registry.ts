import Type, { type Static } from 'typebox';
import { analyticsEventTypes } from './analytic-event-types.js';
import { authorisationStates, type AuthorisationState, type AuthorisationSummary } from './authorisation.js';
import { addDaysToDate, addMonthsToDate, zonedDate, zonedInstant } from './calendar.js';
import { VigieError, type FieldProblem } from './errors.js';
import { PolygonSchema } from './image-geometry.js';
import type { LegalProfile } from './legal-profile.js';

export * from './dpia-rules.js';
import { assertMasksLargeEnough, privateSpaceExposure, type FacingDeclaration } from './privacy-masks.js';

/** Whether the information sign(s) covering a camera are up (LEGAL R14). */
export const signageStatuses = ['installed', 'planned', 'missing'] as const;

/** What a camera looks at: public space only, or public space overlooking private space in part (R6). */
export const facings = ['public', 'private'] as const;

/** A sign's status. */
export type SignageStatus = (typeof signageStatuses)[number];
/** A camera's facing. */
export type Facing = (typeof facings)[number];

/** Image types accepted for a sign photo. */
export const signagePhotoTypes = ['image/jpeg', 'image/png'] as const;
/** Largest sign photo stored: a phone photo, resized or not. */
export const maxSignagePhotoBytes = 4 * 1024 * 1024;

const reference = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'Number of the prefectoral order (arrêté préfectoral) authorising the camera, e.g. "2024/CAB/0123".',
});
const issuedOn = Type.String({ format: 'date', description: 'Date the order was signed (YYYY-MM-DD).' });
const expiresOn = Type.String({
  format: 'date',
  description: 'Last day the order covers (YYYY-MM-DD): at most five years after issuedOn (CSI L252-4).',
});
const signageStatus = Type.Enum([...signageStatuses], {
  description: 'installed: the sign is up; planned: ordered, not up yet; missing: no sign covers this camera.',
});
const notes = Type.String({ maxLength: 1000, description: 'Where the sign stands, what it says, what is missing.' });
const facing = Type.Enum([...facings], {
  description:
    'public: only public space in view; private: the view overlooks private space (dwellings, entrances) in part, which privacy masks must hide.',
});
const privateRegions = Type.Array(PolygonSchema, {
  minItems: 1,
  maxItems: 16,
  description:
    'Only with facing "private": where the private space lies in the picture (normalised polygons, each at least 0.05 % of it). Images stay locked until the camera\'s privacy masks hide all of every region.',
});

/**
 * The data-protection impact assessment that covers a camera's analytics (GDPR art. 35(3)(c), LEGAL
 * R27): its reference, the DPO's opinion, why less intrusive means do not suffice (the CNIL faulted
 * Valenciennes for never studying them), the analytics it covers, and when it must be reviewed.
 */
export const DpiaSchema = Type.Object(
  {
    reference: Type.String({ minLength: 1, maxLength: 100, description: 'Reference of the DPIA document.' }),
    dpoOpinion: Type.String({ minLength: 10, maxLength: 2000, description: 'The DPO’s opinion on it.' }),
    lessIntrusiveAlternatives: Type.String({
      minLength: 30,
      maxLength: 4000,
      description: 'The less intrusive means studied (patrols, lighting, no analytics…) and why they do not suffice.',
    }),
    coveredAnalytics: Type.Array(Type.Enum([...analyticsEventTypes]), {
      minItems: 1,
      maxItems: analyticsEventTypes.length,
      description: 'The analytics this assessment covers; no other may run on the camera.',
    }),
    reviewOn: Type.String({
      format: 'date',
      description: 'Date it must be reviewed by (YYYY-MM-DD); past it, the analytics stop.',
    }),
  },
  { additionalProperties: false },
);

/** A camera's impact assessment. */
export type Dpia = Static<typeof DpiaSchema>;

/** What a DPO records for a camera: its authorisation, its signage and what it faces. */
export const RegistryEntryInputSchema = Type.Object(
  {
    authorisation: Type.Object({ reference, issuedOn, expiresOn }, { additionalProperties: false }),
    signage: Type.Object({ status: signageStatus, notes: Type.Optional(notes) }, { additionalProperties: false }),
    facing,
    privateRegions: Type.Optional(privateRegions),
    dpia: Type.Optional(DpiaSchema),
  },
  { additionalProperties: false },
);

/**
 * Checks the private regions of an entry: declared only for a view facing private space, none below the
 * minimum area (MASK_TOO_SMALL), so that a region cannot be declared away.
 */
export function assertPrivateRegions(input: Pick<RegistryEntryInput, 'facing' | 'privateRegions'>): void {
  if (input.privateRegions === undefined) return;
  if (input.facing !== 'private')
    throw new VigieError('VALIDATION_FAILED', 'Private regions are declared only for a view facing private space.', [
      { path: '/privateRegions', reason: 'is allowed only with facing "private"' },
    ]);
  assertMasksLargeEnough(input.privateRegions, '/privateRegions');
}

/** A stored photo of a camera's sign; the bytes are served separately. */
export const SignagePhotoSchema = Type.Object(
  {
    contentType: Type.Enum([...signagePhotoTypes]),
    bytes: Type.Integer({ minimum: 1 }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    uploadedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

/** A camera's entry in the legal registry, with the authorisation's state computed at read time. */
export const RegistryEntrySchema = Type.Object(
  {
    cameraId: Type.String({ format: 'uuid' }),
    authorisation: Type.Object(
      {
        reference,
        issuedOn,
        expiresOn,
        expiresAt: Type.String({
          format: 'date-time',
          description: 'Instant the order stops covering the camera: the end of expiresOn in the legal time zone.',
        }),
        renewalDueAt: Type.String({
          format: 'date-time',
          description: 'From this instant the renewal file is due (four months before expiry).',
        }),
        state: Type.Enum([...authorisationStates]),
      },
      { additionalProperties: false },
    ),
    signage: Type.Object(
      { status: signageStatus, notes: Type.Optional(notes), photo: Type.Union([SignagePhotoSchema, Type.Null()]) },
      { additionalProperties: false },
    ),
    facing,
    privateRegions: Type.Optional(privateRegions),
    dpia: Type.Optional(DpiaSchema),
    version: Type.Integer({ minimum: 1 }),
    updatedAt: Type.String({ format: 'date-time' }),
    updatedBy: Type.String(),
  },
  { additionalProperties: false },
);

/** What a DPO records. */
export type RegistryEntryInput = Static<typeof RegistryEntryInputSchema>;
/** A stored registry entry. */
export type RegistryEntry = Static<typeof RegistryEntrySchema>;
/** A sign photo's metadata. */
export type SignagePhoto = Static<typeof SignagePhotoSchema>;
/** An accepted sign photo type. */
export type SignagePhotoType = (typeof signagePhotoTypes)[number];

/** When an authorisation ends and when its renewal falls due, as instants. */
export interface AuthorisationPeriod {
  expiresAt: Date;
  renewalDueAt: Date;
}

/**
 * Checks an authorisation's dates against the profile (signed no later than today, expiry after
 * signature and at most five years later in France) and returns its end and renewal instants.
 */
export function authorisationPeriod(
  authorisation: RegistryEntryInput['authorisation'],
  context: { now: Date; profile: LegalProfile },
): AuthorisationPeriod {
  const { issuedOn: issued, expiresOn: expires } = authorisation;
  const { now, profile } = context;
  const problems: FieldProblem[] = [];
  const latestExpiry = addMonthsToDate(issued, profile.authorisationMaxYears * 12);
  if (issued > zonedDate(now, profile.timeZone)) {
    problems.push({ path: '/authorisation/issuedOn', reason: 'is in the future: record an order once it is signed' });
  }
  if (expires <= issued) {
    problems.push({ path: '/authorisation/expiresOn', reason: 'must be after issuedOn' });
  } else if (expires > latestExpiry) {
    problems.push({
      path: '/authorisation/expiresOn',
      reason: `must be ${latestExpiry} or earlier: an authorisation lasts at most ${profile.authorisationMaxYears} years (${profile.authorisationSource})`,
    });
  }
  if (problems.length > 0) {
    throw new VigieError(
      'AUTHORISATION_PERIOD_INVALID',
      `The authorisation's dates are not possible: ${problems.map((p) => `${p.path} ${p.reason}`).join('; ')}.`,
      problems,
    );
  }
  return {
    expiresAt: zonedInstant(addDaysToDate(expires, 1), '00:00', profile.timeZone),
    renewalDueAt: zonedInstant(addMonthsToDate(expires, -profile.renewalNoticeMonths), '00:00', profile.timeZone),
  };
}

/** What `authorisationState` reads: a registry entry's instants. */
export interface AuthorisationInstants {
  authorisation: { expiresAt: string; renewalDueAt: string };
}

/** Where a camera's authorisation stands at `now`: valid, renewal due (four months before expiry), expired, missing. */
export function authorisationState(entry: AuthorisationInstants | undefined, now: Date): AuthorisationState {
  if (entry === undefined) return 'missing';
  const t = now.getTime();
  if (t >= Date.parse(entry.authorisation.expiresAt)) return 'expired';
  if (t >= Date.parse(entry.authorisation.renewalDueAt)) return 'renewal_due';
  return 'valid';
}

/** The summary a camera carries: state and end of its authorisation. */
export function authorisationSummary(entry: AuthorisationInstants | undefined, now: Date): AuthorisationSummary {
  return { state: authorisationState(entry, now), expiresAt: entry?.authorisation.expiresAt ?? null };
}

/** Whether images (live, recorded, exported) may be shown in this authorisation state. */
export function imagesViewableIn(state: AuthorisationState): boolean {
  return state === 'valid' || state === 'renewal_due';
}

/**
 * Refuses images of a camera whose authorisation is expired or missing (CSI L252-1, L252-4; R1),
 * or whose view overlooks private space that its privacy masks do not hide (CSI L251-3; R6).
 */
export function assertImagesViewable(
  camera: { name: string; masks: readonly { polygon: readonly { x: number; y: number }[] }[] },
  entry: (AuthorisationInstants & FacingDeclaration) | undefined,
  now: Date,
): void {
  const state = authorisationState(entry, now);
  if (!imagesViewableIn(state)) {
    const why =
      entry === undefined
        ? 'no prefectoral authorisation is on record for it (CSI L252-1)'
        : `its prefectoral authorisation ended at ${entry.authorisation.expiresAt} (CSI L252-4)`;
    throw new VigieError('CAMERA_NOT_AUTHORISED', `Images of camera "${camera.name}" cannot be viewed: ${why}.`);
  }
  const exposure = privateSpaceExposure(camera.masks, entry);
  if (exposure !== undefined) {
    throw new VigieError(
      'PRIVATE_SPACE_UNMASKED',
      `Images of camera "${camera.name}" cannot be viewed: its view overlooks private space its privacy masks do not hide (CSI L251-3): ${exposure.map((p) => p.reason).join('; ')}.`,
      exposure,
    );
  }
}

/** The image type the bytes really are (by signature), whatever the client claimed. */
export function imageTypeOf(bytes: Uint8Array): SignagePhotoType | undefined {
  const starts = (signature: readonly number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return undefined;
}

/** Accepts a sign photo only if it is a JPEG or PNG, as declared, and not too large. */
export function assertSignagePhoto(photo: { contentType: string | undefined; bytes: Uint8Array }): SignagePhotoType {
  const actual = imageTypeOf(photo.bytes);
  const declared = photo.contentType?.split(';')[0]?.trim().toLowerCase();
  const fail = (reason: string) =>
    new VigieError('SIGNAGE_PHOTO_INVALID', `The sign photo was refused: ${reason}.`, [{ path: '/', reason }]);
  if (photo.bytes.length > maxSignagePhotoBytes) throw fail(`it is larger than ${maxSignagePhotoBytes} bytes`);
  if (actual === undefined) throw fail('it is neither a JPEG nor a PNG image');
  if (declared !== actual) throw fail(`its content is ${actual} but it was sent as ${declared ?? 'no type'}`);
  return actual;
}
