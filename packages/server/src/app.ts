import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifyWebsocket from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { frenchProfile, type Clock, type LegalProfile } from '@vigie/core';
import { CameraRepository, type VigieDatabase } from '@vigie/db';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { EventHub } from './event-hub.js';
import { errorBody, handleError } from './http-errors.js';
import { cameraRoutes } from './routes/camera.routes.js';
import { systemRoutes } from './routes/system.routes.js';
import { CameraService } from './services/camera.service.js';

/** What the HTTP application is built from. */
export interface AppDependencies {
  database: VigieDatabase;
  clock: Clock;
  profile?: LegalProfile;
  logger?: FastifyServerOptions['logger'];
  /** Built console to serve at `/`; defaults to packages/web/dist when it exists. */
  webRoot?: string;
}

/** The wired application: the Fastify instance and the services entry points share. */
export interface VigieApp {
  http: FastifyInstance;
  cameras: CameraService;
  events: EventHub;
}

const defaultWebRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Builds the HTTP API and console server around the given database. */
export async function buildApp(deps: AppDependencies): Promise<VigieApp> {
  const events = new EventHub();
  const cameras = new CameraService({
    store: new CameraRepository(deps.database.db, deps.clock),
    profile: deps.profile ?? frenchProfile,
    events,
  });

  const http = Fastify({
    logger: deps.logger ?? false,
    // Unknown keys are rejected, not silently dropped; types are never coerced in bodies.
    ajv: {
      customOptions: {
        removeAdditional: false,
        coerceTypes: false,
        allErrors: true,
      },
    },
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();

  http.setErrorHandler(handleError);
  await http.register(fastifyWebsocket);
  await http.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Vigie API',
        version: '0.1.0',
        description: 'Video-protection supervision. Errors are JSON: { error: { code, message, hint, details[] } }.',
      },
    },
  });
  await http.register(systemRoutes({ engine: deps.database.engine, events }), {
    prefix: '/api',
  });
  await http.register(cameraRoutes(cameras), { prefix: '/api' });

  const webRoot = deps.webRoot ?? defaultWebRoot;
  const hasConsole = existsSync(webRoot);
  if (hasConsole) await http.register(fastifyStatic, { root: webRoot, wildcard: false });
  http.setNotFoundHandler((request, reply) => {
    if (hasConsole && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.sendFile('index.html');
    }
    return reply
      .status(404)
      .send(errorBody('ROUTE_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0] ?? ''}.`));
  });

  return { http, cameras, events };
}
