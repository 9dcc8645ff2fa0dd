import { RecordingRepository, type IndexedSegment } from '@vigie/db';
import { expect } from 'vitest';
import type { FakeOnvifDevice } from '../../../media/test/support/fake-onvif-device.js';
import { authorise, type SessionHeaders, type TestApp } from '../support.js';

/** The password of the test ONVIF devices that the masking tests add (user `vigie`). */
export const onvifPassword = 'Onvif-Pa55word!';

export { box } from '../../../media/test/support/self-masking-camera.js';

/** Adds `device` as an enabled camera named `name` (as `supervisor`, through ONVIF), authorised to show images; its id. */
export async function addOnvifCamera(
  app: TestApp,
  supervisor: SessionHeaders,
  device: FakeOnvifDevice,
  name: string,
): Promise<string> {
  const added = await app.http.inject({
    method: 'POST',
    url: '/api/cameras/onvif',
    headers: supervisor,
    payload: {
      address: device.address,
      username: 'vigie',
      password: onvifPassword,
      name,
      enabled: true,
      location: { lat: 50.3579, lon: 3.5233 },
      purposes: ['public_space_safety'],
    },
  });
  expect(added.statusCode, added.body).toBe(201);
  const cameraId = added.json<{ camera: { id: string } }>().camera.id;
  await authorise(app, cameraId);
  return cameraId;
}

/** The segments indexed for `cameraId` in the last hour, oldest first. */
export function segmentsOf(app: TestApp, cameraId: string): Promise<IndexedSegment[]> {
  return new RecordingRepository(app.database.db).segmentsBetween(
    cameraId,
    { from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 60_000) },
    new Date(0),
  );
}

/** Waits until `more` segments of `cameraId` are indexed after the ones indexed now. */
export async function segmentsLater(app: TestApp, cameraId: string, more: number): Promise<void> {
  const before = (await segmentsOf(app, cameraId)).length;
  await expect
    .poll(async () => (await segmentsOf(app, cameraId)).length, { timeout: 40_000, interval: 250 })
    .toBeGreaterThanOrEqual(before + more);
}
