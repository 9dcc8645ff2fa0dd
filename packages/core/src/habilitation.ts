import Type, { type Static } from 'typebox';
import { VigieError } from './errors.js';
import type { LegalProfile } from './legal-profile.js';

/**
 * Habilitations (LEGAL R8–R10): a person sees images only while an individual designation act names
 * them, within its camera scope, and while their data-protection (and, where the profile asks, AI
 * literacy) training is valid. Dates are calendar days (YYYY-MM-DD) in the profile's time zone; a
 * record is valid up to and including its expiry days.
 */

const Day = Type.String({ format: 'date' });

/** What an administrator records for one account: the designation act, its scope and the training dates. */
export const HabilitationInputSchema = Type.Object(
  {
    designationAct: Type.String({
      minLength: 3,
      maxLength: 200,
      description: 'Reference of the individual designation act (arrêté, décision) that authorises this person.',
    }),
    designatedOn: Day,
    designationExpiresOn: Day,
    cameraScope: Type.Union([Type.Literal('all'), Type.Array(Type.String({ format: 'uuid' }), { minItems: 1 })], {
      description: 'The cameras the act names, or "all".',
    }),
    dataProtectionTrainingOn: Day,
    dataProtectionTrainingExpiresOn: Day,
    aiLiteracyTrainingOn: Type.Optional(Day),
    aiLiteracyTrainingExpiresOn: Type.Optional(Day),
  },
  { additionalProperties: false },
);
/** A habilitation as recorded. */
export type HabilitationInput = Static<typeof HabilitationInputSchema>;

/** A habilitation as stored and shown: the input plus who recorded it and when. */
export const HabilitationSchema = Type.Intersect([
  HabilitationInputSchema,
  Type.Object({ username: Type.String(), recordedBy: Type.String(), recordedAt: Type.String({ format: 'date-time' }) }),
]);
/** A stored habilitation. */
export type Habilitation = Static<typeof HabilitationSchema>;

/** Why a person may not see images now, as an error code. */
export type HabilitationRefusal = 'HABILITATION_MISSING' | 'HABILITATION_EXPIRED' | 'HABILITATION_OUT_OF_SCOPE';

/** The problems of a habilitation as entered (dates in order, AI training complete): empty when it can be recorded. */
export function habilitationInputProblems(input: HabilitationInput, profile: LegalProfile): string[] {
  const problems: string[] = [];
  if (input.designationExpiresOn < input.designatedOn) problems.push('the designation expires before it starts');
  if (input.dataProtectionTrainingExpiresOn < input.dataProtectionTrainingOn) {
    problems.push('the data-protection training expires before it was taken');
  }
  const ai = [input.aiLiteracyTrainingOn, input.aiLiteracyTrainingExpiresOn];
  if (ai.filter((d) => d !== undefined).length === 1) problems.push('give both AI-literacy training dates, or neither');
  if (profile.habilitation.aiLiteracyTrainingRequired && ai[0] === undefined) {
    problems.push(`AI-literacy training is required (${profile.habilitation.source})`);
  }
  return problems;
}

/** What has lapsed in a record on `today` (YYYY-MM-DD), in words; empty while it is valid. */
export function lapsedParts(record: HabilitationInput, today: string, profile: LegalProfile): string[] {
  const lapsed: string[] = [];
  if (today < record.designatedOn) lapsed.push(`the designation starts on ${record.designatedOn}`);
  if (today > record.designationExpiresOn) lapsed.push(`the designation expired on ${record.designationExpiresOn}`);
  if (today > record.dataProtectionTrainingExpiresOn) {
    lapsed.push(`the data-protection training expired on ${record.dataProtectionTrainingExpiresOn}`);
  }
  const ai = record.aiLiteracyTrainingExpiresOn;
  if (profile.habilitation.aiLiteracyTrainingRequired && (ai === undefined || today > ai)) {
    lapsed.push(ai === undefined ? 'no AI-literacy training is recorded' : `the AI-literacy training expired on ${ai}`);
  }
  return lapsed;
}

/**
 * Throws the coded refusal when a person may not see images of `cameraId` (undefined: no particular
 * camera) on `today`: no record, a lapsed record, or a camera outside its scope.
 */
export function assertHabilitated(
  record: HabilitationInput | undefined,
  access: { today: string; cameraId?: string | undefined },
  profile: LegalProfile,
): void {
  const source = profile.habilitation.source;
  if (record === undefined) {
    throw new VigieError('HABILITATION_MISSING', `No designation act is recorded for you (${source}).`);
  }
  const lapsed = lapsedParts(record, access.today, profile);
  if (lapsed.length > 0) {
    throw new VigieError('HABILITATION_EXPIRED', `Your habilitation does not allow images: ${lapsed.join('; ')}.`);
  }
  if (access.cameraId !== undefined && record.cameraScope !== 'all' && !record.cameraScope.includes(access.cameraId)) {
    throw new VigieError(
      'HABILITATION_OUT_OF_SCOPE',
      `Your designation act (${record.designationAct}) does not cover this camera.`,
    );
  }
}
