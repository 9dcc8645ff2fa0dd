import { CameraInputSchema, CameraSchema } from '@vigie/core';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { auditAuthorOf } from '../auth/access-control.js';
import { ErrorBodySchema } from '../http-errors.js';
import {
  DiscoveryResultSchema,
  OnvifDeviceSummarySchema,
  OnvifProfilesSchema,
  type OnvifService,
} from '../services/onvif.service.js';
import { requires } from './route-config.js';

const { sourceUrl: _main, subStreamUrl: _sub, ...cameraSettings } = CameraInputSchema.properties;

const DiscoverBody = Type.Object(
  {
    timeoutMs: Type.Optional(
      Type.Integer({ minimum: 500, maximum: 10_000, description: 'How long answers are gathered (default 3000).' }),
    ),
  },
  { additionalProperties: false },
);

const deviceAccount = {
  address: Type.String({
    pattern: '^https?://',
    maxLength: 2048,
    description: 'Device service URL, as discovery gives it.',
  }),
  username: Type.String({ minLength: 1, maxLength: 200 }),
  password: Type.String({ maxLength: 200, description: 'Stored sealed (AES-256-GCM); never returned.' }),
};

const OnvifProfilesBody = Type.Object(deviceAccount, { additionalProperties: false });

const OnvifCameraBody = Type.Object(
  {
    ...deviceAccount,
    urn: Type.Optional(Type.String({ maxLength: 200 })),
    mainProfile: Type.Optional(
      Type.String({ maxLength: 200, description: 'Profile token recorded (default: the largest).' }),
    ),
    subProfile: Type.Optional(
      Type.Union([Type.String({ maxLength: 200 }), Type.Null()], {
        description: 'Profile token analysed; null for none (default: the smallest).',
      }),
    ),
    ...cameraSettings,
  },
  { additionalProperties: false },
);

const errors = { 400: ErrorBodySchema, 409: ErrorBodySchema, 503: ErrorBodySchema };

/** ONVIF: discover devices on the network, add a camera from one. */
export function onvifRoutes(onvif: OnvifService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/cameras/discover',
      {
        config: requires('camera:write'),
        schema: {
          tags: ['cameras'],
          summary: 'Find ONVIF cameras on the local network (WS-Discovery)',
          body: DiscoverBody,
          response: { 200: Type.Array(DiscoveryResultSchema), ...errors },
        },
      },
      (request) => onvif.discover({ timeoutMs: request.body.timeoutMs ?? 3000 }, auditAuthorOf(request)),
    );

    app.post(
      '/cameras/onvif/profiles',
      {
        config: requires('camera:write'),
        schema: {
          tags: ['cameras'],
          summary: 'Read the media profiles of an ONVIF device, to choose its main and sub streams',
          body: OnvifProfilesBody,
          response: { 200: OnvifProfilesSchema, ...errors },
        },
      },
      ({ body: { address, username, password } }) => onvif.profiles(address, { username, password }),
    );

    app.post(
      '/cameras/onvif',
      {
        config: requires('camera:write'),
        schema: {
          tags: ['cameras'],
          summary: 'Add a camera from an ONVIF device: main stream recorded, sub stream analysed',
          body: OnvifCameraBody,
          response: {
            201: Type.Object(
              { camera: CameraSchema, device: OnvifDeviceSummarySchema },
              { additionalProperties: false },
            ),
            ...errors,
          },
        },
      },
      async (request, reply) => reply.status(201).send(await onvif.add(request.body, auditAuthorOf(request))),
    );
  };
}
