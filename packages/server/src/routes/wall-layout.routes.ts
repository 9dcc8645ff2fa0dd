import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { WallLayoutInputSchema, WallLayoutSchema } from '@vigie/core';
import Type from 'typebox';
import { requesterOf } from '../auth/access-control.js';
import { ErrorBodySchema } from '../http-errors.js';
import type { WallLayoutService } from '../services/wall-layout.service.js';
import { requires } from './route-config.js';

const NameParams = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' }) },
  { additionalProperties: false },
);
const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema };

/** The caller's own saved walls (each operator sees and changes only theirs). */
export function wallLayoutRoutes(layouts: WallLayoutService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/me/wall-layouts',
      {
        config: requires('live:view'),
        schema: {
          tags: ['wall'],
          summary: 'The walls I saved, by name',
          response: { 200: Type.Array(WallLayoutSchema), ...errors },
        },
      },
      (request) => layouts.list(requesterOf(request)),
    );

    app.put(
      '/me/wall-layouts/:name',
      {
        config: requires('live:view'),
        schema: {
          tags: ['wall'],
          summary: 'Save my wall under a name (replaces one of the same name; audited)',
          params: NameParams,
          body: WallLayoutInputSchema,
          response: { 200: WallLayoutSchema, ...errors },
        },
      },
      (request) => layouts.save(request.params.name, request.body, requesterOf(request)),
    );

    app.delete(
      '/me/wall-layouts/:name',
      {
        config: requires('live:view'),
        schema: {
          tags: ['wall'],
          summary: 'Delete one of my saved walls (audited)',
          params: NameParams,
          response: { 204: Type.Null(), ...errors },
        },
      },
      async (request, reply) => {
        await layouts.delete(request.params.name, requesterOf(request));
        return reply.status(204).send(null);
      },
    );
  };
}
