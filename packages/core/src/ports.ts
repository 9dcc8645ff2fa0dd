import type { Camera, CameraSettings } from './camera.js';

/** Source of the current time, injected so rules with time are tested without sleeping. */
export interface Clock {
  now(): Date;
}

/** The system clock. */
export const systemClock: Clock = { now: () => new Date() };

/** Persistence of the camera registry. */
export interface CameraStore {
  /** All cameras, ordered by name. */
  list(): Promise<Camera[]>;
  /** One camera, or undefined. */
  get(id: string): Promise<Camera | undefined>;
  /** Stores a new camera; throws CAMERA_NAME_TAKEN if the name is used. */
  create(settings: CameraSettings): Promise<Camera>;
  /** Replaces a camera's settings if its version still matches; throws CAMERA_VERSION_CONFLICT otherwise. */
  update(id: string, settings: CameraSettings, expectedVersion: number): Promise<Camera>;
  /** Deletes a camera; returns whether it existed. */
  remove(id: string): Promise<boolean>;
}
