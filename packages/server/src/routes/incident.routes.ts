import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IncidentActionSchema,
  IncidentSchema,
  IncidentTypeInputSchema,
  IncidentTypeSchema,
  incidentStates,
  type Clock,
} from '@vigie/core';
import Type from 'typebox';
import { requesterOf } from '../auth/access-control.js';
import { ErrorBodySchema } from '../http-errors.js';
import { incidentReportHtml } from '../reports/incident.html.js';
import type { IncidentService } from '../services/incident.service.js';
import { HtmlResponse, sendHtml } from './compliance.routes.js';
import { requires } from './route-config.js';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const TypeParams = Type.Object(
  { id: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,62}$' }) },
  { additionalProperties: false },
);
const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };

/** Incidents (operators and supervisors), their procedures (edited by supervisors) and printable report. */
export function incidentRoutes(
  incidents: IncidentService,
  report: { clock: Clock; timeZone: string },
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/incidents',
      {
        config: requires('incident:read'),
        schema: {
          tags: ['incidents'],
          summary: 'Incidents on the cameras the caller may see, most recently active first',
          querystring: Type.Object(
            { state: Type.Optional(Type.Enum([...incidentStates])) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Array(IncidentSchema) },
        },
      },
      (request) =>
        incidents.list(
          request.query.state === undefined ? {} : { states: [request.query.state] },
          requesterOf(request),
        ),
    );

    app.get(
      '/incidents/:id',
      {
        config: requires('incident:read'),
        schema: {
          tags: ['incidents'],
          summary: 'One incident',
          params: IdParams,
          response: { 200: IncidentSchema, ...errors },
        },
      },
      (request) => incidents.get(request.params.id, requesterOf(request)),
    );

    app.post(
      '/incidents/:id/actions',
      {
        config: requires('incident:act'),
        schema: {
          tags: ['incidents'],
          summary: 'Take up, assign, tick a step, note, link a clip or export, resolve, reopen or close (audited)',
          params: IdParams,
          body: IncidentActionSchema,
          response: { 200: IncidentSchema, ...errors },
        },
      },
      (request) => incidents.act(request.params.id, request.body, requesterOf(request)),
    );

    app.get(
      '/incidents/:id/report.html',
      {
        config: requires('incident:read'),
        schema: {
          tags: ['incidents'],
          summary: 'The incident report, printable (French): procedure, alerts, evidence, timeline',
          params: IdParams,
          response: HtmlResponse,
        },
      },
      async (request, reply) =>
        sendHtml(
          reply,
          incidentReportHtml(await incidents.dossier(request.params.id, requesterOf(request)), {
            timeZone: report.timeZone,
            generatedAt: report.clock.now(),
          }),
        ),
    );

    app.get(
      '/incident-types',
      {
        config: requires('incident:read'),
        schema: {
          tags: ['incidents'],
          summary: 'Incident types and their checklists (standard operating procedures)',
          response: { 200: Type.Array(IncidentTypeSchema) },
        },
      },
      () => incidents.types(),
    );

    app.put(
      '/incident-types/:id',
      {
        config: requires('incident:supervise'),
        schema: {
          tags: ['incidents'],
          summary: 'Create or rewrite an incident type and its checklist (supervisors; audited)',
          params: TypeParams,
          body: IncidentTypeInputSchema,
          response: { 200: IncidentTypeSchema, ...errors },
        },
      },
      (request) => incidents.saveType(request.params.id, request.body, requesterOf(request)),
    );
  };
}
