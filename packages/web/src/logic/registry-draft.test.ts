import { describe, expect, it } from 'vitest';
import type { RegistryEntry } from '../api/dpo-api';
import { authorisationOf, blankDpia, dpiaChoices, registryDraft, registryInput } from './registry-draft';

const entry: RegistryEntry = {
  cameraId: '00000000-0000-4000-8000-000000000001',
  authorisation: {
    reference: '2024/CAB/0123',
    issuedOn: '2024-03-01',
    expiresOn: '2029-02-28',
    expiresAt: '2029-02-28T23:00:00.000Z',
    renewalDueAt: '2028-10-27T22:00:00.000Z',
    state: 'valid',
  },
  signage: { status: 'installed', photo: null },
  facing: 'public',
  version: 3,
  updatedAt: '2026-01-01T10:00:00.000Z',
  updatedBy: 'dpo',
};

describe('registry editor fields', () => {
  it('starts a camera the registry does not hold with empty dates, no sign and no assessment', () => {
    expect(registryDraft(undefined)).toEqual({
      reference: '',
      issuedOn: '',
      expiresOn: '',
      signageStatus: 'missing',
      signageNotes: '',
      facing: 'public',
      privateRegions: undefined,
      dpia: undefined,
    });
  });

  it('sends back a recorded entry unchanged, without notes nor assessment it did not have', () => {
    expect(registryInput(registryDraft(entry))).toEqual({
      authorisation: { reference: '2024/CAB/0123', issuedOn: '2024-03-01', expiresOn: '2029-02-28' },
      signage: { status: 'installed' },
      facing: 'public',
    });
  });

  it('keeps the declared private regions while the view faces private space, drops them when it no longer does', () => {
    const region = [
      { x: 0.6, y: 0 },
      { x: 1, y: 0 },
      { x: 1, y: 0.4 },
    ];
    const overlooking = registryDraft({ ...entry, facing: 'private', privateRegions: [region] });
    expect(registryInput(overlooking)).toMatchObject({ facing: 'private', privateRegions: [region] });
    expect(registryInput({ ...overlooking, facing: 'public' })).not.toHaveProperty('privateRegions');
  });

  it('trims what was typed and sends the notes and the assessment when written', () => {
    const draft = {
      ...registryDraft(entry),
      reference: ' 2024/CAB/0124 ',
      signageNotes: '  Panneau côté nord ',
      dpia: { ...blankDpia(['abandoned_object', 'people_count'], '2026-05-31'), reference: ' AIPD-7 ' },
    };
    const input = registryInput(draft);
    expect(input.authorisation.reference).toBe('2024/CAB/0124');
    expect(input.signage).toEqual({ status: 'installed', notes: 'Panneau côté nord' });
    expect(input.dpia).toMatchObject({
      reference: 'AIPD-7',
      coveredAnalytics: ['abandoned_object'],
      reviewOn: '2027-05-31',
    });
  });

  it('offers the enabled analytics, and those an assessment still covers though disabled since', () => {
    expect(dpiaChoices(['abandoned_object', 'people_count'], ['abandoned_object', 'intrusion'])).toEqual([
      { analytic: 'abandoned_object', enabled: true },
      { analytic: 'people_count', enabled: true },
      { analytic: 'intrusion', enabled: false },
    ]);
    expect(dpiaChoices([], [])).toEqual([]);
  });
});

describe('authorisation shown for a camera', () => {
  it('takes the registry entry’s state when there is one, else the camera’s', () => {
    const camera = { authorisation: { state: 'missing' as const, expiresAt: null } };
    expect(authorisationOf(camera, undefined)).toEqual({ state: 'missing', expiresAt: null });
    expect(authorisationOf(camera, entry)).toEqual({ state: 'valid', expiresAt: '2029-02-28T23:00:00.000Z' });
  });
});
