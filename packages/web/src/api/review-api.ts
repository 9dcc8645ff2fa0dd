import type { AnalyticsEventType } from '@vigie/core/analytic-event-types';
import { api } from './client';
import { outcome } from './dpo-api';
import type { Body, Reply } from './schema-types';

/** A rule on a camera: its mode, its shadow labels with their precision, and what promotion requires. */
export type RulePage = Reply<'/api/cameras/{id}/rules/{type}', 'get', 200>;

/** An alert raised by a rule in shadow, on the review list. */
export type ShadowAlert = Reply<'/api/alerts/review', 'get', 200>[number];

/** A supervisor's label on a shadow alert. */
export type ShadowLabel = Body<'/api/alerts/{id}/label', 'post'>['label'];

/** What promoting a rule answers: the camera changed, and the precision report attached to the audit entry. */
export type PromotionReport = Reply<'/api/cameras/{id}/rules/{type}/promote', 'post', 200>['report'];

/** A replay of stored footage through a rule: progress, then the events it would have raised and their precision. */
export type Replay = Reply<'/api/replays/{id}', 'get', 200>;

/** What a replay is asked: the rule's parameters to try and the period. */
export type ReplayRequest = Body<'/api/cameras/{id}/rules/{type}/replay', 'post'>;

/** The name of one tunable rule parameter (the keys of @vigie/core's RuleParamsSchema, as the API carries them). */
export type RuleParamName = keyof NonNullable<ReplayRequest['params']>;

const rule = (cameraId: string, type: AnalyticsEventType) => ({ params: { path: { id: cameraId, type } } });

/** Shadow mode from the console: the review list and its labels, a rule's page, putting a rule in shadow, promoting it. */
export const reviewApi = {
  list: (query: { cameraId?: string; type?: AnalyticsEventType } = {}) =>
    outcome(api.GET('/api/alerts/review', { params: { query } })),
  label: (alertId: string, label: ShadowLabel) =>
    outcome(api.POST('/api/alerts/{id}/label', { params: { path: { id: alertId } }, body: { label } })),
  rule: (cameraId: string, type: AnalyticsEventType) =>
    outcome(api.GET('/api/cameras/{id}/rules/{type}', rule(cameraId, type))),
  promote: (cameraId: string, type: AnalyticsEventType) =>
    outcome(api.POST('/api/cameras/{id}/rules/{type}/promote', rule(cameraId, type))),
  replay: (cameraId: string, type: AnalyticsEventType, body: ReplayRequest) =>
    outcome(api.POST('/api/cameras/{id}/rules/{type}/replay', { ...rule(cameraId, type), body })),
  replayState: (id: string) => outcome(api.GET('/api/replays/{id}', { params: { path: { id } } })),
  cancelReplay: (id: string) => outcome(api.POST('/api/replays/{id}/cancel', { params: { path: { id } } })),
  /** Puts a live rule of a camera in shadow (its settings kept); the camera's version guards concurrent edits. */
  observe: (
    camera: { id: string; version: number; ruleSettings?: Body<'/api/cameras/{id}', 'patch'>['ruleSettings'] },
    type: AnalyticsEventType,
  ) =>
    outcome(
      api.PATCH('/api/cameras/{id}', {
        params: { path: { id: camera.id }, header: { 'if-match': String(camera.version) } },
        body: { ruleSettings: { ...camera.ruleSettings, [type]: { ...camera.ruleSettings?.[type], mode: 'shadow' } } },
      }),
    ),
};
