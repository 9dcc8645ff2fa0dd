import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Clock } from '@vigie/core';
import type { ApiTokenSummary } from '@vigie/db';
import Type from 'typebox';
import { auditAuthorOf } from '../auth/access-control.js';
import { ErrorBodySchema } from '../http-errors.js';
import type { UserService } from '../services/user.service.js';
import { requires } from './route-config.js';

const TokenSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String({ description: 'What the token is for, e.g. "analysis worker 2".' }),
  username: Type.String({ description: 'The account the token acts as.' }),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.Optional(Type.String({ format: 'date-time', description: 'Refused from then on; absent: never.' })),
  revokedAt: Type.Optional(Type.String({ format: 'date-time', description: 'Refused since then.' })),
});

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

function tokenView(token: ApiTokenSummary) {
  return {
    id: token.id,
    name: token.name,
    username: token.username,
    createdAt: token.createdAt.toISOString(),
    ...(token.expiresAt === undefined ? {} : { expiresAt: token.expiresAt.toISOString() }),
    ...(token.revokedAt === undefined ? {} : { revokedAt: token.revokedAt.toISOString() }),
  };
}

/** API tokens for the administrator: list them (never their values) and revoke one. `vigie user token` issues them. */
export function tokenRoutes(users: UserService, clock: Clock): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/tokens',
      {
        config: requires('user:manage'),
        schema: {
          tags: ['users'],
          summary: 'List API tokens: name, account, creation, expiry and revocation (never the token itself)',
          response: { 200: Type.Array(TokenSchema) },
        },
      },
      async () => (await users.tokens()).map(tokenView),
    );

    app.post(
      '/tokens/:id/revoke',
      {
        config: requires('user:manage'),
        schema: {
          tags: ['users'],
          summary: 'Revoke an API token: refused from now on (audited); revoking twice changes nothing',
          params: IdParams,
          response: { 200: TokenSchema, 404: ErrorBodySchema },
        },
      },
      async (request) =>
        tokenView(await users.revokeToken({ id: request.params.id, now: clock.now(), actor: auditAuthorOf(request) })),
    );
  };
}
