import {
  defaultPromotionPolicy,
  precisionOf,
  promotionReport,
  resolveRuleParams,
  ruleModeOf,
  ruleParamKeys,
  VigieError,
  type AnalyticsEventType,
  type Camera,
  type PrecisionReport,
  type PromotionPolicy,
  type RuleMode,
  type RuleParams,
  type ShadowLabels,
} from '@vigie/core';
import type { RulePrecisionRow, UnitOfWork } from '@vigie/db';
import type { DomainEvents } from '../events/domain-events.js';
import { systemRequester, type Requester } from '../auth/requester.js';
import type { AuditAuthor } from '../auth/requester.js';
import type { CameraService } from './camera.service.js';

/** Rule promotion re-reads the camera it changed to tell consoles. */
const ruleModes = systemRequester('rule modes');

/** One month of verdicts on a rule of a camera, with its precision. */
export interface MonthlyPrecision extends Omit<RulePrecisionRow, 'cameraId' | 'type'> {
  precision: number | null;
}

/** A rule's page: mode, calibration in force, shadow labels with their precision, and precision over time. */
export interface RulePage {
  cameraId: string;
  type: AnalyticsEventType;
  enabled: boolean;
  mode: RuleMode;
  /** The rule's own parameters, defaults applied. */
  params: RuleParams;
  shadow: ShadowLabels & { precision: number | null };
  policy: PromotionPolicy;
  months: MonthlyPrecision[];
}

const monthsShown = 12;

/**
 * Shadow mode of analytics rules: the page of a rule on a camera (precision from labels and verdicts)
 * and its promotion to live, which needs a precision report from enough labelled shadow alerts; the
 * report goes into the audit entry written in the same transaction as the change.
 */
export class RuleModeService {
  constructor(
    private readonly deps: {
      work: UnitOfWork;
      events: DomainEvents;
      cameras: CameraService;
      clock: { now(): Date };
      policy?: PromotionPolicy;
    },
  ) {}

  get #policy(): PromotionPolicy {
    return this.deps.policy ?? defaultPromotionPolicy;
  }

  /** The page of one rule on a camera the viewer may see. */
  async page(cameraId: string, type: AnalyticsEventType, viewer: Requester): Promise<RulePage> {
    const camera = await this.deps.cameras.get(cameraId, viewer);
    const now = this.deps.clock.now();
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (monthsShown - 1), 1));
    const { labels, rows } = await this.deps.work(async ({ alerts }) => ({
      labels: await alerts.shadowLabels(cameraId, type),
      rows: await alerts.precisionByRule({ from, to: now }, cameraId),
    }));
    const resolved = resolveRuleParams(camera.ruleSettings?.[type]?.params);
    return {
      cameraId,
      type,
      enabled: camera.analytics.includes(type),
      mode: ruleModeOf(camera.ruleSettings, type),
      params: Object.fromEntries(ruleParamKeys[type].map((key) => [key, resolved[key]])),
      shadow: { ...labels, precision: precisionOf(labels) },
      policy: this.#policy,
      months: rows
        .filter((row) => row.type === type)
        .map(({ cameraId: _c, type: _t, ...row }) => ({ ...row, precision: precisionOf(row) })),
    };
  }

  /**
   * Takes a rule out of shadow: refused (SHADOW_EVIDENCE_INSUFFICIENT) without enough labelled shadow
   * alerts or with too low a precision; otherwise the camera's rule goes live, audited with the report.
   */
  async promote(
    cameraId: string,
    type: AnalyticsEventType,
    actor: AuditAuthor,
  ): Promise<{ camera: Camera; report: PrecisionReport }> {
    const result = await this.deps.work(async ({ cameras, alerts, audit }) => {
      const camera = await cameras.get(cameraId);
      if (camera === undefined) throw new VigieError('CAMERA_NOT_FOUND', `No camera has id ${cameraId}.`);
      if (!camera.analytics.includes(type) || ruleModeOf(camera.ruleSettings, type) !== 'shadow')
        throw new VigieError('RULE_NOT_IN_SHADOW', `${type} does not run in shadow on camera ${camera.name}.`);
      const report = promotionReport(await alerts.shadowLabels(cameraId, type), this.#policy);
      const { id: _i, version, createdAt: _c, updatedAt: _u, authorisation: _a, ...settings } = camera;
      const ruleSettings = {
        ...camera.ruleSettings,
        [type]: { ...camera.ruleSettings?.[type], mode: 'live' as const },
      };
      const updated = await cameras.update(cameraId, { ...settings, ruleSettings }, version);
      await audit.append({
        action: 'analytics.rule_promoted',
        ...actor,
        cameraId,
        details: { type, from: 'shadow', to: 'live', report },
      });
      return { version: updated.version, report };
    });
    // As the camera service does: the event carries the camera with its credentials hidden.
    const camera = await this.deps.cameras.get(cameraId, ruleModes);
    this.deps.events.publish({ v: 1, type: 'camera.updated', camera });
    return { camera, report: result.report };
  }
}
