import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HabilitationInputSchema, HabilitationSchema, VigieError } from '@vigie/core';
import Type from 'typebox';
import { auditAuthorOf, workstationCookie } from '../auth/access-control.js';
import { ErrorBodySchema } from '../http-errors.js';
import type { HabilitationService } from '../services/habilitation.service.js';
import { requires } from './route-config.js';

const WorkstationSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  enrolledBy: Type.String(),
  enrolledAt: Type.String({ format: 'date-time' }),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const UsernameParams = Type.Object({ username: Type.String({ maxLength: 63 }) }, { additionalProperties: false });
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const KeyBody = Type.Object({ key: Type.String({ minLength: 10, maxLength: 200 }) }, { additionalProperties: false });

/** A year: a workstation keeps its key until it is revoked or enrolled again. */
const workstationCookieSeconds = 365 * 24 * 3600;

/**
 * Habilitations (designation act, camera scope, training dates) and supervision-room workstations,
 * for the administrator (LEGAL R8–R10); a workstation's browser claims its key once.
 */
export function habilitationRoutes(habilitations: HabilitationService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/habilitations',
      {
        config: requires('user:manage'),
        schema: {
          tags: ['users'],
          summary: 'Every recorded habilitation: designation act, camera scope, training dates',
          response: { 200: Type.Array(HabilitationSchema) },
        },
      },
      () => habilitations.list(),
    );

    app.put(
      '/users/:username/habilitation',
      {
        config: requires('user:manage'),
        schema: {
          tags: ['users'],
          summary: 'Record an account’s designation act, camera scope and training dates (audited)',
          params: UsernameParams,
          body: HabilitationInputSchema,
          response: { 200: HabilitationSchema, 400: ErrorBodySchema, 404: ErrorBodySchema },
        },
      },
      (request) => habilitations.record(request.params.username, request.body, auditAuthorOf(request)),
    );

    app.get(
      '/workstations',
      {
        config: requires('user:manage'),
        schema: {
          tags: ['users'],
          summary: 'Enrolled supervision-room workstations',
          response: { 200: Type.Array(WorkstationSchema) },
        },
      },
      () => habilitations.workstations(),
    );

    app.post(
      '/workstations',
      {
        config: requires('user:manage'),
        schema: {
          tags: ['users'],
          summary: 'Enrol a workstation; its key is returned this once (audited)',
          body: Type.Object({ name: Type.String({ minLength: 2, maxLength: 100 }) }, { additionalProperties: false }),
          response: {
            201: Type.Object({ workstation: WorkstationSchema, key: Type.String() }),
            400: ErrorBodySchema,
            409: ErrorBodySchema,
          },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await habilitations.enrolWorkstation(request.body.name, auditAuthorOf(request))),
    );

    app.post(
      '/workstations/:id/revoke',
      {
        config: requires('user:manage'),
        schema: {
          tags: ['users'],
          summary: 'Revoke a workstation: it no longer shows images (audited)',
          params: IdParams,
          response: { 204: Type.Null(), 404: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        await habilitations.revokeWorkstation(request.params.id, auditAuthorOf(request));
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/workstation/claim',
      {
        config: requires('public'),
        schema: {
          tags: ['users'],
          summary: 'Keep an enrolled workstation’s key in this browser (HttpOnly cookie)',
          body: KeyBody,
          response: { 200: WorkstationSchema, 403: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        const station = await habilitations.workstationFor(request.body.key);
        if (station === undefined) {
          throw new VigieError('WORKSTATION_NOT_ENROLLED', 'This key belongs to no enrolled workstation.');
        }
        return reply
          .setCookie(workstationCookie, request.body.key, {
            httpOnly: true,
            sameSite: 'strict',
            path: '/',
            secure: 'auto',
            maxAge: workstationCookieSeconds,
          })
          .send(station);
      },
    );
  };
}
