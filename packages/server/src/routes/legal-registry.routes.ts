import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  maxSignagePhotoBytes,
  RegistryEntryInputSchema,
  RegistryEntrySchema,
  signagePhotoTypes,
  SignagePhotoSchema,
} from '@vigie/core';
import Type from 'typebox';
import { auditAuthorOf } from '../auth/access-control.js';
import { ErrorBodySchema } from '../http-errors.js';
import type { LegalRegistryService } from '../services/legal-registry.service.js';
import { requires } from './route-config.js';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const PhotoBytes = Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary' });
const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema };

/** The legal registry of each camera, for the DPO (write) and supervisors and administrators (read). */
export function legalRegistryRoutes(registry: LegalRegistryService): FastifyPluginAsyncTypebox {
  return async (app) => {
    // Sign photos arrive as the raw request body; their bytes are checked, not the declared type alone.
    app.addContentTypeParser(
      [...signagePhotoTypes],
      { parseAs: 'buffer', bodyLimit: maxSignagePhotoBytes },
      (_r, body, done) => {
        done(null, body);
      },
    );

    app.get(
      '/cameras/:id/registry',
      {
        config: requires('registry:read'),
        schema: {
          tags: ['registry'],
          summary: 'A camera’s legal registry entry: authorisation (with its state), signage, facing',
          params: IdParams,
          response: { 200: RegistryEntrySchema, ...errors },
        },
      },
      (request) => registry.get(request.params.id),
    );

    app.put(
      '/cameras/:id/registry',
      {
        config: requires('registry:write'),
        schema: {
          tags: ['registry'],
          summary: 'Record a camera’s prefectoral authorisation, signage and facing (replaces the entry)',
          params: IdParams,
          body: RegistryEntryInputSchema,
          response: { 200: RegistryEntrySchema, ...errors },
        },
      },
      (request) => registry.record(request.params.id, request.body, auditAuthorOf(request)),
    );

    app.put(
      '/cameras/:id/registry/signage-photo',
      {
        config: requires('registry:write'),
        bodyLimit: maxSignagePhotoBytes,
        schema: {
          tags: ['registry'],
          summary:
            'Upload a photo of the camera’s sign: the raw JPEG or PNG bytes, Content-Type image/jpeg or image/png, at most 4 MiB',
          params: IdParams,
          response: { 200: SignagePhotoSchema, ...errors },
        },
      },
      (request) => {
        const body = request.body;
        return registry.setSignagePhoto(
          request.params.id,
          {
            contentType: request.headers['content-type'],
            bytes: Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array(),
          },
          auditAuthorOf(request),
        );
      },
    );

    app.get(
      '/cameras/:id/registry/signage-photo',
      {
        config: requires('registry:read'),
        schema: {
          tags: ['registry'],
          summary: 'The photo of the camera’s sign (image/jpeg or image/png)',
          params: IdParams,
          response: {
            200: {
              description: 'The photo, as uploaded.',
              content: Object.fromEntries(signagePhotoTypes.map((type) => [type, { schema: PhotoBytes }])),
            },
            404: ErrorBodySchema,
          },
        },
      },
      async (request, reply) => {
        const photo = await registry.signagePhoto(request.params.id);
        return reply
          .type(photo.contentType)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'")
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(photo.bytes));
      },
    );
  };
}
