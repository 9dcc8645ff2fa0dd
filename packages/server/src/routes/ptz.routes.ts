import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PolygonSchema } from '@vigie/core';
import Type, { type Static } from 'typebox';
import { requesterOf } from '../auth/access-control.js';
import { ErrorBodySchema } from '../http-errors.js';
import type { PtzService } from '../services/ptz.service.js';
import { requires } from './route-config.js';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const PresetParams = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    token: Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,64}$', description: 'A preset token from the preset list.' }),
  },
  { additionalProperties: false },
);

const speed = (axis: string): ReturnType<typeof Type.Number> =>
  Type.Number({ minimum: -1, maximum: 1, default: 0, description: `${axis} speed, −1…1 (0: still).` });

const MoveBody = Type.Object(
  { pan: Type.Optional(speed('Pan')), tilt: Type.Optional(speed('Tilt')), zoom: Type.Optional(speed('Zoom')) },
  { additionalProperties: false },
);

const SavePresetBody = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 64,
      pattern: '^[^<>&"\']+$',
      description: 'What operators see in the preset list (no < > & " or quote).',
    }),
  },
  { additionalProperties: false },
);

const ControlSchema = Type.Object(
  {
    holder: Type.Optional(
      Type.Object(
        {
          name: Type.String(),
          expiresAt: Type.String({ format: 'date-time', description: 'Free again then unless they keep steering.' }),
          you: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

const PositionSchema = Type.Object(
  { pan: Type.Number(), tilt: Type.Number(), zoom: Type.Number() },
  { additionalProperties: false },
);

const PresetSchema = Type.Object(
  {
    token: Type.String(),
    name: Type.String(),
    position: Type.Optional(PositionSchema),
  },
  { additionalProperties: false },
);

const PresetMaskSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }),
    label: Type.Optional(Type.String({ maxLength: 100 })),
    polygon: PolygonSchema,
  },
  { additionalProperties: false, description: 'A permanent mask over the picture seen from this preset.' },
);

const PresetMasksBody = Type.Object(
  { masks: Type.Array(PresetMaskSchema, { maxItems: 64 }) },
  { additionalProperties: false },
);

const PresetMasksSchema = Type.Object(
  {
    preset: Type.String(),
    name: Type.String(),
    position: PositionSchema,
    masks: Type.Array(PresetMaskSchema),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

const presetMasksView = (
  stored: Awaited<ReturnType<PtzService['presetMasks']>>[number],
): Static<typeof PresetMasksSchema> => ({ ...stored, updatedAt: stored.updatedAt.toISOString() });

const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema, 503: ErrorBodySchema };

/** PTZ steering of ONVIF cameras: the control lock, moves, presets (saved by supervisors). */
export function ptzRoutes(ptz: PtzService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/cameras/:id/ptz/control',
      {
        config: requires('live:view'),
        schema: {
          tags: ['cameras'],
          summary: 'Who steers this camera now (nobody once 30 s passed without a command)',
          params: IdParams,
          response: { 200: ControlSchema, ...errors },
        },
      },
      (request) => ptz.control(request.params.id, requesterOf(request)),
    );

    app.post(
      '/cameras/:id/ptz/control',
      {
        config: requires('live:view'),
        schema: {
          tags: ['cameras'],
          summary: 'Take the controls (a supervisor takes them over from an operator; audited)',
          params: IdParams,
          response: { 200: ControlSchema, ...errors },
        },
      },
      (request) => ptz.take(request.params.id, requesterOf(request)),
    );

    app.delete(
      '/cameras/:id/ptz/control',
      {
        config: requires('live:view'),
        schema: {
          tags: ['cameras'],
          summary: 'Give the controls back (audited)',
          params: IdParams,
          response: { 204: Type.Null(), ...errors },
        },
      },
      async (request, reply) => {
        await ptz.release(request.params.id, requesterOf(request));
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/cameras/:id/ptz/move',
      {
        config: requires('live:view'),
        schema: {
          tags: ['cameras'],
          summary: 'Start moving the head at these speeds until a stop (takes or renews the controls; audited)',
          params: IdParams,
          body: MoveBody,
          response: { 204: Type.Null(), ...errors },
        },
      },
      async (request, reply) => {
        const { pan = 0, tilt = 0, zoom = 0 } = request.body;
        await ptz.move(request.params.id, { pan, tilt, zoom }, requesterOf(request));
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/cameras/:id/ptz/stop',
      {
        config: requires('live:view'),
        schema: {
          tags: ['cameras'],
          summary: 'Stop the head',
          params: IdParams,
          response: { 204: Type.Null(), ...errors },
        },
      },
      async (request, reply) => {
        await ptz.stop(request.params.id, requesterOf(request));
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/cameras/:id/ptz/presets',
      {
        config: requires('live:view'),
        schema: {
          tags: ['cameras'],
          summary: 'The presets stored on the camera',
          params: IdParams,
          response: { 200: Type.Array(PresetSchema), ...errors },
        },
      },
      (request) => ptz.presets(request.params.id, requesterOf(request)),
    );

    app.post(
      '/cameras/:id/ptz/presets/:token/go',
      {
        config: requires('live:view'),
        schema: {
          tags: ['cameras'],
          summary: 'Send the head to a preset (takes or renews the controls; audited)',
          params: PresetParams,
          response: { 204: Type.Null(), ...errors },
        },
      },
      async (request, reply) => {
        await ptz.gotoPreset(request.params.id, request.params.token, requesterOf(request));
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/cameras/:id/ptz/presets',
      {
        config: requires('camera:write'),
        schema: {
          tags: ['cameras'],
          summary: 'Save where the head points now as a preset (supervisors; audited)',
          params: IdParams,
          body: SavePresetBody,
          response: { 201: PresetSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await ptz.savePreset(request.params.id, request.body.name, requesterOf(request))),
    );

    app.get(
      '/cameras/:id/ptz/masks',
      {
        config: requires('live:view'),
        schema: {
          tags: ['cameras'],
          summary:
            'The privacy masks drawn per preset (elsewhere, and while the head moves, the whole picture is masked)',
          params: IdParams,
          response: { 200: Type.Array(PresetMasksSchema), ...errors },
        },
      },
      async (request) => (await ptz.presetMasks(request.params.id, requesterOf(request))).map(presetMasksView),
    );

    app.put(
      '/cameras/:id/ptz/presets/:token/masks',
      {
        config: requires('camera:write'),
        schema: {
          tags: ['cameras'],
          summary:
            'Draw the privacy masks of a preset (supervisors; audited); the recording applies them at that preset only',
          params: PresetParams,
          body: PresetMasksBody,
          response: { 200: PresetMasksSchema, ...errors },
        },
      },
      async (request) =>
        presetMasksView(
          await ptz.savePresetMasks(
            request.params.id,
            { token: request.params.token, masks: request.body.masks },
            requesterOf(request),
          ),
        ),
    );
  };
}
