import Type, { type Static } from 'typebox';
import type { ComplianceIssueCode, RetentionComplianceReport } from './compliance.js';
import type { LegalProfile } from './legal-profile.js';

/** How one requirement stands: met, not met (with what to fix), or outside what Vigie can check. */
export const checklistStatuses = ['pass', 'fail', 'manual'] as const;

/** One requirement's verdict for this installation. */
export const ComplianceCheckSchema = Type.Object(
  {
    requirement: Type.String({ description: 'The requirement, as numbered in docs/legal-requirements.md (R1–R29).' }),
    title: Type.String(),
    status: Type.Enum([...checklistStatuses]),
    findings: Type.Array(Type.String(), { description: 'What was found wrong (empty when it passes).' }),
    action: Type.String({ description: 'What to do: how to fix a failure, or how Vigie meets the requirement.' }),
  },
  { additionalProperties: false },
);

/** Every requirement of the active legal profile, with pass / fail / manual for this installation. */
export const ComplianceChecklistSchema = Type.Object(
  {
    generatedAt: Type.String({ format: 'date-time' }),
    profile: Type.String(),
    summary: Type.Object(
      { pass: Type.Integer(), fail: Type.Integer(), manual: Type.Integer() },
      { additionalProperties: false },
    ),
    checks: Type.Array(ComplianceCheckSchema),
  },
  { additionalProperties: false },
);

/** One requirement's verdict. */
export type ComplianceCheck = Static<typeof ComplianceCheckSchema>;
/** The whole checklist. */
export type ComplianceChecklist = Static<typeof ComplianceChecklistSchema>;

/** What the checklist is computed from: the per-camera report and the installation's state, read by the server. */
export interface InstallationFacts {
  now: Date;
  profile: LegalProfile;
  /** The per-camera retention and registry report (R1, R3, R6, R14, purposes of analytics). */
  cameras: RetentionComplianceReport;
  /** The audit chain as last verified (R11). */
  audit: { valid: boolean; entries: number };
  /** Access requests not answered by their deadline (R15). */
  overdueAccessRequests: number;
  /** Registered models lacking the attestation the profile asks for (R23). */
  unattestedModels: number;
  /** Who may see images (R8, R10): what is enforced, and the enrolled workstations. */
  habilitation: { enforced: boolean; workstationsRequired: boolean; enrolledWorkstations: number };
}

type Finder = (facts: InstallationFacts) => string[];

/** Findings from the per-camera report: each enabled camera's issues of the given codes, named. */
function cameraIssues(codes: readonly ComplianceIssueCode[], onlyEnabled = true): Finder {
  return ({ cameras }) =>
    cameras.cameras.flatMap((row) =>
      onlyEnabled && !row.enabled
        ? []
        : row.issues
            .filter((i) => codes.includes(i.code) && i.severity === 'blocking')
            .map((i) => `${row.name}: ${i.message}`),
    );
}

interface Rule {
  requirement: string;
  title: string;
  /** What to do when it fails (only rules that can fail). */
  fix?: string;
  /** How Vigie meets it when it passes (or why a person must check it). */
  how: string;
  /** Findings; absent when the requirement is met by construction (refused in code, tested). */
  find?: Finder;
  /** Outside what software can verify (or, as a function, not enforced here): a person checks it. */
  manual?: true | ((facts: InstallationFacts) => boolean);
  /** What the person checks when a conditional `manual` holds (`how` describes the enforced case). */
  check?: string;
}

const rules: readonly Rule[] = [
  {
    requirement: 'R1',
    title: 'Every recording camera has a valid prefectoral authorisation',
    find: cameraIssues(['authorisation_missing', 'authorisation_expired']),
    fix: 'Record the authorisation (arrêté, dates) in the legal registry, or disable the camera.',
    how: 'A camera without a valid authorisation neither records nor shows live images.',
  },
  {
    requirement: 'R2',
    title: 'Each camera declares its purposes; analytics and exports follow them',
    find: cameraIssues(['analytic_not_justified'], false),
    fix: 'Disable the analytics its purposes do not justify, or declare the purpose the authorisation grants.',
    how: 'Exports must name one of the camera’s purposes; analytics are refused outside them.',
  },
  {
    requirement: 'R3',
    title: 'Retention within the legal maximum, and nothing kept longer',
    find: cameraIssues(['retention_above_legal_maximum', 'recordings_past_retention'], false),
    fix: 'Lower the retention; let the purge run (check that the server runs and its disk is writable).',
    how: 'The purge deletes footage past retention; nothing past it is served.',
  },
  {
    requirement: 'R4',
    title: 'Footage kept past retention only under a hold with a reference and an end',
    how: 'Legal holds need a requisition reference and an expiry; access requests hold their footage.',
  },
  {
    requirement: 'R6',
    title: 'Private spaces masked before recording and display',
    find: cameraIssues(['private_space_unmasked'], false),
    fix: 'Draw a privacy mask over the private space in the camera editor.',
    how: 'Masks are burnt in before any pixel is stored or shown.',
  },
  {
    requirement: 'R7',
    title: 'No sound captured',
    how: 'Audio is dropped at ingest (ffmpeg -an) for recording, live and export.',
  },
  {
    requirement: 'R8',
    title: 'Habilitation and training records of the agents who see images',
    find: ({ habilitation }) =>
      habilitation.enforced ? [] : ['Images are shown without checking designation acts and training.'],
    fix: 'Use a legal profile that requires habilitations, and record each agent’s (PUT /api/users/{username}/habilitation).',
    how: 'Images (live, playback, export, snapshots) are refused without a valid designation act and training, audited.',
  },
  {
    requirement: 'R10',
    title: 'Images only on registered supervision-room workstations',
    find: ({ habilitation }) =>
      habilitation.workstationsRequired && habilitation.enrolledWorkstations === 0
        ? ['Workstations are required but none is enrolled: nobody can see images.']
        : [],
    fix: 'Enrol the supervision room’s workstations (POST /api/workstations), then claim each key on its browser.',
    // Without the requirement (VIGIE_REQUIRE_WORKSTATION), a person checks the console is reachable only there.
    manual: ({ habilitation }) => !habilitation.workstationsRequired,
    check:
      'Check that the console is reachable only from the supervision room, or set VIGIE_REQUIRE_WORKSTATION=true and enrol its workstations.',
    how: 'Images are refused on any browser that does not hold an enrolled workstation’s key.',
  },
  {
    requirement: 'R11',
    title: 'A tamper-evident audit trail',
    find: ({ audit }) => (audit.valid ? [] : [`The hash chain of ${audit.entries} entries does not verify.`]),
    fix: 'Run "vigie audit verify" to locate the break, report it to the DPO and keep the database as evidence.',
    how: 'Every consultation, export, deletion and change is chained by hash.',
  },
  {
    requirement: 'R12',
    title: 'Exports carry their integrity and are encrypted when they leave',
    how: 'Exports are signed (Ed25519) with a SHA-256 manifest; sent outside sealed for the recipient’s key or a passphrase (POST /api/exports/{id}/sealed), audited.',
  },
  {
    requirement: 'R13',
    title: 'Data encrypted at rest',
    manual: true,
    how: 'Put the data directory on an encrypted volume; backups must not outlive retention.',
  },
  {
    requirement: 'R14',
    title: 'Every camera is signposted',
    find: cameraIssues(['signage_missing', 'signage_planned']),
    fix: 'Install the sign and record it (with its photo) in the legal registry.',
    how: 'The public transparency page lists every camera, its purposes and rights.',
  },
  {
    requirement: 'R15',
    title: 'Access requests answered within the deadline',
    find: ({ overdueAccessRequests: n }) => (n === 0 ? [] : [`${n} access request(s) past their deadline.`]),
    fix: 'Answer the overdue requests in the DPO’s screen, or extend their deadline with a reason.',
    how: 'Requests hold their footage and count down to their deadline.',
  },
  {
    requirement: 'R16–R17',
    title: 'No plate reading, no facial recognition, no biometric identification',
    how: 'Refused in code: such fields, analytics and models are rejected, quoting the law.',
  },
  {
    requirement: 'R18–R19',
    title: 'Alert analytics only inside an analysis authorisation, for the allowed event types',
    how: 'Analytics start and stop with their authorisation by themselves, audited.',
  },
  {
    requirement: 'R20–R22',
    title: 'A human decides; every alert and decision is logged; a stop button',
    how: 'Alerts only invite an operator to look; verdicts are audited; the stop button halts analytics.',
  },
  {
    requirement: 'R23',
    title: 'Only registered, attested models run',
    find: ({ unattestedModels: n, profile }) =>
      n === 0 || !profile.modelRegistry.attestationRequired ? [] : [`${n} registered model(s) lack an attestation.`],
    fix: 'Record the attestation reference of each model ("vigie registry model"), or remove the model.',
    how: 'A model file is checked against its registered SHA-256 before it loads.',
  },
  {
    requirement: 'R29',
    title: 'Privacy by default',
    find: ({ profile }) =>
      profile.defaultRetentionDays <= profile.maxRetentionDays
        ? []
        : [`The default retention (${profile.defaultRetentionDays} days) exceeds the maximum.`],
    fix: 'Correct the legal profile’s default retention.',
    how: 'New cameras start with analytics off, retention below the maximum, no audio and no role by default.',
  },
];

/** The compliance checklist of an installation: each requirement passes, fails (saying what to do), or needs a person. */
export function complianceChecklist(facts: InstallationFacts): ComplianceChecklist {
  const checks = rules.map((rule): ComplianceCheck => {
    const findings = rule.find?.(facts) ?? [];
    const manual = typeof rule.manual === 'function' ? rule.manual(facts) : rule.manual === true;
    const status = manual ? 'manual' : findings.length > 0 ? 'fail' : 'pass';
    return {
      requirement: rule.requirement,
      title: rule.title,
      status,
      findings,
      action: status === 'fail' ? (rule.fix ?? rule.how) : status === 'manual' ? (rule.check ?? rule.how) : rule.how,
    };
  });
  const count = (status: ComplianceCheck['status']): number => checks.filter((c) => c.status === status).length;
  return {
    generatedAt: facts.now.toISOString(),
    profile: facts.profile.id,
    summary: { pass: count('pass'), fail: count('fail'), manual: count('manual') },
    checks,
  };
}
