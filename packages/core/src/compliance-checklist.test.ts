import { describe, expect, it } from 'vitest';
import { checklistLanguages, complianceChecklist, type InstallationFacts } from './compliance-checklist.js';
import { recordOfProcessing, type RetentionComplianceReport, type RetentionComplianceRow } from './compliance.js';
import { frenchProfile } from './legal-profile.js';
import { defaultPromotionPolicy } from './rule-settings.js';

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

const contacts = {
  controller: { name: 'Ville', address: '1 place', email: 'mairie@example.org' },
  dpo: { email: 'dpo@example.org' },
  complaintUrl: 'https://www.cnil.fr/fr/adresser-une-plainte',
};

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
    encryptedAtRest: false,
    registerStartsAt: '2026-01-05T08:00:00.000Z',
    accounts: [
      { username: 'admin', roles: ['admin'] },
      { username: 'agent', roles: ['operator'] },
      { username: 'dpo', roles: ['dpo'] },
    ],
    verdicts: [],
    precisionPolicy: defaultPromotionPolicy,
    analysisAuthorisations: [],
    impactAssessments: [],
    recordOfProcessing: recordOfProcessing({ contacts, cameras: [], now, profile: frenchProfile }),
    ...overrides,
  };
}

/** The checklist in English, as most tests below read it. */
const english = (installation: InstallationFacts) => complianceChecklist(installation, 'en');

/** The status and findings of one requirement. */
function verdict(list: ReturnType<typeof complianceChecklist>, requirement: string) {
  const check = list.checks.find((c) => c.requirement === requirement);
  if (check === undefined) throw new Error(`${requirement} is not in the checklist`);
  return check;
}

/** An installation failing seven requirements. */
function misconfigured(): InstallationFacts {
  return facts(
    [
      row({
        name: 'Sans arrêté',
        issues: [blocking('authorisation_missing', 'No prefectoral authorisation is recorded.')],
      }),
      row({
        name: 'Trop longue',
        enabled: false,
        retentionDays: 40,
        issues: [blocking('retention_above_legal_maximum', 'Retention 40 days.')],
      }),
      row({ name: 'Fenêtres', issues: [blocking('private_space_unmasked', 'No mask.')] }),
      row({ name: 'Sans panneau', issues: [blocking('signage_missing', 'No sign.')] }),
      // A disabled camera records nothing: its missing authorisation is not a failure.
      row({ name: 'Éteinte', enabled: false, issues: [blocking('authorisation_missing', 'None.')] }),
    ],
    { audit: { valid: false, entries: 40 }, overdueAccessRequests: 2, unattestedModels: 1 },
  );
}

const dpia = {
  reference: 'AIPD-2026-03',
  dpoOpinion: 'Favourable, with a review in a year.',
  lessIntrusiveAlternatives: 'Patrols and lighting were studied and do not cover the night market.',
  coveredAnalytics: ['abandoned_object' as const],
  reviewOn: '2027-01-31',
};

const blocking = (code: RetentionComplianceRow['issues'][number]['code'], message: string) => ({
  code,
  message,
  severity: 'blocking' as const,
  source: 'LEGAL',
});

describe('the compliance checklist (LEGAL R29: a fresh install passes)', () => {
  it('judges habilitations (R8) and workstations (R10) from what is enforced', () => {
    const status = (habilitation: InstallationFacts['habilitation'], requirement: string) =>
      english(facts([], { habilitation })).checks.find((c) => c.requirement === requirement)?.status;
    expect(status({ enforced: true, workstationsRequired: false, enrolledWorkstations: 0 }, 'R8')).toBe('pass');
    expect(status({ enforced: false, workstationsRequired: false, enrolledWorkstations: 0 }, 'R8')).toBe('fail');
    expect(status({ enforced: true, workstationsRequired: true, enrolledWorkstations: 2 }, 'R10')).toBe('pass');
    expect(status({ enforced: true, workstationsRequired: true, enrolledWorkstations: 0 }, 'R10')).toBe('fail');
    expect(status({ enforced: true, workstationsRequired: false, enrolledWorkstations: 0 }, 'R10')).toBe('manual');
    // Not enforced, it must not claim images are refused elsewhere: it says what a person checks.
    const r10 = (workstationsRequired: boolean) =>
      english(
        facts([], { habilitation: { enforced: true, workstationsRequired, enrolledWorkstations: 1 } }),
      ).checks.find((c) => c.requirement === 'R10')?.action;
    expect(r10(false)).toMatch(/^Check that the console is reachable only from the supervision room/);
    expect(r10(true)).toMatch(/^Images are refused on any browser/);
  });

  it('passes every checkable requirement of a fresh install, and names those a person must check', () => {
    const list = english(facts([]));
    expect(list.summary.fail).toBe(0);
    expect(list.checks.filter((c) => c.status === 'manual').map((c) => c.requirement)).toEqual(['R10', 'R13']);
    expect(list.checks.map((c) => c.requirement)).toEqual(
      expect.arrayContaining(['R5', 'R9', 'R24', 'R25', 'R26', 'R27', 'R28', 'R29']),
    );
    expect(list.profile).toBe('fr');
  });

  it('R13: passes when the data directory is seen on an encrypted volume, else leaves it to a person', () => {
    expect(verdict(english(facts([], { encryptedAtRest: true })), 'R13')).toMatchObject({
      status: 'pass',
      action: expect.stringMatching(/^The data directory lies on a dm-crypt volume/) as string,
    });
    expect(verdict(english(facts([])), 'R13')).toMatchObject({
      status: 'manual',
      action: expect.stringMatching(/^Check that the data directory lies on an encrypted volume/) as string,
    });
  });

  it('R5: names recordings older than the register, which the register cannot account for', () => {
    const list = english(
      facts([
        row({ name: 'Restaurée', oldestRecordingStoredAt: '2025-12-31T23:00:00.000Z' }),
        row({ name: 'Récente', oldestRecordingStoredAt: '2026-06-14T10:00:00.000Z' }),
      ]),
    );
    expect(verdict(list, 'R5')).toMatchObject({
      status: 'fail',
      findings: [
        'Restaurée: a recording from 2025-12-31T23:00:00.000Z predates the register (begun 2026-01-05T08:00:00.000Z).',
      ],
    });
    expect(verdict(list, 'R5').action).toMatch(/register does not cover/);
    expect(verdict(english(facts([row({ oldestRecordingStoredAt: null })])), 'R5').status).toBe('pass');
  });

  it('R9: names each account that both sees images and administers or audits', () => {
    const list = english(
      facts([], {
        accounts: [
          { username: 'maire', roles: ['admin', 'supervisor'] },
          { username: 'dpo', roles: ['dpo', 'operator'] },
          { username: 'chef', roles: ['supervisor'] },
          { username: 'it', roles: ['admin', 'dpo'] },
        ],
      }),
    );
    expect(verdict(list, 'R9')).toMatchObject({
      status: 'fail',
      findings: ['Account "maire" is both admin and supervisor.', 'Account "dpo" is both dpo and operator.'],
    });
  });

  it('R24: flags a live rule whose operators’ verdicts fell below the precision bar, not a shadow one or a thin sample', () => {
    const month = (cameraId: string, shadow: boolean, trueAlerts: number, falseAlarms: number, m = '2026-06-01') => ({
      cameraId,
      type: 'abandoned_object' as const,
      month: m,
      shadow,
      alerts: trueAlerts + falseAlarms,
      trueAlerts,
      falseAlarms,
    });
    const gare = row({}).cameraId;
    const list = english(
      facts([row({})], {
        verdicts: [
          month(gare, false, 3, 10, '2026-05-01'),
          month(gare, false, 2, 10),
          month('00000000-0000-4000-8000-000000000009', true, 0, 40),
          month('00000000-0000-4000-8000-000000000008', false, 1, 5),
        ],
      }),
    );
    expect(verdict(list, 'R24')).toMatchObject({
      status: 'fail',
      findings: ['Gare — Parvis: "abandoned_object" precision 20 % over 25 decisions (minimum 50 %).'],
    });
    expect(verdict(list, 'R24').action).toMatch(/shadow/);
    const good = english(facts([row({})], { verdicts: [month(gare, false, 30, 5)] }));
    expect(verdict(good, 'R24').status).toBe('pass');
  });

  it('R25: passes by construction, saying no footage can be exported for training', () => {
    expect(verdict(english(facts([])), 'R25')).toMatchObject({
      status: 'pass',
      action: expect.stringMatching(/no dataset or training export/) as string,
    });
  });

  it('R26: names an analysis authorisation recorded after it had started (no prior notice)', () => {
    const list = english(
      facts([], {
        analysisAuthorisations: [
          { reference: 'ARR-1', createdAt: '2026-06-16T09:00:00.000Z', startsAt: '2026-06-15T08:00:00.000Z' },
          { reference: 'ARR-2', createdAt: '2026-06-01T09:00:00.000Z', startsAt: '2026-06-20T08:00:00.000Z' },
        ],
      }),
    );
    expect(verdict(list, 'R26')).toMatchObject({
      status: 'fail',
      findings: [
        'Authorisation ARR-1 started 2026-06-15T08:00:00.000Z but was published only on 2026-06-16T09:00:00.000Z.',
      ],
    });
  });

  it('R27: names enabled cameras running analytics no current impact assessment covers', () => {
    const camera = (name: string, over: Partial<InstallationFacts['impactAssessments'][number]>) => ({
      name,
      enabled: true,
      analytics: ['abandoned_object' as const],
      dpia: undefined,
      ...over,
    });
    const list = english(
      facts([], {
        impactAssessments: [
          camera('Sans AIPD', {}),
          camera('Revue passée', { dpia: { ...dpia, reviewOn: '2026-06-01' } }),
          camera('Couverte', { dpia }),
          camera('Comptage', { analytics: ['people_count'] }),
          camera('Éteinte', { enabled: false }),
        ],
      }),
    );
    expect(verdict(list, 'R27')).toMatchObject({
      status: 'fail',
      findings: [
        'Sans AIPD: abandoned_object — no impact assessment.',
        'Revue passée: abandoned_object — the assessment AIPD-2026-03 (review due 2026-06-01) does not cover them now.',
      ],
    });
    expect(verdict(list, 'R27').action).toMatch(/DPIA/);
  });

  it('R28: names the art. 30(1) fields the record of processing lacks', () => {
    const complete = recordOfProcessing({ contacts, cameras: [], now, profile: frenchProfile });
    const lacking = english(
      facts([], {
        recordOfProcessing: {
          ...complete,
          retention: { ...complete.retention, cameras: [{ name: 'Gare', retentionDays: 15 }] },
          recipients: [],
          securityMeasures: [],
        },
      }),
    );
    expect(verdict(lacking, 'R28')).toMatchObject({
      status: 'fail',
      findings: ['The record of processing lacks: purposes, recipients, security measures.'],
    });
    expect(verdict(english(facts([])), 'R28').status).toBe('pass');
  });

  it('names each failure of a misconfigured installation with what to do', () => {
    const list = english(misconfigured());
    const failed = Object.fromEntries(list.checks.filter((c) => c.status === 'fail').map((c) => [c.requirement, c]));
    expect(Object.keys(failed).sort()).toEqual(['R1', 'R11', 'R14', 'R15', 'R23', 'R3', 'R6'].sort());
    expect(failed['R1']?.findings).toEqual(['Sans arrêté: No prefectoral authorisation is recorded.']);
    expect(failed['R1']?.action).toMatch(/legal registry/);
    expect(failed['R3']?.findings).toEqual(['Trop longue: Retention 40 days.']);
    expect(failed['R11']?.action).toContain('vigie audit verify');
    expect(failed['R15']?.findings).toEqual(['2 access request(s) past their deadline.']);
    expect(list.summary).toEqual({ pass: list.checks.length - 7 - 2, fail: 7, manual: 2 });
  });

  it('writes every requirement in French and in English, whatever its status', () => {
    const installations = [
      facts([]),
      facts([], {
        encryptedAtRest: true,
        habilitation: { enforced: true, workstationsRequired: true, enrolledWorkstations: 1 },
      }),
      misconfigured(),
    ];
    for (const installation of installations) {
      const [fr, en] = checklistLanguages.map((language) => complianceChecklist(installation, language));
      if (fr === undefined || en === undefined) throw new Error('French and English are the checklist languages');
      expect(fr.checks.map((c) => [c.requirement, c.status])).toEqual(en.checks.map((c) => [c.requirement, c.status]));
      fr.checks.forEach((check, index) => {
        const other = en.checks[index];
        expect(check.title, check.requirement).not.toBe(other?.title);
        expect(check.action, check.requirement).not.toBe(other?.action);
        expect(check.title.length * check.action.length, check.requirement).toBeGreaterThan(0);
        // French typography: a space before the colon and the semicolon.
        expect(`${check.title} ${check.action}`, check.requirement).not.toMatch(/[^\s][:;](?![/\d])/);
      });
    }
  });

  it('reads a failure in French by default: findings and what to do', () => {
    const list = complianceChecklist(misconfigured());
    const failed = Object.fromEntries(list.checks.filter((c) => c.status === 'fail').map((c) => [c.requirement, c]));
    expect(failed['R1']).toMatchObject({
      title: 'Chaque caméra qui enregistre dispose d’une autorisation préfectorale en cours de validité',
      findings: ['Sans arrêté : aucune autorisation préfectorale n’est enregistrée.'],
      action: 'Enregistrez l’autorisation (arrêté, dates) dans le registre légal, ou désactivez la caméra.',
    });
    expect(failed['R3']?.findings).toEqual([
      'Trop longue : la durée de conservation de 40 jours dépasse le maximum légal de 30 jours.',
    ]);
    expect(failed['R15']?.findings).toEqual(['2 demande(s) d’accès au-delà de leur délai de réponse.']);
    expect(failed['R11']?.findings).toEqual(['La chaîne d’empreintes des 40 entrées du journal ne se vérifie pas.']);
    const unjustified = complianceChecklist(
      facts([
        row({
          name: 'Marché',
          analytics: ['crowd_density'],
          issues: [{ ...blocking('analytic_not_justified', 'not justified'), analytic: 'crowd_density' }],
        }),
      ]),
    );
    expect(verdict(unjustified, 'R2').findings).toEqual([
      'Marché : l’analyse « crowd_density » n’est pas justifiée par les finalités de la caméra.',
    ]);
  });
});
