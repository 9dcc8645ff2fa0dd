import type { Camera, CameraInput } from '@vigie/core';
import type { RunningServer } from '@vigie/server';
import type { FakeOnvifDevice } from '../../../media/test/support/fake-onvif-device.js';
import { authorise } from '../../../server/test/support.js';
import { onvifPassword } from '../../../server/test/support/recorded-onvif-camera.js';

/** A browser test's camera: where it stands and what it is for may be left out (the belfry, public-space safety). */
export type SeededCamera = Omit<CameraInput, 'location' | 'purposes'> &
  Partial<Pick<CameraInput, 'location' | 'purposes'>>;

/** Whether a seeded camera's images may be shown: its prefectoral authorisation (LEGAL R1), with what its DPIA covers. */
export interface Seeding {
  authorised?: boolean;
  dpiaCovers?: NonNullable<Parameters<typeof authorise>[2]>['dpiaCovers'];
}

/** Where a test's camera stands and what it is for, when the test does not say. */
const standing = (): Pick<CameraInput, 'location' | 'purposes'> => ({
  location: { lat: 50.36, lon: 3.52 },
  purposes: ['public_space_safety'],
});

/** Creates `camera` as the test's set-up, authorised when `seeding` says so (not by default). */
export async function seedCamera(
  server: RunningServer,
  camera: SeededCamera,
  { authorised = false, dpiaCovers }: Seeding = {},
): Promise<Camera> {
  const created = await server.app.cameras.create({ ...standing(), ...camera }, { actorName: 'e2e setup' });
  if (authorised) await authorise(server.app, created.id, dpiaCovers === undefined ? {} : { dpiaCovers });
  return created;
}

/** Adds the test ONVIF `device` (user `vigie`, `onvifPassword`) as camera `name`, authorised when `seeding` says so. */
export async function seedOnvifCamera(
  server: RunningServer,
  device: FakeOnvifDevice,
  { name, enabled }: { name: string; enabled: boolean },
  { authorised = false }: Pick<Seeding, 'authorised'> = {},
): Promise<Camera> {
  const { camera } = await server.app.onvif.add(
    { address: device.address, username: 'vigie', password: onvifPassword, name, enabled, ...standing() },
    { actorName: 'e2e setup' },
  );
  if (authorised) await authorise(server.app, camera.id);
  return camera;
}
