import type { CameraStatus } from '@vigie/core';
import type { UnitOfWork } from '@vigie/db';
import type { Requester } from '../auth/requester.js';
import type { CameraService } from './camera.service.js';

/** The stream state of cameras, as the recorders last reported it. */
export class CameraStatusService {
  constructor(private readonly deps: { work: UnitOfWork; cameras: CameraService }) {}

  /** The state of every camera the viewer may see; one not reported yet is `starting` (or `disabled`). */
  async list(viewer: Requester): Promise<CameraStatus[]> {
    const cameras = await this.deps.cameras.list(viewer);
    const stored = new Map(
      (await this.deps.work(({ recordings }) => recordings.statuses())).map((s) => [s.cameraId, s]),
    );
    return cameras.map(
      (camera) =>
        stored.get(camera.id) ?? {
          cameraId: camera.id,
          state: camera.enabled ? 'starting' : 'disabled',
          since: camera.updatedAt,
        },
    );
  }
}
