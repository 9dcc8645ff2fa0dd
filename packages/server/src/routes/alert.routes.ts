import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AlertActionSchema,
  alertQualifications,
  AlertRecordSchema,
  alertQueueCursorPattern,
  alertStatuses,
  alertTypes,
  countMethods,
  definedOnly,
} from '@vigie/core';
import Type from 'typebox';
import { requesterOf } from '../auth/access-control.js';
import { ErrorBodySchema } from '../http-errors.js';
import type { AlertService } from '../services/alert.service.js';
import { parseTimeRange } from '../video/time-range.js';
import { requires } from './route-config.js';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const DateTime = Type.String({ format: 'date-time' });
const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const maxStatsDays = 93;

/** The operators' alert queue, their actions on it, and statistics (counts, per-type precision). */
export function alertRoutes(alerts: AlertService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/alerts',
      {
        config: requires('alert:read'),
        schema: {
          tags: ['alerts'],
          summary: 'Alerts, most severe then newest first, one page at a time',
          description:
            'Without images (GET /api/alerts/{id}/snapshot.jpg serves each). When more may follow, the X-Next-Cursor header gives the `cursor` of the next page.',
          querystring: Type.Object(
            {
              limit: Type.Optional(
                Type.String({ pattern: '^[1-9][0-9]{0,2}$', description: 'Page size, at most 500; default 100.' }),
              ),
              cursor: Type.Optional(
                Type.String({ pattern: alertQueueCursorPattern, description: 'X-Next-Cursor of the previous page.' }),
              ),
              status: Type.Optional(Type.Enum([...alertStatuses])),
              cameraId: Type.Optional(Type.String({ format: 'uuid' })),
              type: Type.Optional(Type.Enum([...alertTypes])),
              zoneId: Type.Optional(Type.String({ maxLength: 64 })),
              minConfidence: Type.Optional(
                Type.Number({ minimum: 0, maximum: 1, description: 'Only alerts whose detections were this sure.' }),
              ),
              minDurationS: Type.Optional(
                Type.Number({ minimum: 0, description: 'Only alerts whose situation lasted this long.' }),
              ),
              ongoing: Type.Optional(
                Type.Boolean({ description: 'Only alerts whose situation goes on (true) or ended (false).' }),
              ),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Array(AlertRecordSchema), ...errors },
        },
      },
      async (request, reply) => {
        const { limit, cursor, ...query } = request.query;
        const page = await alerts.list(query, requesterOf(request), {
          ...(limit === undefined ? {} : { limit: Number(limit) }),
          ...definedOnly({ cursor }),
        });
        if (page.nextCursor !== undefined) void reply.header('x-next-cursor', page.nextCursor);
        return page.alerts;
      },
    );

    app.get(
      '/alerts/history',
      {
        config: requires('alert:read'),
        schema: {
          tags: ['alerts'],
          summary: 'Closed alerts, newest first, by camera, type, verdict and opening period, one page at a time',
          querystring: Type.Object(
            {
              cameraId: Type.Optional(Type.String({ format: 'uuid' })),
              type: Type.Optional(Type.Enum([...alertTypes])),
              qualification: Type.Optional(Type.Enum([...alertQualifications])),
              from: Type.Optional(Type.String({ format: 'date-time', description: 'Opened at or after.' })),
              to: Type.Optional(Type.String({ format: 'date-time', description: 'Opened before.' })),
              page: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,5}$', description: 'From 1; default 1.' })),
              pageSize: Type.Optional(
                Type.String({ pattern: '^[1-9][0-9]?$|^100$', description: 'At most 100; default 25.' }),
              ),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object(
              {
                alerts: Type.Array(AlertRecordSchema),
                total: Type.Integer({ description: 'Closed alerts matching, over every page.' }),
                page: Type.Integer(),
                pageSize: Type.Integer(),
              },
              { additionalProperties: false },
            ),
            ...errors,
          },
        },
      },
      async (request) => {
        const { from, to, page: pageText, pageSize: sizeText, ...query } = request.query;
        const page = Number(pageText ?? 1);
        const pageSize = Number(sizeText ?? 25);
        const found = await alerts.history(
          {
            ...query,
            page,
            pageSize,
            ...(from === undefined ? {} : { from: new Date(from) }),
            ...(to === undefined ? {} : { to: new Date(to) }),
          },
          requesterOf(request),
        );
        return { ...found, page, pageSize };
      },
    );

    app.get(
      '/alerts/:id',
      {
        config: requires('alert:read'),
        schema: {
          tags: ['alerts'],
          summary: 'One alert',
          params: IdParams,
          response: { 200: AlertRecordSchema, ...errors },
        },
      },
      (request) => alerts.get(request.params.id, requesterOf(request)),
    );

    app.get(
      '/alerts/:id/snapshot.jpg',
      {
        config: requires('alert:read', { images: true }),
        schema: { tags: ['alerts'], summary: 'The alert image with the detection drawn', params: IdParams },
      },
      async (request, reply) =>
        reply
          .type('image/jpeg')
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(await alerts.snapshot(request.params.id, requesterOf(request)))),
    );

    app.post(
      '/alerts/:id/actions',
      {
        config: requires('alert:act'),
        schema: {
          tags: ['alerts'],
          summary: 'Acknowledge, claim ("I am handling it"), qualify, annotate or escalate an alert (audited, pushed)',
          params: IdParams,
          body: AlertActionSchema,
          response: { 200: AlertRecordSchema, ...errors },
        },
      },
      (request) => {
        const requester = requesterOf(request);
        return alerts.act(request.params.id, request.body, requester);
      },
    );

    app.get(
      '/stats/counts',
      {
        config: requires('alert:read'),
        schema: {
          tags: ['statistics'],
          summary: 'Anonymous counts over time (line crossings, occupancy, density)',
          querystring: Type.Object(
            { cameraId: Type.Optional(Type.String({ format: 'uuid' })), from: DateTime, to: DateTime },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Array(
              Type.Object({
                cameraId: Type.String(),
                series: Type.String(),
                at: DateTime,
                in: Type.Optional(Type.Integer()),
                out: Type.Optional(Type.Integer()),
                occupancy: Type.Optional(Type.Number()),
                density: Type.Optional(Type.Number()),
                method: Type.Optional(
                  Type.Enum([...countMethods], { description: 'How occupancy and density were counted.' }),
                ),
              }),
            ),
            ...errors,
          },
        },
      },
      async (request) => {
        const range = parseTimeRange(request.query, maxStatsDays * 24);
        const samples = await alerts.counts(
          { ...range, ...definedOnly({ cameraId: request.query.cameraId }) },
          requesterOf(request),
        );
        return samples.map((s) => ({ ...s, at: s.at.toISOString() }));
      },
    );

    app.get(
      '/stats/alerts',
      {
        config: requires('alert:read'),
        schema: {
          tags: ['statistics'],
          summary: 'Alerts per type on the caller’s cameras and the precision operators’ verdicts give (LEGAL R24)',
          querystring: Type.Object({ from: DateTime, to: DateTime }, { additionalProperties: false }),
          response: {
            200: Type.Array(
              Type.Object({
                type: Type.String(),
                total: Type.Integer(),
                trueAlerts: Type.Integer(),
                falseAlarms: Type.Integer(),
                precision: Type.Union([Type.Number(), Type.Null()]),
              }),
            ),
            ...errors,
          },
        },
      },
      (request) => alerts.stats(parseTimeRange(request.query, maxStatsDays * 24), requesterOf(request)),
    );
  };
}
