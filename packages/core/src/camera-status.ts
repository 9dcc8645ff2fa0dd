import Type, { type Static } from 'typebox';

/**
 * Whether a camera is sending video: `error` needs a person (bad password, missing file), `offline` may
 * heal, `degraded` records but not faithfully (behind real time, camera timestamps corrected).
 */
export const cameraStates = ['starting', 'online', 'degraded', 'offline', 'error', 'disabled'] as const;

/** One camera state. */
export type CameraState = (typeof cameraStates)[number];

/** A camera's current state, with a reason a person can read (credentials never included). */
export const CameraStatusSchema = Type.Object(
  {
    cameraId: Type.String({ format: 'uuid' }),
    state: Type.Enum([...cameraStates]),
    reason: Type.Optional(Type.String()),
    since: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

/** A camera's status. */
export type CameraStatus = Static<typeof CameraStatusSchema>;

/** Whether an operator must be alerted when a camera enters this state. */
export function stateRaisesOfflineAlert(state: CameraState): boolean {
  return state === 'offline' || state === 'error';
}
