import { CameraInputSchema, CameraPatchSchema, CameraSchema } from '@vigie/core';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { ErrorBodySchema } from '../http-errors.js';
import type { CameraService } from '../services/camera.service.js';
import { auditAuthorOf, requesterOf } from '../auth/access-control.js';
import { requires } from './route-config.js';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const IfMatch = Type.Object({
  'if-match': Type.Optional(
    Type.String({
      pattern: '^"?[0-9]+"?$',
      description: 'Camera version the change is based on; 409 if it moved on.',
    }),
  ),
});
const errors = {
  400: ErrorBodySchema,
  404: ErrorBodySchema,
  409: ErrorBodySchema,
};

/** The camera registry API: thin routes, schema-validated, over the camera service. */
export function cameraRoutes(cameras: CameraService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/cameras',
      {
        config: requires('camera:read'),
        schema: {
          tags: ['cameras'],
          summary: 'List cameras',
          response: { 200: Type.Array(CameraSchema) },
        },
      },
      (request) => cameras.list(requesterOf(request)),
    );

    app.get(
      '/cameras/:id',
      {
        config: requires('camera:read'),
        schema: {
          tags: ['cameras'],
          summary: 'Read one camera',
          params: IdParams,
          response: { 200: CameraSchema, ...errors },
        },
      },
      (request) => cameras.get(request.params.id, requesterOf(request)),
    );

    app.post(
      '/cameras',
      {
        config: requires('camera:write'),
        schema: {
          tags: ['cameras'],
          summary: 'Register a camera',
          body: CameraInputSchema,
          response: { 201: CameraSchema, ...errors },
        },
      },
      async (request, reply) => reply.status(201).send(await cameras.create(request.body, auditAuthorOf(request))),
    );

    app.patch(
      '/cameras/:id',
      {
        config: requires('camera:write'),
        schema: {
          tags: ['cameras'],
          summary: 'Change a camera',
          params: IdParams,
          headers: IfMatch,
          body: CameraPatchSchema,
          response: { 200: CameraSchema, ...errors },
        },
      },
      (request) => {
        const ifMatch = request.headers['if-match'];
        const version = ifMatch === undefined ? undefined : Number(ifMatch.replaceAll('"', ''));
        return cameras.update(
          request.params.id,
          { patch: request.body, expectedVersion: version },
          auditAuthorOf(request),
        );
      },
    );

    app.delete(
      '/cameras/:id',
      {
        config: requires('camera:write'),
        schema: {
          tags: ['cameras'],
          summary: 'Remove a camera',
          params: IdParams,
          response: { 204: Type.Null(), ...errors },
        },
      },
      async (request, reply) => {
        await cameras.remove(request.params.id, auditAuthorOf(request));
        return reply.status(204).send(null);
      },
    );
  };
}
