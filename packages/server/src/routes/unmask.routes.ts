import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DecideLiftSchema, RequestLiftSchema, UnmaskLiftSchema } from '@vigie/core';
import Type from 'typebox';
import { requesterOf } from '../auth/access-control.js';
import { ErrorBodySchema } from '../http-errors.js';
import type { UnmaskService } from '../services/unmask.service.js';
import { requires } from './route-config.js';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };

/** Two-person unmasking: request (supervisors), decision by someone else (DPO), the watermarked view. */
export function unmaskRoutes(unmask: UnmaskService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/unmask-lifts',
      {
        config: requires('unmask:request'),
        schema: {
          tags: ['unmasking'],
          summary: 'Ask to see behind a camera’s liftable masks over a past range, with a reason and an expiry ≤ 72 h',
          body: RequestLiftSchema,
          response: { 201: UnmaskLiftSchema, ...errors },
        },
      },
      async (request, reply) => reply.status(201).send(await unmask.request(request.body, requesterOf(request))),
    );

    app.get(
      '/unmask-lifts',
      {
        config: requires('authenticated'),
        schema: {
          tags: ['unmasking'],
          summary: 'Lifts, newest first: every one for those who approve, one’s own for everyone else',
          response: { 200: Type.Array(UnmaskLiftSchema) },
        },
      },
      (request) => unmask.list(requesterOf(request)),
    );

    for (const [path, approve] of [
      ['approve', true],
      ['refuse', false],
    ] as const) {
      app.post(
        `/unmask-lifts/:id/${path}`,
        {
          config: requires('unmask:approve'),
          schema: {
            tags: ['unmasking'],
            summary: `${approve ? 'Approve' : 'Refuse'} a lift asked by someone else, with a note (audited)`,
            params: IdParams,
            body: DecideLiftSchema,
            response: { 200: UnmaskLiftSchema, ...errors },
          },
        },
        (request) => unmask.decide(request.params.id, { approve, note: request.body.note }, requesterOf(request)),
      );
    }

    app.get(
      '/unmask-lifts/:id/video.mp4',
      {
        config: requires('unmask:request'),
        schema: {
          tags: ['unmasking'],
          summary: 'The unmasked range of an approved lift, for its requester only, watermarked with their name',
          params: IdParams,
        },
      },
      async (request, reply) => {
        const stream = await unmask.view(request.params.id, requesterOf(request));
        return reply.header('cache-control', 'private, no-store').type('video/mp4').send(stream);
      },
    );
  };
}
