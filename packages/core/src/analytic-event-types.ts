/**
 * The events the analytics engine can raise: the 2023 French law's list (weapons aside: no reliable
 * open model) plus the camera-health events every VMS operator expects. Kept apart from analytics.ts
 * so that camera.ts can name them without an import cycle.
 */
export const analyticsEventTypes = [
  'abandoned_object',
  'object_removed',
  'people_count',
  'crowd_density',
  'crowd_movement',
  'rapid_movement',
  'person_on_ground',
  'intrusion',
  'wrong_way',
  'fire_smoke',
  'camera_tamper',
] as const;

/** One analytics event type. */
export type AnalyticsEventType = (typeof analyticsEventTypes)[number];
