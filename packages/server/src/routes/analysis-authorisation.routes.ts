import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AnalysisAuthorisationInputSchema, AnalysisAuthorisationSchema } from '@vigie/core';
import Type from 'typebox';
import { auditAuthorOf } from '../auth/access-control.js';
import { ErrorBodySchema } from '../http-errors.js';
import type { AnalysisAuthorisationService } from '../services/analysis-authorisation.service.js';
import { requires } from './route-config.js';

/** Analysis authorisations (LEGAL R18): the DPO records the decisions; supervisors and administrators read them. */
export function analysisAuthorisationRoutes(service: AnalysisAuthorisationService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/analysis-authorisations',
      {
        config: requires('registry:read'),
        schema: {
          tags: ['registry'],
          summary: 'Every analysis authorisation, latest first, with its state (scheduled, active, ended)',
          response: { 200: Type.Array(AnalysisAuthorisationSchema) },
        },
      },
      () => service.list(),
    );

    app.post(
      '/analysis-authorisations',
      {
        config: requires('registry:write'),
        schema: {
          tags: ['registry'],
          summary:
            'Record the decision under which alert analytics run on some cameras; they start at its start and stop by themselves at its end',
          body: AnalysisAuthorisationInputSchema,
          response: { 201: AnalysisAuthorisationSchema, 400: ErrorBodySchema, 404: ErrorBodySchema },
        },
      },
      async (request, reply) => reply.status(201).send(await service.record(request.body, auditAuthorOf(request))),
    );
  };
}
