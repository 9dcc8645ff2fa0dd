import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LegalHoldSchema, maxReasonLength, minFootageReasonLength, PlaceHoldSchema } from '@vigie/core';
import Type from 'typebox';
import { requesterOf } from '../auth/access-control.js';
import { ErrorBodySchema } from '../http-errors.js';
import type { LegalHoldService } from '../services/legal-hold.service.js';
import { requires } from './route-config.js';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };

/** Legal holds: placed and released by supervisors, listed for them and the DPO. */
export function legalHoldRoutes(holds: LegalHoldService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/holds',
      {
        config: requires('hold:manage'),
        schema: {
          tags: ['legal holds'],
          summary: 'Keep footage past retention for a judicial requisition, until an expiry (audited)',
          body: PlaceHoldSchema,
          response: { 201: LegalHoldSchema, ...errors },
        },
      },
      async (request, reply) => reply.status(201).send(await holds.place(request.body, requesterOf(request))),
    );

    app.get(
      '/holds',
      {
        config: requires('hold:read'),
        schema: {
          tags: ['legal holds'],
          summary: 'Every legal hold, active, released or expired, newest first',
          response: { 200: Type.Array(LegalHoldSchema) },
        },
      },
      () => holds.list(),
    );

    app.post(
      '/holds/:id/release',
      {
        config: requires('hold:manage'),
        schema: {
          tags: ['legal holds'],
          summary: 'Release a hold, with a reason (audited); the footage then follows retention again',
          params: IdParams,
          body: Type.Object(
            { reason: Type.String({ minLength: minFootageReasonLength, maxLength: maxReasonLength }) },
            { additionalProperties: false },
          ),
          response: { 200: LegalHoldSchema, ...errors },
        },
      },
      (request) => holds.release(request.params.id, request.body.reason, requesterOf(request)),
    );
  };
}
