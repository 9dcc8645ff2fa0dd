import { describe, expect, it } from 'vitest';
import { AnalyticsEventSchema, BoxSchema } from './analytics.js';
import { AlertRecordSchema } from './alert-record.js';
import { RaisedAlertFactSchema } from './domain-events.js';
import { VigieError } from './errors.js';
import { euPrivatePremisesProfile, frenchProfile } from './legal-profile.js';
import {
  assertModelRegistered,
  assertModelRegistrable,
  ModelRegistrationInputSchema,
  type ModelRegistration,
  type ModelRegistrationInput,
} from './model-registry.js';
import { refusedCapabilityNamed } from './refused-capabilities.js';

const input: ModelRegistrationInput = {
  name: 'yolox-nano',
  version: '0.1.1',
  fileName: 'yolox_nano.onnx',
  sha256: 'a'.repeat(64),
  purpose: 'Detect persons and bags',
  provenance: 'Megvii YOLOX, COCO',
  licence: 'Apache-2.0',
  capabilities: ['person', 'backpack'],
  evaluation: {
    dataset: 'synthetic scenes',
    command: 'npm run eval',
    measuredOn: '2026-11-01',
    events: { abandoned_object: { precision: 0.9, recall: 0.8 } },
  },
  attestation: 'DLPAJ 2026-17',
};
const registered: ModelRegistration = { ...input, registeredAt: '2026-11-01T00:00:00Z', registeredBy: 'dpo' };

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof VigieError) return error.code;
    throw error;
  }
  return undefined;
}

/** Every property name of a JSON schema, nested. */
function propertyNames(schema: unknown): string[] {
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as { properties?: Record<string, unknown> };
  return [
    ...Object.keys(node.properties ?? {}),
    ...Object.values(schema as Record<string, unknown>).flatMap((child) => propertyNames(child)),
  ];
}

describe('model registry (LEGAL R16, R17, R23)', () => {
  it('registers a model with its provenance, licence, classes, accuracy and attestation', () => {
    expect(codeOf(() => assertModelRegistrable(input, frenchProfile))).toBeUndefined();
    expect(Object.keys(ModelRegistrationInputSchema.properties)).toEqual(
      expect.arrayContaining(['sha256', 'provenance', 'licence', 'evaluation', 'attestation']),
    );
  });

  it.each([['face'], ['licence_plate'], ['person_reid'], ['emotion'], ['visage'], ['gait_embedding']])(
    'refuses a model declaring %s',
    (capability) => {
      expect(
        codeOf(() => assertModelRegistrable({ ...input, capabilities: ['person', capability] }, frenchProfile)),
      ).toBe('CAPABILITY_REFUSED_BY_LAW');
    },
  );

  it('requires the attestation where the profile does (France), not elsewhere', () => {
    const { attestation: _a, ...unattested } = input;
    expect(codeOf(() => assertModelRegistrable(unattested, frenchProfile))).toBe('MODEL_REGISTRATION_INVALID');
    expect(codeOf(() => assertModelRegistrable(unattested, euPrivatePremisesProfile))).toBeUndefined();
    const unknownEvent = {
      ...input,
      evaluation: { ...input.evaluation, events: { loitering: { precision: 1, recall: 1 } } },
    };
    expect(codeOf(() => assertModelRegistrable(unknownEvent, frenchProfile))).toBe('MODEL_REGISTRATION_INVALID');
  });

  it('loads only a file whose hash is registered, and names an altered one as such', () => {
    expect(assertModelRegistered({ fileName: 'yolox_nano.onnx', sha256: 'a'.repeat(64) }, [registered]).name).toBe(
      'yolox-nano',
    );
    expect(() => assertModelRegistered({ fileName: 'yolox_nano.onnx', sha256: 'b'.repeat(64) }, [registered])).toThrow(
      /does not match its registration/,
    );
    expect(() => assertModelRegistered({ fileName: 'other.onnx', sha256: 'b'.repeat(64) }, [registered])).toThrow(
      /is not in the model registry/,
    );
  });

  it('keeps identity, face, plate and embedding fields out of every output schema (R17)', () => {
    const names = [AnalyticsEventSchema, BoxSchema, AlertRecordSchema, RaisedAlertFactSchema].flatMap(propertyNames);
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((name) => refusedCapabilityNamed(name, frenchProfile) !== undefined)).toEqual([]);
  });
});
