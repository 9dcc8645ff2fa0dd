import Type, { type Static } from 'typebox';
import { analyticJustified } from './analytic-purposes.js';
import { analyticsEventTypes, type AnalyticsEventType } from './analytic-event-types.js';
import type { Camera } from './camera.js';
import { purposes, type LegalProfile, type Purpose } from './legal-profile.js';
import { authorisationStates } from './authorisation.js';
import { authorisationState, facings, signageStatuses, type RegistryEntry } from './registry.js';
import { retentionCutoff } from './retention.js';
import { privateSpaceExposure } from './privacy-masks.js';
import { LegalHoldSchema, type LegalHold } from './legal-hold.js';
import { precisionOf } from './rule-settings.js';
import { TransparencyContactsSchema, type TransparencyContacts } from './transparency.js';
import { definedOnly } from './defined-only.js';

/** What a compliance check can find wrong with a camera; `blocking` ones make it non-compliant. */
export const complianceIssueCodes = [
  'authorisation_missing',
  'authorisation_expired',
  'authorisation_renewal_due',
  'signage_missing',
  'signage_planned',
  'signage_photo_missing',
  'retention_above_legal_maximum',
  'recordings_past_retention',
  'private_space_unmasked',
  'analytic_not_justified',
] as const;

/** One kind of compliance issue. */
export type ComplianceIssueCode = (typeof complianceIssueCodes)[number];

const IssueSchema = Type.Object(
  {
    code: Type.Enum([...complianceIssueCodes]),
    severity: Type.Enum(['blocking', 'warning']),
    message: Type.String(),
    source: Type.String({ description: 'The rule, as cited in LEGAL.md.' }),
    analytic: Type.Optional(
      Type.Enum([...analyticsEventTypes], { description: 'The analytic concerned (analytic_not_justified).' }),
    ),
  },
  { additionalProperties: false },
);

/** One camera's line in the retention-compliance report. */
export const RetentionComplianceRowSchema = Type.Object(
  {
    cameraId: Type.String({ format: 'uuid' }),
    name: Type.String(),
    enabled: Type.Boolean(),
    retentionDays: Type.Integer(),
    legalMaxRetentionDays: Type.Integer(),
    authorisation: Type.Object(
      {
        state: Type.Enum([...authorisationStates]),
        reference: Type.Union([Type.String(), Type.Null()]),
        expiresOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
      },
      { additionalProperties: false },
    ),
    signage: Type.Enum([...signageStatuses]),
    signagePhoto: Type.Boolean(),
    facing: Type.Union([Type.Enum([...facings]), Type.Null()]),
    masks: Type.Integer({ minimum: 0 }),
    analytics: Type.Array(Type.Enum([...analyticsEventTypes])),
    oldestRecordingStoredAt: Type.Optional(
      Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
        description:
          'Start of the oldest recording still stored (null: none). Filled in once the segment index exists; absent until then.',
      }),
    ),
    oldestUnheldRecordingStoredAt: Type.Optional(
      Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
        description:
          'Start of the oldest recording no legal hold or access request keeps (null: none); what "kept too long" is judged on.',
      }),
    ),
    issues: Type.Array(IssueSchema),
    compliant: Type.Boolean({ description: 'No blocking issue.' }),
  },
  { additionalProperties: false },
);

/** Per camera: configured retention against the legal maximum, authorisation, signage (R3, R1, R14). */
export const RetentionComplianceReportSchema = Type.Object(
  {
    generatedAt: Type.String({ format: 'date-time' }),
    legalMaxRetentionDays: Type.Integer(),
    retentionSource: Type.String(),
    summary: Type.Object(
      { cameras: Type.Integer(), compliant: Type.Integer(), nonCompliant: Type.Integer() },
      { additionalProperties: false },
    ),
    cameras: Type.Array(RetentionComplianceRowSchema),
    /** Every legal hold (active, released, expired): footage kept past retention, and why. */
    legalHolds: Type.Optional(Type.Array(LegalHoldSchema)),
  },
  { additionalProperties: false },
);

/** The record of processing activities (GDPR art. 30(1); Directive 2016/680 art. 24), generated from configuration. */
export const RecordOfProcessingSchema = Type.Object(
  {
    generatedAt: Type.String({ format: 'date-time' }),
    processing: Type.String(),
    ...TransparencyContactsSchema.properties,
    legalBasis: Type.String(),
    purposes: Type.Array(
      Type.Object(
        { purpose: Type.Enum([...purposes]), cameras: Type.Integer({ minimum: 0 }) },
        { additionalProperties: false },
      ),
    ),
    dataSubjects: Type.Array(Type.String()),
    dataCategories: Type.Array(Type.String()),
    excludedData: Type.Array(Type.String()),
    analytics: Type.Array(
      Type.Object(
        {
          type: Type.Enum([...analyticsEventTypes]),
          cameras: Type.Integer({ minimum: 1 }),
          basis: Type.String(),
        },
        { additionalProperties: false },
      ),
    ),
    analyticsEvaluation: Type.Array(
      Type.Object(
        {
          camera: Type.String(),
          type: Type.Enum([...analyticsEventTypes]),
          month: Type.String({ format: 'date' }),
          mode: Type.Enum(['live', 'shadow']),
          alerts: Type.Integer({ minimum: 0 }),
          trueAlerts: Type.Integer({ minimum: 0 }),
          falseAlarms: Type.Integer({ minimum: 0 }),
          precision: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
        },
        { additionalProperties: false },
      ),
      {
        description:
          'Per camera, rule and month: alerts and operators’ verdicts (supervisors’ labels in shadow), and the precision they give (loi 2023-380 art. 10 V; AI Act art. 15; LEGAL R24).',
      },
    ),
    recipients: Type.Array(Type.String()),
    transfersOutsideEu: Type.Literal('none'),
    retention: Type.Object(
      {
        legalMaxDays: Type.Integer(),
        source: Type.String(),
        cameras: Type.Array(
          Type.Object({ name: Type.String(), retentionDays: Type.Integer() }, { additionalProperties: false }),
        ),
        other: Type.Array(Type.String()),
      },
      { additionalProperties: false },
    ),
    securityMeasures: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);

/** One compliance issue. */
export type ComplianceIssue = Static<typeof IssueSchema>;
/** One camera's compliance line. */
export type RetentionComplianceRow = Static<typeof RetentionComplianceRowSchema>;
/** The retention-compliance report. */
export type RetentionComplianceReport = Static<typeof RetentionComplianceReportSchema>;
/** The record of processing. */
export type RecordOfProcessing = Static<typeof RecordOfProcessingSchema>;

const issueRules: Record<ComplianceIssueCode, Omit<ComplianceIssue, 'code' | 'message'>> = {
  authorisation_missing: { severity: 'blocking', source: 'CSI L252-1 (LEGAL R1)' },
  authorisation_expired: { severity: 'blocking', source: 'CSI L252-4 (LEGAL R1)' },
  authorisation_renewal_due: {
    severity: 'warning',
    source: 'prefecture guidance: renewal 4 months before expiry (R1)',
  },
  signage_missing: { severity: 'blocking', source: 'CSI L251-3, décret 2023-1102, GDPR art. 13 (LEGAL R14)' },
  signage_planned: { severity: 'blocking', source: 'CSI L251-3, décret 2023-1102, GDPR art. 13 (LEGAL R14)' },
  signage_photo_missing: { severity: 'warning', source: 'LEGAL R14: each sign record has a photo' },
  retention_above_legal_maximum: { severity: 'blocking', source: 'CSI L252-5; C. pén. 226-20 (LEGAL R3)' },
  recordings_past_retention: { severity: 'blocking', source: 'CSI L252-5; C. pén. 226-20 (LEGAL R3)' },
  private_space_unmasked: { severity: 'blocking', source: 'CSI L251-3 (LEGAL R6)' },
  analytic_not_justified: { severity: 'blocking', source: 'GDPR art. 5(1)(b)-(c); décret 2023-828 art. 3' },
};

function issue(code: ComplianceIssueCode, message: string, analytic?: AnalyticsEventType): ComplianceIssue {
  return { code, message, ...issueRules[code], ...definedOnly({ analytic }) };
}

/** Checks one camera: authorisation, signage and its photo, retention, stored recordings, masks, analytics. */
export function cameraCompliance(input: {
  camera: Camera;
  entry: RegistryEntry | undefined;
  now: Date;
  profile: LegalProfile;
  oldestRecordingStoredAt?: string | null;
  /** The oldest recording no hold keeps; footage a legal hold or an access request keeps is not kept too long. */
  oldestUnheldRecordingStoredAt?: string | null;
}): RetentionComplianceRow {
  const { camera, entry, now, profile } = input;
  const state = authorisationState(entry, now);
  const issues: ComplianceIssue[] = [];
  if (state === 'missing') issues.push(issue('authorisation_missing', 'No prefectoral authorisation is recorded.'));
  if (state === 'expired') {
    issues.push(
      issue('authorisation_expired', `The authorisation expired on ${entry?.authorisation.expiresOn ?? '?'}.`),
    );
  }
  if (state === 'renewal_due') {
    issues.push(
      issue('authorisation_renewal_due', `Renewal file due: expires on ${entry?.authorisation.expiresOn ?? '?'}.`),
    );
  }
  const signage = entry?.signage.status ?? 'missing';
  if (signage === 'missing') issues.push(issue('signage_missing', 'No sign informs the public of this camera.'));
  if (signage === 'planned') issues.push(issue('signage_planned', 'The sign is planned but not installed.'));
  if (signage === 'installed' && entry?.signage.photo === null) {
    issues.push(issue('signage_photo_missing', 'No photo of the installed sign is on record.'));
  }
  if (camera.retentionDays > profile.maxRetentionDays) {
    issues.push(
      issue(
        'retention_above_legal_maximum',
        `Retention ${camera.retentionDays} days exceeds the legal ${profile.maxRetentionDays}.`,
      ),
    );
  }
  const oldest = input.oldestRecordingStoredAt;
  const unheld = input.oldestUnheldRecordingStoredAt === undefined ? oldest : input.oldestUnheldRecordingStoredAt;
  if (typeof unheld === 'string' && Date.parse(unheld) < retentionCutoff(now, camera.retentionDays).getTime()) {
    issues.push(
      issue(
        'recordings_past_retention',
        `A recording from ${unheld} is still stored, past ${camera.retentionDays} days, and no hold keeps it.`,
      ),
    );
  }
  const exposure = privateSpaceExposure(camera.masks, entry);
  if (exposure !== undefined) {
    issues.push(
      issue(
        'private_space_unmasked',
        `The view overlooks private space its privacy masks do not hide: ${exposure.map((p) => p.reason).join('; ')}.`,
      ),
    );
  }
  for (const type of camera.analytics) {
    if (!analyticJustified(type, camera.purposes, profile)) {
      issues.push(issue('analytic_not_justified', `"${type}" is not justified by the camera's purposes.`, type));
    }
  }
  return {
    cameraId: camera.id,
    name: camera.name,
    enabled: camera.enabled,
    retentionDays: camera.retentionDays,
    legalMaxRetentionDays: profile.maxRetentionDays,
    authorisation: {
      state,
      reference: entry?.authorisation.reference ?? null,
      expiresOn: entry?.authorisation.expiresOn ?? null,
    },
    signage,
    signagePhoto: entry !== undefined && entry.signage.photo !== null,
    facing: entry?.facing ?? null,
    masks: camera.masks.length,
    analytics: camera.analytics,
    ...definedOnly({ oldestRecordingStoredAt: oldest }),
    ...(input.oldestUnheldRecordingStoredAt === undefined
      ? {}
      : { oldestUnheldRecordingStoredAt: input.oldestUnheldRecordingStoredAt }),
    issues,
    compliant: issues.every((i) => i.severity !== 'blocking'),
  };
}

/**
 * The retention-compliance report of every camera. `oldestRecordings` (camera id → start of its
 * oldest stored recording, or null) is for the segment index to provide; without it the column is absent.
 * `oldestUnheldRecordings` is the same outside every hold in force: held footage is not kept too long.
 */
export function retentionComplianceReport(input: {
  cameras: readonly Camera[];
  registry: readonly RegistryEntry[];
  now: Date;
  profile: LegalProfile;
  oldestRecordings?: ReadonlyMap<string, string | null>;
  oldestUnheldRecordings?: ReadonlyMap<string, string | null>;
  legalHolds?: readonly LegalHold[];
}): RetentionComplianceReport {
  const entries = new Map(input.registry.map((entry) => [entry.cameraId, entry]));
  const rows = input.cameras.map((camera) =>
    cameraCompliance({
      camera,
      entry: entries.get(camera.id),
      now: input.now,
      profile: input.profile,
      ...(input.oldestRecordings?.has(camera.id) === true
        ? { oldestRecordingStoredAt: input.oldestRecordings.get(camera.id) ?? null }
        : {}),
      ...(input.oldestUnheldRecordings?.has(camera.id) === true
        ? { oldestUnheldRecordingStoredAt: input.oldestUnheldRecordings.get(camera.id) ?? null }
        : {}),
    }),
  );
  const compliant = rows.filter((row) => row.compliant).length;
  return {
    generatedAt: input.now.toISOString(),
    legalMaxRetentionDays: input.profile.maxRetentionDays,
    retentionSource: input.profile.retentionSource,
    summary: { cameras: rows.length, compliant, nonCompliant: rows.length - compliant },
    cameras: rows,
    ...(input.legalHolds === undefined ? {} : { legalHolds: [...input.legalHolds] }),
  };
}

/** Verdicts on one rule of one camera over one month. */
export interface RuleVerdicts {
  cameraId: string;
  type: AnalyticsEventType;
  /** First day of the month, YYYY-MM-DD. */
  month: string;
  shadow: boolean;
  alerts: number;
  trueAlerts: number;
  falseAlarms: number;
}

/** The record of processing (GDPR art. 30(1); R28), generated from the configuration and the cameras. */
export function recordOfProcessing(input: {
  contacts: TransparencyContacts;
  cameras: readonly Camera[];
  now: Date;
  profile: LegalProfile;
  /** Verdicts per camera, rule, month and mode (from the alert store). */
  verdicts?: readonly RuleVerdicts[];
}): RecordOfProcessing {
  const { cameras, profile } = input;
  const purposeCounts = profile.purposes
    .map((purpose: Purpose) => ({ purpose, cameras: cameras.filter((c) => c.purposes.includes(purpose)).length }))
    .filter((p) => p.cameras > 0);
  const analytics = analyticsEventTypes
    .map((type) => ({
      type,
      cameras: cameras.filter((c) => c.analytics.includes(type)).length,
      basis: profile.analytics[type].basis,
    }))
    .filter((a) => a.cameras > 0);
  return {
    generatedAt: input.now.toISOString(),
    processing: profile.recordOfProcessing.processing,
    ...input.contacts,
    legalBasis: profile.recordOfProcessing.legalBasis,
    purposes: purposeCounts,
    dataSubjects: [
      'Persons and vehicles passing through the filmed public spaces',
      'Agents of the supervision centre (access and action logs)',
      'Persons asking for their images (access requests)',
    ],
    dataCategories: [
      'Images of persons and vehicles in the field of view, with privacy masks applied before storage; no sound',
      ...(analytics.length > 0
        ? ['Analytics alerts: event type, camera, time, image region; no identity, no embedding']
        : []),
      'Audit trail: agent, time, camera, time range, reason, source address',
      'Access requests: name, email address, time window, place, the description the person gives',
    ],
    excludedData: [...profile.recordOfProcessing.excludedData],
    analytics,
    analyticsEvaluation: (input.verdicts ?? []).map((v) => ({
      camera: cameras.find((c) => c.id === v.cameraId)?.name ?? v.cameraId,
      type: v.type,
      month: v.month,
      mode: v.shadow ? 'shadow' : 'live',
      alerts: v.alerts,
      trueAlerts: v.trueAlerts,
      falseAlarms: v.falseAlarms,
      precision: precisionOf(v),
    })),
    recipients: [...profile.recordOfProcessing.recipients],
    transfersOutsideEu: 'none',
    retention: {
      legalMaxDays: profile.maxRetentionDays,
      source: profile.retentionSource,
      cameras: cameras.map((c) => ({ name: c.name, retentionDays: c.retentionDays })),
      other: [
        'Footage matched to an access request or a judicial requisition: held until the request is answered (CSI L252-5)',
        'Audit trail: append-only; the controller sets its retention (at least 3 years suggested, as for body cameras, R241-5)',
        'Access requests: kept while handled; the controller sets their retention afterwards',
      ],
    },
    securityMeasures: [
      'Named accounts; Argon2id password hashes; one-time code (TOTP) for every role that views images',
      'Account locked after 5 failed logins; sessions expire after 12 hours and lock after 30 minutes idle',
      'Role matrix with separation of duties (the DPO sees no image; exports reserved to supervisors), enforced on every route',
      'Operators see only the cameras assigned to them',
      'Append-only, SHA-256 hash-chained audit trail of logins, changes, consultations and exports, written in the same transaction as the action',
      'Images locked for cameras whose prefectoral authorisation is expired or missing, or that overlook private space unmasked',
      'Privacy masks applied before any pixel is stored or shown; audio dropped at ingest',
      'Retention limited to the legal maximum, enforced by the database; per-camera purge',
      'Encryption in transit and at rest: provided by the deployment (TLS proxy, encrypted storage)',
    ],
  };
}
