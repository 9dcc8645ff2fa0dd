import Type, { type TSchema } from 'typebox';
import { analyticsEventTypes, type AnalyticsEventType } from './analytic-event-types.js';
import { RuleParamsSchema, type RuleParams } from './analytics.js';
import { VigieError } from './errors.js';

/** How a rule runs on a camera: its alerts go to operators (live), or only to a review list (shadow). */
export const ruleModes = ['live', 'shadow'] as const;

/** One rule mode. */
export type RuleMode = (typeof ruleModes)[number];

/** The parameters each rule reads (its calibration); a rule's settings accept only these. */
export const ruleParamKeys: Record<AnalyticsEventType, readonly (keyof RuleParams)[]> = {
  abandoned_object: ['abandonedAfterS', 'attendedWithinM'],
  object_removed: ['removedAfterStaticS'],
  people_count: ['countPeriodS'],
  crowd_density: ['crowdDensityPerM2'],
  crowd_movement: ['crowdMinPersons', 'crowdDivergencePerS'],
  rapid_movement: ['runningSpeedMps', 'runningMinS'],
  person_on_ground: ['onGroundAspect', 'onGroundAfterS'],
  intrusion: [],
  wrong_way: ['wrongWayMinSpeedMps', 'wrongWayMinS'],
  fire_smoke: ['fireMinFraction'],
  camera_tamper: ['tamperAfterS'],
};

function settingSchema(type: AnalyticsEventType) {
  const params: Record<string, TSchema> = {};
  for (const key of ruleParamKeys[type]) params[key] = RuleParamsSchema.properties[key];
  return Type.Object(
    {
      mode: Type.Optional(Type.Enum([...ruleModes], { description: 'live (default) or shadow.' })),
      params: Type.Optional(Type.Object(params, { additionalProperties: false })),
    },
    { additionalProperties: false },
  );
}

/**
 * Per-rule settings of one camera: its mode and its calibration (thresholds), each rule accepting only
 * its own parameters; a rule without settings runs live with the defaults.
 */
export const RuleSettingsSchema = Type.Unsafe<RuleSettings>(
  Type.Object(Object.fromEntries(analyticsEventTypes.map((type) => [type, Type.Optional(settingSchema(type))])), {
    additionalProperties: false,
    description:
      'Per rule: mode (live, or shadow: alerts only on the review list until promoted) and calibration (the rule’s own thresholds).',
  }),
);

/** One rule's settings. */
export interface RuleSetting {
  mode?: RuleMode;
  params?: RuleParams;
}

/** Per-rule settings of a camera. */
export type RuleSettings = Partial<Record<AnalyticsEventType, RuleSetting>>;

/** The mode a rule runs in on a camera. */
export function ruleModeOf(settings: RuleSettings | undefined, type: AnalyticsEventType): RuleMode {
  return settings?.[type]?.mode ?? 'live';
}

/** The parameters of the rules that run, merged (each parameter belongs to one rule). */
export function paramsOfRules(settings: RuleSettings | undefined, rules: readonly AnalyticsEventType[]): RuleParams {
  return Object.assign({}, ...rules.map((type) => settings?.[type]?.params ?? {})) as RuleParams;
}

/**
 * Refuses a settings change that takes a rule out of shadow: that takes a promotion with its
 * precision report (POST /api/cameras/{id}/rules/{type}/promote), never a plain edit.
 */
export function assertNoSilentPromotion(before: RuleSettings, after: RuleSettings): void {
  const promoted = analyticsEventTypes.filter(
    (type) => ruleModeOf(before, type) === 'shadow' && ruleModeOf(after, type) === 'live',
  );
  if (promoted.length > 0)
    throw new VigieError(
      'RULE_PROMOTION_REQUIRED',
      `${promoted.join(', ')} runs in shadow; it goes live only through a promotion with its precision report.`,
      promoted.map((type) => ({ path: `/ruleSettings/${type}/mode`, reason: 'shadow → live needs a promotion' })),
    );
}

/** What promoting a rule out of shadow requires. */
export interface PromotionPolicy {
  /** Fewest shadow alerts labelled true or false (default 20). */
  minLabelled: number;
  /** Lowest precision, true / (true + false) (default 0.5: a rule wrong more often than right stays in shadow). */
  minPrecision: number;
}

/** The default promotion requirements. */
export const defaultPromotionPolicy: PromotionPolicy = { minLabelled: 20, minPrecision: 0.5 };

/** Supervisors' labels of a rule's shadow alerts on one camera. */
export interface ShadowLabels {
  shadowAlerts: number;
  trueAlerts: number;
  falseAlarms: number;
  irrelevant: number;
}

/** The precision report a promotion is decided on, attached to its audit entry. */
export interface PrecisionReport extends ShadowLabels {
  labelled: number;
  precision: number | null;
  policy: PromotionPolicy;
}

/** Precision of a set of labels: true / (true + false); irrelevant ones do not count; null with none. */
export function precisionOf(labels: Pick<ShadowLabels, 'trueAlerts' | 'falseAlarms'>): number | null {
  const judged = labels.trueAlerts + labels.falseAlarms;
  return judged === 0 ? null : labels.trueAlerts / judged;
}

/**
 * The precision report of a rule in shadow, or SHADOW_EVIDENCE_INSUFFICIENT when it has too few
 * labelled alerts or too low a precision to go live.
 */
export function promotionReport(labels: ShadowLabels, policy: PromotionPolicy): PrecisionReport {
  const labelled = labels.trueAlerts + labels.falseAlarms;
  const precision = precisionOf(labels);
  const report: PrecisionReport = { ...labels, labelled, precision, policy };
  if (labelled < policy.minLabelled)
    throw new VigieError(
      'SHADOW_EVIDENCE_INSUFFICIENT',
      `Only ${labelled} shadow alert(s) are labelled true or false; ${policy.minLabelled} are needed before this rule goes live.`,
    );
  if (precision === null || precision < policy.minPrecision)
    throw new VigieError(
      'SHADOW_EVIDENCE_INSUFFICIENT',
      `Precision in shadow is ${((precision ?? 0) * 100).toFixed(0)} %; at least ${(policy.minPrecision * 100).toFixed(0)} % is needed before this rule goes live.`,
    );
  return report;
}
