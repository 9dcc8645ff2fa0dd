import { Type, type Static } from 'typebox';
import { AlertRecordSchema, CameraSchema, CameraStatusSchema, IncidentSchema, SopStepSchema } from '@vigie/core';

const version = Type.Literal(1);

/**
 * What the server pushes to consoles over the /api/events WebSocket, one JSON message each; versioned so
 * clients can evolve. Published in the OpenAPI document as `components.schemas.PushEvent`, from which
 * the console's types are generated.
 */
export const PushEventSchema = Type.Union(
  [
    Type.Object({ v: version, type: Type.Literal('camera.created'), camera: CameraSchema }),
    Type.Object({ v: version, type: Type.Literal('camera.updated'), camera: CameraSchema }),
    Type.Object({ v: version, type: Type.Literal('camera.deleted'), cameraId: Type.String() }),
    Type.Object({ v: version, type: Type.Literal('camera.status'), ...CameraStatusSchema.properties }),
    Type.Object({ v: version, type: Type.Literal('alert.opened'), alert: AlertRecordSchema }),
    Type.Object({ v: version, type: Type.Literal('alert.updated'), alert: AlertRecordSchema }),
    Type.Object({ v: version, type: Type.Literal('incident.updated'), incident: IncidentSchema }),
    Type.Object(
      {
        v: version,
        type: Type.Literal('incident.step_skipped'),
        incidentId: Type.String(),
        title: Type.String(),
        cameraId: Type.String(),
        resolvedBy: Type.String(),
        steps: Type.Array(SopStepSchema),
      },
      { description: 'To supervisors only: a resolution skipped required steps of its procedure.' },
    ),
  ],
  { description: 'A message of the /api/events WebSocket, filtered by the caller’s role and cameras.' },
);

/** One pushed message (see {@link PushEventSchema}). */
export type PushEvent = Static<typeof PushEventSchema>;
