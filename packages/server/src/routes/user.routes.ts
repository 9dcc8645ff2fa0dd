import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { roles, type Clock } from '@vigie/core';
import Type from 'typebox';
import { auditAuthorOf } from '../auth/access-control.js';
import { ErrorBodySchema } from '../http-errors.js';
import type { UserService } from '../services/user.service.js';
import { requires } from './route-config.js';

const UserSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.Enum([...roles])),
  createdAt: Type.String({ format: 'date-time' }),
  cameraIds: Type.Array(Type.String({ format: 'uuid' }), {
    description: 'Cameras assigned to this account; an operator sees only these.',
  }),
});

const NewUserBody = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 63, pattern: '^[a-z0-9][a-z0-9._-]{1,62}$' }),
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
    roles: Type.Array(Type.Enum([...roles]), { minItems: 1, maxItems: roles.length, uniqueItems: true }),
    password: Type.String({ minLength: 12, maxLength: 1024, description: 'At least 12 characters.' }),
  },
  { additionalProperties: false },
);

const CreatedSchema = Type.Object({
  user: UserSchema,
  totp: Type.Optional(
    Type.Object({
      secret: Type.String({ description: 'Base32 key for the authenticator app; shown this once only.' }),
      uri: Type.String({ description: 'otpauth:// URI of the same key.' }),
    }),
  ),
});

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const CamerasBody = Type.Object(
  { cameraIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 1000 }) },
  { additionalProperties: false },
);

/** Account administration for the administrator: list, create (second factor shown once), assign cameras. */
export function userRoutes(users: UserService, clock: Clock): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/users',
      {
        config: requires('user:manage'),
        schema: {
          tags: ['users'],
          summary: 'List accounts with their roles and assigned cameras',
          response: { 200: Type.Array(UserSchema) },
        },
      },
      () => users.list(),
    );

    app.post(
      '/users',
      {
        config: requires('user:manage'),
        schema: {
          tags: ['users'],
          summary: 'Create an account; for roles that view images, returns its one-time-code key once',
          body: NewUserBody,
          response: { 201: CreatedSchema, 400: ErrorBodySchema, 409: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        const created = await users.create(request.body, { now: clock.now(), actor: auditAuthorOf(request) });
        const user = { ...created.account, cameraIds: [] };
        return reply.status(201).send(created.totp === undefined ? { user } : { user, totp: created.totp });
      },
    );

    app.put(
      '/users/:id/cameras',
      {
        config: requires('user:manage'),
        schema: {
          tags: ['users'],
          summary: 'Set exactly which cameras an account is assigned (an operator sees only these)',
          params: IdParams,
          body: CamerasBody,
          response: { 200: UserSchema, 400: ErrorBodySchema, 404: ErrorBodySchema },
        },
      },
      (request) => users.setCameras({ userId: request.params.id, ...request.body, actor: auditAuthorOf(request) }),
    );
  };
}
