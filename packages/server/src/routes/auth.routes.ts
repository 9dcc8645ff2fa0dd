import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { VigieError } from '@vigie/core';
import Type from 'typebox';
import { auditAuthorOf, sessionCookie } from '../auth/access-control.js';
import { ErrorBodySchema } from '../http-errors.js';
import type { AuthService, Caller } from '../services/auth.service.js';
import { requires } from './route-config.js';

const MeSchema = Type.Object({
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.String()),
  via: Type.Enum(['session', 'token']),
});

const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    totp: Type.Optional(
      Type.String({ pattern: '^[0-9]{6}$', description: 'One-time code; required for roles that view images.' }),
    ),
  },
  { additionalProperties: false },
);

function me(caller: Caller) {
  return { username: caller.username, displayName: caller.displayName, roles: caller.roles, via: caller.via };
}

/** The session cookie's attributes, the same when it is set at login and cleared at logout. */
const sessionCookieOptions = { httpOnly: true, sameSite: 'strict', secure: 'auto', path: '/' } as const;

/** Login (cookie session + CSRF token), logout, and who am I. */
export function authRoutes(auth: AuthService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/auth/login',
      {
        config: requires('public'),
        schema: {
          tags: ['auth'],
          summary: 'Log in; sets an HttpOnly session cookie and returns the CSRF token to send on changes',
          body: LoginBody,
          response: {
            200: Type.Object({ user: MeSchema, csrfToken: Type.String() }),
            400: ErrorBodySchema,
            401: ErrorBodySchema,
            403: ErrorBodySchema,
          },
        },
      },
      async (request, reply) => {
        const result = await auth.login({ ...request.body, source: request.ip });
        void reply.setCookie(sessionCookie, result.sessionToken, {
          ...sessionCookieOptions,
          expires: result.expiresAt,
        });
        return { user: me(result.caller), csrfToken: result.csrfToken };
      },
    );

    app.post(
      '/auth/logout',
      {
        config: requires('authenticated'),
        schema: { tags: ['auth'], summary: 'Log out', response: { 204: Type.Null() } },
      },
      async (request, reply) => {
        const caller = request.caller;
        if (caller === undefined) throw new VigieError('AUTHENTICATION_REQUIRED', 'Log in first.');
        await auth.logout(caller, auditAuthorOf(request).source);
        // Cleared with the attributes it was set with: HttpOnly, SameSite=Strict, Secure over TLS.
        return reply.clearCookie(sessionCookie, sessionCookieOptions).status(204).send(null);
      },
    );

    app.get(
      '/auth/me',
      {
        config: requires('authenticated'),
        schema: { tags: ['auth'], summary: 'The logged-in caller', response: { 200: MeSchema } },
      },
      (request) => {
        if (request.caller === undefined) throw new VigieError('AUTHENTICATION_REQUIRED', 'Log in first.');
        return me(request.caller);
      },
    );
  };
}
