import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { auditActions, definedOnly } from '@vigie/core';
import type { UnitOfWork } from '@vigie/db';
import type { AuditAnchor } from '../security/audit-anchor.js';
import Type from 'typebox';
import { requires } from './route-config.js';

const EntrySchema = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  action: Type.String(),
  actorId: Type.Optional(Type.String()),
  actorName: Type.String(),
  cameraId: Type.Optional(Type.String()),
  rangeStart: Type.Optional(Type.String()),
  rangeEnd: Type.Optional(Type.String()),
  reason: Type.Optional(Type.String()),
  source: Type.Optional(Type.String()),
  details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  prevHash: Type.String(),
  hash: Type.String(),
});

const Query = Type.Object(
  {
    cameraId: Type.Optional(Type.String({ format: 'uuid' })),
    action: Type.Optional(Type.Enum([...auditActions])),
    actor: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'Part of the actor’s name, any case.' }),
    ),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Entries at or after this instant.' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Entries before this instant.' })),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description:
          'Part of the action, the target (camera id or name), the author, the reason, the source or the details, any case.',
      }),
    ),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$', description: 'At most 1000; default 200.' })),
  },
  { additionalProperties: false },
);

/** The audit trail, for the DPO: read it, and verify its hash chain and its signed checkpoints. */
export function auditRoutes({ work, anchor }: { work: UnitOfWork; anchor: AuditAnchor }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/audit',
      {
        config: requires('audit:read'),
        schema: {
          tags: ['audit'],
          summary: 'Audit entries, newest first',
          querystring: Query,
          response: { 200: Type.Array(EntrySchema) },
        },
      },
      (request) => {
        const { cameraId, action, actor, from, to, q, limit } = request.query;
        return work(({ audit }) =>
          audit.list({
            ...definedOnly({ cameraId, action, actor }),
            ...(from === undefined ? {} : { from: new Date(from) }),
            ...(to === undefined ? {} : { to: new Date(to) }),
            ...definedOnly({ text: q }),
            limit: Math.min(Number(limit ?? 200), 1000),
          }),
        );
      },
    );

    app.get(
      '/audit/verify',
      {
        config: requires('audit:read'),
        schema: {
          tags: ['audit'],
          summary:
            'Verify the hash chain (any modified, inserted or deleted entry) and hold it to the signed checkpoints (a rewrite with recomputed hashes, a truncation, a wipe)',
          response: {
            200: Type.Object({
              valid: Type.Boolean(),
              entries: Type.Integer(),
              breaks: Type.Array(Type.Object({ seq: Type.Integer(), problem: Type.String() })),
              checkpoints: Type.Integer({ description: 'Checkpoints whose signature holds.' }),
              anchoredEntries: Type.Integer({ description: 'Entries the newest valid checkpoint covers.' }),
              checkpointBreaks: Type.Array(
                Type.Object({ at: Type.String(), entries: Type.Integer(), problem: Type.String() }),
              ),
            }),
          },
        },
      },
      () => anchor.verify(),
    );
  };
}
