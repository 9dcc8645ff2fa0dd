import { describe, expect, it } from 'vitest';
import type { Camera } from './camera.js';
import { cameraSettingsFromInput } from './camera-rules.js';
import { cameraCompliance, recordOfProcessing, retentionComplianceReport } from './compliance.js';
import { frenchProfile } from './legal-profile.js';
import { authorisationPeriod, type RegistryEntry } from './registry.js';

const now = new Date('2026-06-15T10:00:00Z');

function camera(overrides: Partial<Camera> = {}): Camera {
  return {
    ...cameraSettingsFromInput(
      {
        name: 'Gare',
        sourceUrl: 'rtsp://u:p@cam/live',
        location: { lat: 50, lon: 3 },
        purposes: ['public_space_safety'],
      },
      frenchProfile,
    ),
    id: '6f1c2b7e-3a41-4c55-9a6e-0d8e2f7b1a90',
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    authorisation: { state: 'missing', expiresAt: null },
    ...overrides,
  };
}

function entry(
  overrides: { expiresOn?: string; signage?: RegistryEntry['signage']; facing?: 'public' | 'private' } = {},
) {
  const authorisation = {
    reference: '2024/CAB/0123',
    issuedOn: '2022-01-01',
    expiresOn: overrides.expiresOn ?? '2026-12-31',
  };
  const period = authorisationPeriod(authorisation, { now, profile: frenchProfile });
  const photo = {
    contentType: 'image/jpeg' as const,
    bytes: 10,
    sha256: '0'.repeat(64),
    uploadedAt: now.toISOString(),
  };
  return {
    cameraId: '6f1c2b7e-3a41-4c55-9a6e-0d8e2f7b1a90',
    authorisation: {
      ...authorisation,
      expiresAt: period.expiresAt.toISOString(),
      renewalDueAt: period.renewalDueAt.toISOString(),
      state: 'valid' as const,
    },
    signage: overrides.signage ?? { status: 'installed' as const, photo },
    facing: overrides.facing ?? ('public' as const),
    version: 1,
    updatedAt: now.toISOString(),
    updatedBy: 'dpo',
  };
}

const codes = (row: { issues: { code: string }[] }) => row.issues.map((i) => i.code);

describe('compliance', () => {
  it('finds a camera with its defaults, an authorisation and a photographed sign compliant (privacy by default, R29)', () => {
    const row = cameraCompliance({ camera: camera(), entry: entry(), now, profile: frenchProfile });
    expect(row).toMatchObject({
      compliant: true,
      issues: [],
      retentionDays: 15,
      legalMaxRetentionDays: 30,
      analytics: [],
    });
    expect(row).not.toHaveProperty('oldestRecordingStoredAt');
  });

  it('fails a camera with no authorisation and no sign (R1, R14)', () => {
    const row = cameraCompliance({ camera: camera(), entry: undefined, now, profile: frenchProfile });
    expect(codes(row)).toEqual(['authorisation_missing', 'signage_missing']);
    expect(row.compliant).toBe(false);
    expect(row.issues[1]?.source).toContain('R14');
  });

  it('warns four months before expiry, fails once expired or with a sign only planned', () => {
    const due = cameraCompliance({
      camera: camera(),
      entry: entry(),
      now: new Date('2026-10-01T00:00:00Z'),
      profile: frenchProfile,
    });
    expect(due).toMatchObject({
      compliant: true,
      issues: [{ code: 'authorisation_renewal_due', severity: 'warning' }],
    });
    const expired = cameraCompliance({
      camera: camera(),
      entry: entry(),
      now: new Date('2027-01-02T00:00:00Z'),
      profile: frenchProfile,
    });
    expect(codes(expired)).toEqual(['authorisation_expired']);
    const planned = cameraCompliance({
      camera: camera(),
      entry: entry({ signage: { status: 'planned', photo: null } }),
      now,
      profile: frenchProfile,
    });
    expect(codes(planned)).toEqual(['signage_planned']);
    const unphotographed = cameraCompliance({
      camera: camera(),
      entry: entry({ signage: { status: 'installed', photo: null } }),
      now,
      profile: frenchProfile,
    });
    expect(unphotographed).toMatchObject({
      compliant: true,
      issues: [{ code: 'signage_photo_missing', severity: 'warning' }],
    });
  });

  it('fails private space in view with no mask, an unjustified analytic, or recordings kept too long', () => {
    const row = cameraCompliance({
      camera: camera({ purposes: ['traffic_regulation'], analytics: ['crowd_density'] }),
      entry: entry({ facing: 'private' }),
      now,
      profile: frenchProfile,
      oldestRecordingStoredAt: '2026-05-31T09:00:00.000Z',
    });
    expect(codes(row)).toEqual(['recordings_past_retention', 'private_space_unmasked', 'analytic_not_justified']);
    expect(row.oldestRecordingStoredAt).toBe('2026-05-31T09:00:00.000Z');
    const inTime = cameraCompliance({
      camera: camera(),
      entry: entry(),
      now,
      profile: frenchProfile,
      oldestRecordingStoredAt: '2026-06-01T10:00:00.000Z',
    });
    expect(inTime.compliant).toBe(true);
    const held = cameraCompliance({
      camera: camera(),
      entry: entry(),
      now,
      profile: frenchProfile,
      oldestRecordingStoredAt: '2026-05-31T09:00:00.000Z',
      oldestUnheldRecordingStoredAt: '2026-06-01T10:00:00.000Z',
    });
    expect(held).toMatchObject({ compliant: true, oldestRecordingStoredAt: '2026-05-31T09:00:00.000Z' });
  });

  it('summarises the cameras, taking the oldest recordings when the segment index gives them', () => {
    const report = retentionComplianceReport({
      cameras: [camera(), camera({ id: 'b0c7d8e9-0000-4000-8000-000000000001', name: 'Marché' })],
      registry: [entry()],
      now,
      profile: frenchProfile,
      oldestRecordings: new Map([['6f1c2b7e-3a41-4c55-9a6e-0d8e2f7b1a90', null]]),
    });
    expect(report.summary).toEqual({ cameras: 2, compliant: 1, nonCompliant: 1 });
    expect(report.cameras[0]?.oldestRecordingStoredAt).toBeNull();
    expect(report.cameras[1]).not.toHaveProperty('oldestRecordingStoredAt');
  });

  it('fills every field of GDPR art. 30(1) in the record of processing, with no transfer outside the EU', () => {
    const record = recordOfProcessing({
      contacts: {
        controller: { name: 'Ville', address: '1 place', email: 'mairie@example.org' },
        dpo: { email: 'dpo@example.org' },
        complaintUrl: 'https://www.cnil.fr/fr/adresser-une-plainte',
      },
      cameras: [
        camera({ analytics: ['people_count'] }),
        camera({ name: 'B', purposes: ['traffic_regulation'], retentionDays: 7 }),
      ],
      now,
      profile: frenchProfile,
    });
    expect(record.controller.name).toBe('Ville');
    expect(record.dpo.email).toBe('dpo@example.org');
    expect(record.purposes).toEqual([
      { purpose: 'traffic_regulation', cameras: 1 },
      { purpose: 'public_space_safety', cameras: 1 },
    ]);
    for (const field of ['dataSubjects', 'dataCategories', 'recipients', 'securityMeasures'] as const) {
      expect(record[field].length, field).toBeGreaterThan(1);
    }
    expect(record.transfersOutsideEu).toBe('none');
    expect(record.retention).toMatchObject({ legalMaxDays: 30, source: 'CSI L252-5' });
    expect(record.retention.cameras).toEqual([
      { name: 'Gare', retentionDays: 15 },
      { name: 'B', retentionDays: 7 },
    ]);
    expect(record.analytics).toEqual([
      { type: 'people_count', cameras: 1, basis: expect.stringContaining('anonymous') as string },
    ]);
    expect(record.excludedData.join(' ')).toMatch(/facial recognition.*licence-plate/s);
  });
});
