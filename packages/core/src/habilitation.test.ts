import { describe, expect, it } from 'vitest';
import { assertHabilitated, habilitationInputProblems, lapsedParts, type HabilitationInput } from './habilitation.js';
import { euPrivatePremisesProfile, frenchProfile } from './legal-profile.js';

const record: HabilitationInput = {
  designationAct: 'Arrêté 2026-114',
  designatedOn: '2026-01-01',
  designationExpiresOn: '2027-12-31',
  cameraScope: ['5b1f6a0e-8f5c-4f57-9a5e-0b7d0c9e2a11'],
  dataProtectionTrainingOn: '2026-01-10',
  dataProtectionTrainingExpiresOn: '2026-12-31',
  aiLiteracyTrainingOn: '2026-01-12',
  aiLiteracyTrainingExpiresOn: '2026-06-30',
};
const camera = '5b1f6a0e-8f5c-4f57-9a5e-0b7d0c9e2a11';

function refusal(input: HabilitationInput | undefined, today: string, cameraId?: string, profile = frenchProfile) {
  try {
    assertHabilitated(input, { today, cameraId }, profile);
    return 'allowed';
  } catch (error) {
    return (error as { code: string }).code;
  }
}

describe('habilitation (LEGAL R8)', () => {
  it('allows images within the designation, the scope and valid training, up to and including expiry days', () => {
    expect(refusal(record, '2026-06-30', camera)).toBe('allowed');
    expect(refusal(record, '2026-03-01')).toBe('allowed');
  });

  it('refuses without a record, before the designation starts, and after any expiry', () => {
    expect(refusal(undefined, '2026-03-01')).toBe('HABILITATION_MISSING');
    expect(refusal(record, '2025-12-31')).toBe('HABILITATION_EXPIRED');
    expect(refusal(record, '2026-07-01')).toBe('HABILITATION_EXPIRED');
    expect(lapsedParts(record, '2027-01-01', frenchProfile)).toEqual([
      'the data-protection training expired on 2026-12-31',
      'the AI-literacy training expired on 2026-06-30',
    ]);
    expect(refusal(record, '2028-01-01')).toBe('HABILITATION_EXPIRED');
  });

  it('refuses a camera outside the act’s scope', () => {
    expect(refusal(record, '2026-03-01', 'another-camera')).toBe('HABILITATION_OUT_OF_SCOPE');
    expect(refusal({ ...record, cameraScope: 'all' }, '2026-03-01', 'another-camera')).toBe('allowed');
  });

  it('asks AI-literacy training in France, not for private premises', () => {
    const { aiLiteracyTrainingOn: _on, aiLiteracyTrainingExpiresOn: _until, ...withoutAi } = record;
    expect(habilitationInputProblems(withoutAi, frenchProfile)).toEqual([
      'AI-literacy training is required (CSI L252-2 (individual designation); décret 2022-1152 (training); AI Act art. 4 (AI literacy))',
    ]);
    expect(habilitationInputProblems(withoutAi, euPrivatePremisesProfile)).toEqual([]);
    expect(refusal(withoutAi, '2026-07-15', camera, euPrivatePremisesProfile)).toBe('allowed');
    expect(refusal(withoutAi, '2026-03-01', camera)).toBe('HABILITATION_EXPIRED');
  });

  it('names inconsistent dates', () => {
    const { aiLiteracyTrainingExpiresOn: _end, ...withoutAiEnd } = record;
    expect(
      habilitationInputProblems({ ...withoutAiEnd, designationExpiresOn: '2025-01-01' }, euPrivatePremisesProfile),
    ).toEqual(['the designation expires before it starts', 'give both AI-literacy training dates, or neither']);
  });
});
