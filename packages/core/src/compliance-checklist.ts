import Type, { type Static } from 'typebox';
import type { AnalyticsEventType } from './analytic-event-types.js';
import { zonedDate } from './calendar.js';
import type { ComplianceIssueCode, RecordOfProcessing, RetentionComplianceReport, RuleVerdicts } from './compliance.js';
import type { LegalProfile } from './legal-profile.js';
import type { Role } from './permissions.js';
import { analyticsAllowedToRun, type Dpia } from './registry.js';
import { precisionOf, type PromotionPolicy } from './rule-settings.js';

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
  /** Whether the data directory was seen on an encrypted (dm-crypt) volume (R13). */
  encryptedAtRest: boolean;
  /** When the audit trail, which the statutory register is drawn from, begins (R5); null when empty. */
  registerStartsAt: string | null;
  /** The accounts and their roles (R9). */
  accounts: readonly { username: string; roles: readonly Role[] }[];
  /** Operators' verdicts per camera, rule and month over the recent months (R24). */
  verdicts: readonly RuleVerdicts[];
  /** Below what precision, over at least how many decisions, a live rule counts as degraded (R24). */
  precisionPolicy: PromotionPolicy;
  /** Analysis authorisations not ended yet, with when each was recorded (R26). */
  analysisAuthorisations: readonly { reference: string; createdAt: string; startsAt: string }[];
  /** Each camera's analytics and the impact assessment covering them (R27). */
  impactAssessments: readonly {
    name: string;
    enabled: boolean;
    analytics: readonly AnalyticsEventType[];
    dpia: Dpia | undefined;
  }[];
  /** The record of processing as generated from the configuration (R28). */
  recordOfProcessing: RecordOfProcessing;
}

/** Roles that see images, and roles whose duty is to oversee or administer those who do (R9). */
const imageRoles: readonly Role[] = ['operator', 'supervisor'];
const oversightRoles: readonly Role[] = ['admin', 'dpo'];

/** Accounts that hold both an image role and an oversight role: duties not separated (R9). */
function mixedDuties({ accounts }: InstallationFacts): string[] {
  return accounts.flatMap(({ username, roles }) => {
    const sees = roles.filter((r) => imageRoles.includes(r));
    const oversees = roles.filter((r) => oversightRoles.includes(r));
    return sees.length > 0 && oversees.length > 0
      ? [`Account "${username}" is both ${oversees.join(', ')} and ${sees.join(', ')}.`]
      : [];
  });
}

/** Stored recordings older than the audit trail: the register does not cover them (R5). */
function outsideRegister({ cameras, registerStartsAt }: InstallationFacts): string[] {
  return cameras.cameras.flatMap((row) => {
    const oldest = row.oldestRecordingStoredAt;
    if (typeof oldest !== 'string') return [];
    if (registerStartsAt !== null && Date.parse(oldest) >= Date.parse(registerStartsAt)) return [];
    return [
      `${row.name}: a recording from ${oldest} predates the register (${registerStartsAt === null ? 'empty' : `begun ${registerStartsAt}`}).`,
    ];
  });
}

/** Live rules whose precision from operators' decisions fell below the minimum (R24). */
function degradedRules({ verdicts, precisionPolicy, cameras }: InstallationFacts): string[] {
  const names = new Map(cameras.cameras.map((row) => [row.cameraId, row.name]));
  const totals = new Map<string, { cameraId: string; type: string; trueAlerts: number; falseAlarms: number }>();
  for (const v of verdicts) {
    if (v.shadow) continue;
    const key = `${v.cameraId}|${v.type}`;
    const total = totals.get(key) ?? { cameraId: v.cameraId, type: v.type, trueAlerts: 0, falseAlarms: 0 };
    total.trueAlerts += v.trueAlerts;
    total.falseAlarms += v.falseAlarms;
    totals.set(key, total);
  }
  return [...totals.values()].flatMap((t) => {
    const precision = precisionOf(t);
    const decisions = t.trueAlerts + t.falseAlarms;
    if (precision === null || decisions < precisionPolicy.minLabelled || precision >= precisionPolicy.minPrecision)
      return [];
    const percent = (x: number) => `${Math.round(x * 100)} %`;
    return [
      `${names.get(t.cameraId) ?? t.cameraId}: "${t.type}" precision ${percent(precision)} over ${decisions} decisions (minimum ${percent(precisionPolicy.minPrecision)}).`,
    ];
  });
}

/** Analysis authorisations recorded after they started: the public had no notice beforehand (R26). */
function noticeAfterStart({ analysisAuthorisations }: InstallationFacts): string[] {
  return analysisAuthorisations
    .filter((a) => Date.parse(a.createdAt) > Date.parse(a.startsAt))
    .map((a) => `Authorisation ${a.reference} started ${a.startsAt} but was published only on ${a.createdAt}.`);
}

/** Enabled cameras running analytics no current impact assessment covers (R27). */
function uncoveredAnalytics({ impactAssessments, now, profile }: InstallationFacts): string[] {
  const today = zonedDate(now, profile.timeZone);
  return impactAssessments.flatMap(({ name, enabled, analytics, dpia }) => {
    if (!enabled) return [];
    const { blocked } = analyticsAllowedToRun(analytics, dpia, today);
    if (blocked.length === 0) return [];
    const why =
      dpia === undefined
        ? 'no impact assessment'
        : `the assessment ${dpia.reference} (review due ${dpia.reviewOn}) does not cover them now`;
    return [`${name}: ${blocked.join(', ')} — ${why}.`];
  });
}

/** Article 30(1) fields the generated record lacks (R28). */
function recordGaps({ recordOfProcessing: record }: InstallationFacts): string[] {
  const gaps: string[] = [];
  if (record.controller.name.trim() === '' || record.controller.email.trim() === '')
    gaps.push('controller and contact');
  if (record.dpo.email.trim() === '') gaps.push('DPO contact');
  if (record.retention.cameras.length > 0 && record.purposes.length === 0) gaps.push('purposes');
  if (record.dataSubjects.length === 0) gaps.push('categories of data subjects');
  if (record.dataCategories.length === 0) gaps.push('categories of personal data');
  if (record.recipients.length === 0) gaps.push('recipients');
  if (record.retention.source.trim() === '') gaps.push('time limits for erasure');
  if (record.securityMeasures.length === 0) gaps.push('security measures');
  return gaps.length === 0 ? [] : [`The record of processing lacks: ${gaps.join(', ')}.`];
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
    requirement: 'R5',
    title: 'The statutory register covers every recording, deletion and transmission',
    find: outsideRegister,
    fix: 'Delete the footage the register does not cover (restored or copied in from outside Vigie), or ask the DPO to record it by hand.',
    how: 'Recordings, purges and exports (with their recipient) are written to the audit trail, exported as the register.',
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
    requirement: 'R9',
    title: 'Roles separated; only habilitated agents export',
    find: mixedDuties,
    fix: 'Give each person one duty: remove the administration or DPO role from the accounts that see images, or create separate accounts.',
    how: 'Live, playback, export, configuration and administration are separate permissions; only supervisors export, with a habilitation.',
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
    // Seen only for dm-crypt (LUKS); a self-encrypting disk or a provider-encrypted volume is a person's check.
    manual: ({ encryptedAtRest }) => !encryptedAtRest,
    check:
      'Check that the data directory lies on an encrypted volume (Vigie saw no dm-crypt / LUKS under it), that TLS protects the console, and that backups do not outlive retention.',
    how: 'The data directory lies on a dm-crypt volume; serve the console through TLS and let no backup outlive retention.',
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
    requirement: 'R24',
    title: 'Analytics precision measured from operators’ decisions, degradations flagged',
    find: degradedRules,
    fix: 'Put the degraded rule back in shadow mode (or stop it) and recalibrate it; the evaluation is in the record of processing.',
    how: 'Each verdict feeds per-rule precision, month by month, in the record of processing (analyticsEvaluation).',
  },
  {
    requirement: 'R25',
    title: 'No operational footage in training sets',
    how: 'Vigie has no dataset or training export: footage leaves only as an export for a declared purpose, audited.',
  },
  {
    requirement: 'R26',
    title: 'Each analysis authorisation published before it starts',
    find: noticeAfterStart,
    fix: 'Record an analysis authorisation before its start so that its notice is public first; for this one, publish a notice now and tell the DPO.',
    how: 'The public notice of each authorisation is on the transparency page from the moment it is recorded.',
  },
  {
    requirement: 'R27',
    title: 'No analytic runs without an impact assessment covering it',
    find: uncoveredAnalytics,
    fix: 'Record the camera’s DPIA (DPO opinion, less intrusive means studied, review date) in the legal registry, or turn those analytics off.',
    how: 'Analytics a current DPIA does not cover are held back, and stop when its review date passes.',
  },
  {
    requirement: 'R28',
    title: 'A record of processing generated from the configuration',
    find: recordGaps,
    fix: 'Complete the contacts in the configuration file (controller, DPO) and each camera’s purposes.',
    how: 'GET /api/compliance/record-of-processing gives every art. 30(1) field, machine-readable.',
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
