import {
  complianceChecklist,
  recordOfProcessing,
  retentionComplianceReport,
  type Clock,
  type ChecklistLanguage,
  type ComplianceChecklist,
  type PromotionPolicy,
  type LegalProfile,
  type RecordOfProcessing,
  type RetentionComplianceReport,
  type TransparencyContacts,
  isSystemAlertType,
} from '@vigie/core';
import type { UnitOfWork } from '@vigie/db';
import type { HabilitationPolicy } from './habilitation.service.js';

/** Compliance documents for the DPO, the prefecture and the CNIL, generated from the configuration. */
export class ComplianceService {
  readonly #work: UnitOfWork;
  readonly #clock: Clock;
  readonly #profile: LegalProfile;
  readonly #contacts: TransparencyContacts;

  readonly #verifyAudit: () => Promise<{ valid: boolean; entries: number }>;
  readonly #habilitation: HabilitationPolicy;
  readonly #precisionPolicy: PromotionPolicy;
  readonly #encryptedAtRest: () => Promise<boolean>;

  constructor(options: {
    work: UnitOfWork;
    clock: Clock;
    profile: LegalProfile;
    contacts: TransparencyContacts;
    /** Verifies the audit trail against its signed checkpoints (R11). */
    verifyAudit: () => Promise<{ valid: boolean; entries: number }>;
    /** What image access enforces (R8, R10). */
    habilitation: HabilitationPolicy;
    /** Below what precision a live rule counts as degraded (R24): the bar a rule cleared to go live. */
    precisionPolicy: PromotionPolicy;
    /** Whether the data directory lies on an encrypted volume (R13). */
    encryptedAtRest: () => Promise<boolean>;
  }) {
    this.#encryptedAtRest = options.encryptedAtRest;
    this.#precisionPolicy = options.precisionPolicy;
    this.#habilitation = options.habilitation;
    this.#work = options.work;
    this.#verifyAudit = options.verifyAudit;
    this.#clock = options.clock;
    this.#profile = options.profile;
    this.#contacts = options.contacts;
  }

  /** The record of processing activities (GDPR art. 30). */
  async recordOfProcessing(): Promise<RecordOfProcessing> {
    const now = this.#clock.now();
    // The evaluation duty covers the last twelve months of verdicts, month by month.
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
    return this.#work(async ({ cameras, alerts }) =>
      recordOfProcessing({
        contacts: this.#contacts,
        cameras: await cameras.list(),
        now,
        profile: this.#profile,
        // System alerts (camera offline, disk low) are no analytic's: no rule to evaluate.
        verdicts: (await alerts.precisionByRule({ from, to: now })).flatMap(({ type, ...v }) =>
          isSystemAlertType(type) ? [] : [{ ...v, type }],
        ),
      }),
    );
  }

  /**
   * Per camera: retention against the legal maximum, authorisation, signage, and the start of the
   * oldest recording still stored (null when none), from the segment index; recordings past retention
   * count against a camera only when no legal hold in force nor access request keeps them.
   */
  async retentionReport(): Promise<RetentionComplianceReport> {
    const now = this.#clock.now();
    return this.#work(async ({ cameras, registry, recordings, legalHolds, accessRequests }) => {
      const list = await cameras.list();
      const oldest = await recordings.oldestSegmentPerCamera();
      const oldestUnheld = new Map<string, string | null>();
      for (const camera of list) {
        const kept = [...(await legalHolds.activeFor(camera.id, now)), ...(await accessRequests.holdsFor(camera.id))];
        const unheld = await recordings.oldestSegmentOutside(camera.id, kept);
        oldestUnheld.set(camera.id, unheld?.toISOString() ?? null);
      }
      return retentionComplianceReport({
        cameras: list,
        registry: await registry.list(),
        now,
        profile: this.#profile,
        oldestRecordings: new Map(list.map((c) => [c.id, oldest.get(c.id)?.toISOString() ?? null])),
        oldestUnheldRecordings: oldestUnheld,
        legalHolds: await legalHolds.list(now),
      });
    });
  }

  /**
   * Each requirement of the active legal profile for this installation: pass, fail (with what to do) or
   * manual (a person checks it), from the per-camera report, the audit chain, access-request deadlines,
   * the model registry, accounts, verdicts, analysis authorisations, impact assessments and the record
   * of processing; written in the given language (French by default).
   */
  async checklist(language: ChecklistLanguage = 'fr'): Promise<ComplianceChecklist> {
    const report = await this.retentionReport();
    const chain = await this.#verifyAudit();
    const record = await this.recordOfProcessing();
    const encryptedAtRest = await this.#encryptedAtRest();
    const now = this.#clock.now();
    // Degradation is judged on the current month and the one before: enough decisions, still recent.
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    return this.#work(
      async ({
        accessRequests,
        models,
        habilitations,
        audit,
        users,
        alerts,
        analysisAuthorisations,
        registry,
        cameras,
      }) => {
        const dpias = new Map((await registry.list()).map((entry) => [entry.cameraId, entry.dpia]));
        return complianceChecklist(
          {
            now,
            profile: this.#profile,
            cameras: report,
            audit: { valid: chain.valid, entries: chain.entries },
            overdueAccessRequests: (await accessRequests.list({ overdue: true })).length,
            unattestedModels: (await models.list()).filter((m) => m.attestation === undefined).length,
            habilitation: {
              enforced: this.#habilitation.habilitationRequired,
              workstationsRequired: this.#habilitation.workstationsRequired,
              enrolledWorkstations: (await habilitations.workstations()).filter((w) => w.revokedAt === null).length,
            },
            encryptedAtRest,
            registerStartsAt: await audit.startedAt(),
            accounts: (await users.list()).map(({ username, roles }) => ({ username, roles })),
            verdicts: (await alerts.precisionByRule({ from, to: now })).flatMap(({ type, ...v }) =>
              isSystemAlertType(type) ? [] : [{ ...v, type }],
            ),
            precisionPolicy: this.#precisionPolicy,
            analysisAuthorisations: (await analysisAuthorisations.list({ current: true })).map(
              ({ reference, createdAt, startsAt }) => ({ reference, createdAt, startsAt }),
            ),
            impactAssessments: (await cameras.list()).map((camera) => ({
              name: camera.name,
              enabled: camera.enabled,
              analytics: camera.analytics,
              dpia: dpias.get(camera.id),
            })),
            recordOfProcessing: record,
          },
          language,
        );
      },
    );
  }
}
