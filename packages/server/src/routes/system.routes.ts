import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { EventHub } from '../event-hub.js';
import { requires } from './route-config.js';

/** Health, the OpenAPI document and the WebSocket push channel. */
export function systemRoutes(options: { engine: string; events: EventHub }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/health',
      {
        config: requires('public'),
        schema: {
          tags: ['system'],
          summary: 'Liveness and database engine',
          response: {
            200: Type.Object({
              status: Type.Literal('ok'),
              database: Type.String(),
            }),
          },
        },
      },
      () => ({ status: 'ok' as const, database: options.engine }),
    );

    app.get('/openapi.json', { config: requires('public'), schema: { hide: true } }, () => app.swagger());

    app.get(
      '/events',
      {
        config: requires('camera:read'),
        websocket: true,
        schema: { hide: true },
      },
      (socket) => {
        const unsubscribe = options.events.subscribe((event) => socket.send(JSON.stringify(event)));
        socket.on('close', unsubscribe);
      },
    );
  };
}
