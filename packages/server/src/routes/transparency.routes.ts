import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditCheckpointSchema, TransparencyGeoJsonSchema, TransparencySchema } from '@vigie/core';
import Type from 'typebox';
import type { AuditAnchor } from '../security/audit-anchor.js';
import type { InstallationKey } from '../security/installation-key.js';
import type { TransparencyService } from '../services/transparency.service.js';
import { requires } from './route-config.js';

/** The public transparency page's data: no login, nothing secret. */
export function transparencyRoutes(deps: {
  transparency: TransparencyService;
  anchor: AuditAnchor;
  key: Pick<InstallationKey, 'keyId' | 'publicKeyPem'>;
}): FastifyPluginAsyncTypebox {
  const { transparency } = deps;
  return async (app) => {
    app.get(
      '/transparency',
      {
        config: requires('public'),
        schema: {
          tags: ['transparency'],
          summary:
            'Who runs the cameras, how to reach the DPO, and each camera’s purposes, retention, signage, analytics and authorisation',
          response: { 200: TransparencySchema },
        },
      },
      () => transparency.report(),
    );

    app.get(
      '/transparency.geojson',
      {
        config: requires('public'),
        schema: {
          tags: ['transparency'],
          summary: 'The cameras as a GeoJSON FeatureCollection of points',
          response: {
            200: {
              description: 'GeoJSON (RFC 7946)',
              content: { 'application/geo+json': { schema: TransparencyGeoJsonSchema } },
            },
          },
        },
      },
      async (_request, reply) => reply.type('application/geo+json').send(await transparency.geoJson()),
    );

    app.get(
      '/transparency/audit',
      {
        config: requires('public'),
        schema: {
          tags: ['transparency'],
          summary:
            "The audit trail's newest signed checkpoint (entries, head hash, time, Ed25519 signature) and the key that signs it, for anyone to hold the city to",
          response: {
            200: Type.Object({
              algorithm: Type.Literal('Ed25519'),
              keyId: Type.String(),
              publicKeyPem: Type.String(),
              checkpoint: Type.Union([AuditCheckpointSchema, Type.Null()]),
            }),
          },
        },
      },
      async () => ({
        algorithm: 'Ed25519' as const,
        keyId: deps.key.keyId,
        publicKeyPem: deps.key.publicKeyPem,
        checkpoint: (await deps.anchor.latest()) ?? null,
      }),
    );
  };
}
