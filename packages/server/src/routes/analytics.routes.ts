import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { definedOnly, maxReasonLength, minStopReasonLength } from '@vigie/core';
import { auditAuthorOf, requesterOf } from '../auth/access-control.js';
import type { AnalysisFleet } from '../analysis/analysis-fleet.js';
import { ErrorBodySchema } from '../http-errors.js';
import type { AnalyticsStopService } from '../services/analytics-stop.service.js';
import type { CameraService } from '../services/camera.service.js';
import { requires } from './route-config.js';

const StateSchema = Type.Object({
  paused: Type.Boolean({ description: 'Analytics halted on every camera.' }),
  pausedCameraIds: Type.Array(Type.String()),
  runningCameraIds: Type.Array(Type.String()),
  unavailableRules: Type.Array(
    Type.Object({
      cameraId: Type.String(),
      type: Type.String({ description: 'The rule switched on that does not run.' }),
      code: Type.String({ description: 'Why, an error code (FIRE_MODEL_MISSING: no fire model configured).' }),
    }),
    { description: 'Rules switched on that cannot run on a running camera, and why.' },
  ),
});

/** The stop button of the analytics (LEGAL R22): global or per camera, effective within seconds, audited. */
export function analyticsRoutes(deps: {
  fleet: AnalysisFleet;
  stops: AnalyticsStopService;
  cameras: CameraService;
}): FastifyPluginAsyncTypebox {
  const { fleet, stops, cameras } = deps;
  return async (app) => {
    app.get(
      '/analytics/state',
      {
        config: requires('alert:read'),
        schema: {
          tags: ['analytics'],
          summary: 'Whether analytics run, globally and per camera',
          response: { 200: StateSchema },
        },
      },
      () => fleet.state(),
    );

    app.put(
      '/analytics/pause',
      {
        config: requires('camera:write'),
        schema: {
          tags: ['analytics'],
          summary: 'Halt or resume analytics, on every camera or one (audited)',
          body: Type.Object(
            {
              paused: Type.Boolean(),
              cameraId: Type.Optional(Type.String({ format: 'uuid' })),
              reason: Type.String({ minLength: minStopReasonLength, maxLength: maxReasonLength }),
            },
            { additionalProperties: false },
          ),
          response: { 200: StateSchema, 400: ErrorBodySchema, 404: ErrorBodySchema },
        },
      },
      async (request) => {
        const { paused, cameraId, reason } = request.body;
        if (cameraId !== undefined) await cameras.get(cameraId, requesterOf(request));
        const stop = await stops.press({ paused, reason, ...definedOnly({ cameraId }) }, auditAuthorOf(request));
        // This server's analyses stop before the answer; other servers and workers follow the bus.
        await fleet.applyStop(stop);
        return fleet.state();
      },
    );
  };
}
