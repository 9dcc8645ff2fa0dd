import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { TransparencyGeoJsonSchema, TransparencySchema } from '@vigie/core';
import type { TransparencyService } from '../services/transparency.service.js';
import { requires } from './route-config.js';

/** The public transparency page's data: no login, nothing secret. */
export function transparencyRoutes(transparency: TransparencyService): FastifyPluginAsyncTypebox {
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
  };
}
