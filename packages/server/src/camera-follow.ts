import type { Camera, DomainEvent } from '@vigie/core';
import type { UnitOfWork } from '@vigie/db';

/**
 * The camera a catalogue event (created, updated, deleted) is about, as stored (events carry it as clients see it, credentials
 * hidden): `camera` is undefined once it is removed; the result is undefined for other events.
 */
export async function storedCameraOf(
  event: DomainEvent,
  work: UnitOfWork,
): Promise<{ cameraId: string; camera: Camera | undefined } | undefined> {
  if (event.type === 'camera.deleted') return { cameraId: event.cameraId, camera: undefined };
  if (event.type !== 'camera.created' && event.type !== 'camera.updated') return undefined;
  const camera = await work(({ cameras }) => cameras.get(event.camera.id));
  return { cameraId: event.camera.id, camera };
}
