import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AccessRequestInputSchema,
  AccessRequestReceiptSchema,
  AccessRequestExtensionSchema,
  AccessRequestSchema,
  AccessRequestStatusChangeSchema,
  accessRequestStatuses,
  AccessRequestSummarySchema,
  definedOnly,
  MatchedRangeInputSchema,
  MatchedRangePatchSchema,
} from '@vigie/core';
import Type from 'typebox';
import { auditAuthorOf } from '../auth/access-control.js';
import { ErrorBodySchema } from '../http-errors.js';
import type { AccessRequestService } from '../services/access-request.service.js';
import { requires } from './route-config.js';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const RangeParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), rangeId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
const ListQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum([...accessRequestStatuses])),
    overdue: Type.Optional(
      Type.Enum(['true', 'false'], { description: 'true: only unanswered requests past their deadline.' }),
    ),
  },
  { additionalProperties: false },
);
const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };

/** Citizens' access requests: a public form, and the DPO's workflow. */
export function accessRequestRoutes(requests: AccessRequestService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/access-requests',
      {
        config: requires('public'),
        bodyLimit: 16 * 1024,
        schema: {
          tags: ['access requests'],
          summary:
            'Ask for the images of yourself (no login): returns a reference and the date you will be answered by',
          body: AccessRequestInputSchema,
          response: { 201: AccessRequestReceiptSchema, 400: ErrorBodySchema, 429: ErrorBodySchema },
        },
      },
      async (request, reply) => reply.status(201).send(await requests.submit(request.body, request.ip)),
    );

    app.get(
      '/access-requests',
      {
        config: requires('request:manage'),
        schema: {
          tags: ['access requests'],
          summary: 'Access requests, oldest deadline first',
          querystring: ListQuery,
          response: { 200: Type.Array(AccessRequestSummarySchema), 400: ErrorBodySchema },
        },
      },
      (request) => {
        const { status, overdue } = request.query;
        return requests.list({
          ...definedOnly({ status }),
          ...(overdue === undefined ? {} : { overdue: overdue === 'true' }),
        });
      },
    );

    app.get(
      '/access-requests/:id',
      {
        config: requires('request:manage'),
        schema: {
          tags: ['access requests'],
          summary: 'One access request with its history and matched footage',
          params: IdParams,
          response: { 200: AccessRequestSchema, ...errors },
        },
      },
      (request) => requests.get(request.params.id),
    );

    app.post(
      '/access-requests/:id/status',
      {
        config: requires('request:manage'),
        schema: {
          tags: ['access requests'],
          summary: 'Move a request along: searching, footage_found, no_footage, export_ready, delivered, rejected',
          params: IdParams,
          body: AccessRequestStatusChangeSchema,
          response: { 200: AccessRequestSchema, ...errors },
        },
      },
      (request) => requests.changeStatus(request.params.id, request.body, auditAuthorOf(request)),
    );

    app.post(
      '/access-requests/:id/extension',
      {
        config: requires('request:manage'),
        schema: {
          tags: ['access requests'],
          summary: 'Extend the deadline by the profile’s further months (once); the reason is sent to the requester',
          params: IdParams,
          body: AccessRequestExtensionSchema,
          response: { 200: AccessRequestSchema, ...errors },
        },
      },
      (request) => requests.extendDeadline(request.params.id, request.body, auditAuthorOf(request)),
    );

    app.post(
      '/access-requests/:id/ranges',
      {
        config: requires('request:manage'),
        schema: {
          tags: ['access requests'],
          summary: 'Attach footage found for a request (held from the retention purge by default)',
          params: IdParams,
          body: MatchedRangeInputSchema,
          response: { 201: AccessRequestSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await requests.addRange(request.params.id, request.body, auditAuthorOf(request))),
    );

    app.patch(
      '/access-requests/:id/ranges/:rangeId',
      {
        config: requires('request:manage'),
        schema: {
          tags: ['access requests'],
          summary: 'Release or restore the hold on matched footage, or mark its export as reviewed',
          params: RangeParams,
          body: MatchedRangePatchSchema,
          response: { 200: AccessRequestSchema, ...errors },
        },
      },
      (request) =>
        requests.updateRange(request.params.id, request.params.rangeId, request.body, auditAuthorOf(request)),
    );
  };
}
