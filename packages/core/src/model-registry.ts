import Type, { type Static } from 'typebox';
import { analyticsEventTypes } from './analytic-event-types.js';
import { VigieError, type FieldProblem } from './errors.js';
import type { LegalProfile } from './legal-profile.js';
import { refusedCapabilityNamed } from './refused-capabilities.js';

const Figure = Type.Number({ minimum: 0, maximum: 1 });

/** Per-event accuracy of a model, as measured by `npm run eval` (LEGAL R23, R24). */
export const ModelEvaluationSchema = Type.Object(
  {
    dataset: Type.String({ minLength: 1, maxLength: 300, description: 'What it was measured on.' }),
    command: Type.String({ minLength: 1, maxLength: 300, description: 'The command that measures it again.' }),
    measuredOn: Type.String({ format: 'date' }),
    events: Type.Record(
      Type.String({ minLength: 1, maxLength: 50 }),
      Type.Object({ precision: Figure, recall: Figure }, { additionalProperties: false }),
      { minProperties: 1, description: 'Precision and recall per event type (analytics event types only).' },
    ),
  },
  { additionalProperties: false },
);

/**
 * A detection model in the model registry (LEGAL R23): a model runs only if its file's SHA-256 is
 * registered here, with where it comes from, its licence, what it detects and how well.
 */
export const ModelRegistrationInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9._-]+$' }),
    version: Type.String({ minLength: 1, maxLength: 50 }),
    fileName: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'The model file’s name, e.g. yolox_nano.onnx.',
    }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the model file, lower-case hex.' }),
    purpose: Type.String({ minLength: 1, maxLength: 500 }),
    provenance: Type.String({
      minLength: 1,
      maxLength: 500,
      description: 'Who trained it, on what, where it was fetched.',
    }),
    licence: Type.String({ minLength: 1, maxLength: 100 }),
    capabilities: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), {
      minItems: 1,
      maxItems: 100,
      uniqueItems: true,
      description: 'The classes it outputs, e.g. person, backpack.',
    }),
    evaluation: ModelEvaluationSchema,
    attestation: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Reference of the attestation of conformity, where the legal profile asks for one.',
      }),
    ),
  },
  { additionalProperties: false },
);

/** A registered model. */
export const ModelRegistrationSchema = Type.Object(
  {
    ...ModelRegistrationInputSchema.properties,
    registeredAt: Type.String({ format: 'date-time' }),
    registeredBy: Type.String(),
  },
  { additionalProperties: false },
);

/** What a DPO registers. */
export type ModelRegistrationInput = Static<typeof ModelRegistrationInputSchema>;
/** A registered model. */
export type ModelRegistration = Static<typeof ModelRegistrationSchema>;

/**
 * Refuses a model that declares a refused capability (face, identity, plate, emotion, re-identification:
 * R16, R17) in its name, purpose or classes, and one without the attestation the profile requires (R23).
 */
export function assertModelRegistrable(input: ModelRegistrationInput, profile: LegalProfile): void {
  const named: [string, string][] = [
    ['/name', input.name],
    ['/purpose', input.purpose],
    ...input.capabilities.map((c, i): [string, string] => [`/capabilities/${i}`, c]),
  ];
  for (const [path, text] of named) {
    const refused = refusedCapabilityNamed(text, profile);
    if (refused !== undefined) {
      throw new VigieError('CAPABILITY_REFUSED_BY_LAW', refused.reason, [
        { path, reason: `${refused.id} is refused by design` },
      ]);
    }
  }
  const problems: FieldProblem[] = [];
  for (const type of Object.keys(input.evaluation.events)) {
    if (!(analyticsEventTypes as readonly string[]).includes(type)) {
      problems.push({
        path: `/evaluation/events/${type}`,
        reason: `is not an event type (${analyticsEventTypes.join(', ')})`,
      });
    }
  }
  if (profile.modelRegistry.attestationRequired && input.attestation === undefined) {
    problems.push({ path: '/attestation', reason: `is required (${profile.modelRegistry.attestationSource})` });
  }
  if (problems.length > 0) {
    throw new VigieError(
      'MODEL_REGISTRATION_INVALID',
      `The model cannot be registered: ${problems[0]?.reason}.`,
      problems,
    );
  }
}

/**
 * The registration of the model file about to be loaded, found by its SHA-256; refuses a file whose
 * hash is not registered, naming a tampered file (a registered name, another hash) as such.
 */
export function assertModelRegistered(
  file: { fileName: string; sha256: string },
  registered: readonly ModelRegistration[],
): ModelRegistration {
  const match = registered.find((model) => model.sha256 === file.sha256);
  if (match !== undefined) return match;
  const sameName = registered.find((model) => model.fileName === file.fileName);
  throw new VigieError(
    'MODEL_NOT_REGISTERED',
    sameName === undefined
      ? `The model file ${file.fileName} (SHA-256 ${file.sha256}) is not in the model registry: it will not run.`
      : `The model file ${file.fileName} does not match its registration (${sameName.name} ${sameName.version}): its SHA-256 is ${file.sha256}, not ${sameName.sha256}. It may have been altered; it will not run.`,
  );
}
