import { describe, expect, it } from 'vitest';
import { complianceChecklist, type InstallationFacts } from './compliance-checklist.js';
import type { RetentionComplianceReport, RetentionComplianceRow } from './compliance.js';
import { frenchProfile } from './legal-profile.js';

const now = new Date('2026-06-15T10:00:00Z');

function row(overrides: Partial<RetentionComplianceRow>): RetentionComplianceRow {
  return {
    cameraId: '00000000-0000-4000-8000-000000000001',
    name: 'Gare — Parvis',
    enabled: true,
    retentionDays: 15,
    legalMaxRetentionDays: 30,
    authorisation: { state: 'valid', reference: '2024/CAB/0123', expiresOn: '2029-02-28' },
    signage: 'installed',
    signagePhoto: true,
    facing: 'public',
    masks: 0,
    analytics: [],
    issues: [],
    compliant: true,
    ...overrides,
  };
}

function facts(rows: RetentionComplianceRow[], overrides: Partial<InstallationFacts> = {}): InstallationFacts {
  const cameras: RetentionComplianceReport = {
    generatedAt: now.toISOString(),
    legalMaxRetentionDays: 30,
    retentionSource: 'CSI L252-5',
    summary: { cameras: rows.length, compliant: rows.length, nonCompliant: 0 },
    cameras: rows,
  };
  return {
    now,
    profile: frenchProfile,
    cameras,
    audit: { valid: true, entries: 12 },
    overdueAccessRequests: 0,
    unattestedModels: 0,
    habilitation: { enforced: true, workstationsRequired: false, enrolledWorkstations: 0 },
    ...overrides,
  };
}

const blocking = (code: RetentionComplianceRow['issues'][number]['code'], message: string) => ({
  code,
  message,
  severity: 'blocking' as const,
  source: 'LEGAL',
});

describe('the compliance checklist (LEGAL R29: a fresh install passes)', () => {
  it('judges habilitations (R8) and workstations (R10) from what is enforced', () => {
    const status = (habilitation: InstallationFacts['habilitation'], requirement: string) =>
      complianceChecklist(facts([], { habilitation })).checks.find((c) => c.requirement === requirement)?.status;
    expect(status({ enforced: true, workstationsRequired: false, enrolledWorkstations: 0 }, 'R8')).toBe('pass');
    expect(status({ enforced: false, workstationsRequired: false, enrolledWorkstations: 0 }, 'R8')).toBe('fail');
    expect(status({ enforced: true, workstationsRequired: true, enrolledWorkstations: 2 }, 'R10')).toBe('pass');
    expect(status({ enforced: true, workstationsRequired: true, enrolledWorkstations: 0 }, 'R10')).toBe('fail');
    expect(status({ enforced: true, workstationsRequired: false, enrolledWorkstations: 0 }, 'R10')).toBe('manual');
    // Not enforced, it must not claim images are refused elsewhere: it says what a person checks.
    const r10 = (workstationsRequired: boolean) =>
      complianceChecklist(
        facts([], { habilitation: { enforced: true, workstationsRequired, enrolledWorkstations: 1 } }),
      ).checks.find((c) => c.requirement === 'R10')?.action;
    expect(r10(false)).toMatch(/^Check that the console is reachable only from the supervision room/);
    expect(r10(true)).toMatch(/^Images are refused on any browser/);
  });

  it('passes every checkable requirement of a fresh install, and names those a person must check', () => {
    const list = complianceChecklist(facts([]));
    expect(list.summary.fail).toBe(0);
    expect(list.checks.filter((c) => c.status === 'manual').map((c) => c.requirement)).toEqual(['R10', 'R13']);
    expect(list.checks.map((c) => c.requirement)).toContain('R29');
    expect(list.profile).toBe('fr');
  });

  it('names each failure of a misconfigured installation with what to do', () => {
    const list = complianceChecklist(
      facts(
        [
          row({
            name: 'Sans arrêté',
            issues: [blocking('authorisation_missing', 'No prefectoral authorisation is recorded.')],
          }),
          row({
            name: 'Trop longue',
            enabled: false,
            issues: [blocking('retention_above_legal_maximum', 'Retention 40 days.')],
          }),
          row({ name: 'Fenêtres', issues: [blocking('private_space_unmasked', 'No mask.')] }),
          row({ name: 'Sans panneau', issues: [blocking('signage_missing', 'No sign.')] }),
          // A disabled camera records nothing: its missing authorisation is not a failure.
          row({ name: 'Éteinte', enabled: false, issues: [blocking('authorisation_missing', 'None.')] }),
        ],
        { audit: { valid: false, entries: 40 }, overdueAccessRequests: 2, unattestedModels: 1 },
      ),
    );
    const failed = Object.fromEntries(list.checks.filter((c) => c.status === 'fail').map((c) => [c.requirement, c]));
    expect(Object.keys(failed).sort()).toEqual(['R1', 'R11', 'R14', 'R15', 'R23', 'R3', 'R6'].sort());
    expect(failed['R1']?.findings).toEqual(['Sans arrêté: No prefectoral authorisation is recorded.']);
    expect(failed['R1']?.action).toMatch(/legal registry/);
    expect(failed['R3']?.findings).toEqual(['Trop longue: Retention 40 days.']);
    expect(failed['R11']?.action).toContain('vigie audit verify');
    expect(failed['R15']?.findings).toEqual(['2 access request(s) past their deadline.']);
    expect(list.summary).toEqual({ pass: list.checks.length - 7 - 2, fail: 7, manual: 2 });
  });
});
