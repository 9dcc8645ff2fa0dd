import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ModelRegistrationInputSchema, ModelRegistrationSchema } from '@vigie/core';
import Type from 'typebox';
import { auditAuthorOf } from '../auth/access-control.js';
import { ErrorBodySchema } from '../http-errors.js';
import type { ModelRegistryService } from '../services/model-registry.service.js';
import { requires } from './route-config.js';

/** The model registry (LEGAL R23): the DPO registers models; supervisors and administrators read them. */
export function modelRoutes(models: ModelRegistryService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/models',
      {
        config: requires('registry:read'),
        schema: {
          tags: ['registry'],
          summary: 'Every registered detection model: file hash, provenance, licence, classes, accuracy, attestation',
          response: { 200: Type.Array(ModelRegistrationSchema) },
        },
      },
      () => models.list(),
    );

    app.post(
      '/models',
      {
        config: requires('registry:write'),
        schema: {
          tags: ['registry'],
          summary: 'Register a detection model file by its SHA-256 (replaces the registration of the same file)',
          body: ModelRegistrationInputSchema,
          response: { 201: ModelRegistrationSchema, 400: ErrorBodySchema },
        },
      },
      async (request, reply) => reply.status(201).send(await models.register(request.body, auditAuthorOf(request))),
    );
  };
}
