import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AlertRecordSchema,
  analyticsEventTypes,
  CameraSchema,
  ReplayInputSchema,
  ReplaySchema,
  ruleModes,
  RuleParamsSchema,
  ShadowLabelInputSchema,
} from '@vigie/core';
import Type from 'typebox';
import { auditAuthorOf, requesterOf } from '../auth/access-control.js';
import { ErrorBodySchema } from '../http-errors.js';
import type { AlertService } from '../services/alert.service.js';
import type { RuleModeService } from '../services/rule-mode.service.js';
import type { RuleReplayService } from '../services/rule-replay.service.js';
import { requires } from './route-config.js';

const RuleParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), type: Type.Enum([...analyticsEventTypes]) },
  { additionalProperties: false },
);
const Count = Type.Integer({ minimum: 0 });
const Precision = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
  description: 'true / (true + false); irrelevant labels do not count; null before any verdict.',
});
const Labels = {
  shadowAlerts: Count,
  trueAlerts: Count,
  falseAlarms: Count,
  irrelevant: Count,
};
const PolicySchema = Type.Object(
  { minLabelled: Count, minPrecision: Type.Number({ minimum: 0, maximum: 1 }) },
  { additionalProperties: false },
);
const RulePageSchema = Type.Object(
  {
    cameraId: Type.String({ format: 'uuid' }),
    type: Type.Enum([...analyticsEventTypes]),
    enabled: Type.Boolean(),
    mode: Type.Enum([...ruleModes]),
    params: RuleParamsSchema,
    shadow: Type.Object({ ...Labels, precision: Precision }, { additionalProperties: false }),
    policy: PolicySchema,
    months: Type.Array(
      Type.Object(
        {
          month: Type.String({ format: 'date' }),
          shadow: Type.Boolean(),
          alerts: Count,
          trueAlerts: Count,
          falseAlarms: Count,
          irrelevant: Count,
          precision: Precision,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
const ReportSchema = Type.Object(
  { ...Labels, labelled: Count, precision: Precision, policy: PolicySchema },
  { additionalProperties: false },
);
const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };

/**
 * Shadow mode: a rule's page with its precision, its promotion to live, supervisors' review list, and
 * replays of stored footage through a rule with other parameters.
 */
export function ruleModeRoutes(deps: {
  rules: RuleModeService;
  alerts: AlertService;
  replays: RuleReplayService;
}): FastifyPluginAsyncTypebox {
  const { rules, alerts, replays } = deps;
  return async (app) => {
    app.get(
      '/cameras/:id/rules/:type',
      {
        config: requires('alert:read'),
        schema: {
          tags: ['analytics'],
          summary: 'A rule on a camera: mode, calibration, shadow labels and precision over time',
          params: RuleParams,
          response: { 200: RulePageSchema, ...errors },
        },
      },
      (request) => rules.page(request.params.id, request.params.type, requesterOf(request)),
    );

    app.post(
      '/cameras/:id/rules/:type/promote',
      {
        config: requires('camera:write'),
        schema: {
          tags: ['analytics'],
          summary: 'Take a rule out of shadow, on its precision report (audited with the report)',
          params: RuleParams,
          response: {
            200: Type.Object({ camera: CameraSchema, report: ReportSchema }, { additionalProperties: false }),
            ...errors,
          },
        },
      },
      (request) => rules.promote(request.params.id, request.params.type, auditAuthorOf(request)),
    );

    app.post(
      '/cameras/:id/rules/:type/replay',
      {
        config: requires('camera:write'),
        schema: {
          tags: ['analytics'],
          summary:
            'Replay stored recordings (at most 24 h) through the rule with other parameters; raises nothing (audited)',
          description:
            'Runs in the background, one at a time: poll GET /api/replays/{id} for its progress, then its events and their precision against the verdicts already given on the period.',
          params: RuleParams,
          body: ReplayInputSchema,
          response: { 202: ReplaySchema, ...errors },
        },
      },
      async (request, reply) => {
        const replay = await replays.start(request.params.id, request.params.type, request.body, requesterOf(request));
        return reply.code(202).send(replay);
      },
    );

    app.get(
      '/replays/:id',
      {
        config: requires('camera:write'),
        schema: {
          tags: ['analytics'],
          summary: 'A replay: its progress, then the events the rule would have raised and their precision',
          params: Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
          response: { 200: ReplaySchema, ...errors },
        },
      },
      (request) => replays.get(request.params.id, requesterOf(request)),
    );

    app.post(
      '/replays/:id/cancel',
      {
        config: requires('camera:write'),
        schema: {
          tags: ['analytics'],
          summary: 'Cancel a running replay (audited); it then reads as cancelled, with its progress so far',
          params: Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
          response: { 200: ReplaySchema, ...errors },
        },
      },
      (request) => replays.cancel(request.params.id, requesterOf(request)),
    );

    app.get(
      '/alerts/review',
      {
        config: requires('camera:write'),
        schema: {
          tags: ['analytics'],
          summary: 'Review list: alerts of rules running in shadow, newest first (never in the queue)',
          querystring: Type.Object(
            {
              cameraId: Type.Optional(Type.String({ format: 'uuid' })),
              type: Type.Optional(Type.Enum([...analyticsEventTypes])),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Array(AlertRecordSchema), ...errors },
        },
      },
      (request) => alerts.review(request.query, requesterOf(request)),
    );

    app.post(
      '/alerts/:id/label',
      {
        config: requires('camera:write'),
        schema: {
          tags: ['analytics'],
          summary: 'Label a shadow alert true, false or irrelevant (audited)',
          params: Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
          body: ShadowLabelInputSchema,
          response: { 200: AlertRecordSchema, ...errors },
        },
      },
      (request) => {
        const requester = requesterOf(request);
        return alerts.label(request.params.id, request.body.label, requester);
      },
    );
  };
}
