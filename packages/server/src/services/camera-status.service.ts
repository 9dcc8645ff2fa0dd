import { judgeHealth, type CameraHealth, type CameraStatus, type Clock, type StreamMeasures } from '@vigie/core';
import type { UnitOfWork } from '@vigie/db';
import type { Requester } from '../auth/requester.js';
import type { CameraService } from './camera.service.js';

/** The stream state of cameras, as the recorders last reported it. */
export class CameraStatusService {
  constructor(
    private readonly deps: {
      work: UnitOfWork;
      cameras: CameraService;
      clock: Clock;
      /** What this process's recorders measured of a camera's stream; undefined when it does not record it. */
      measures: (cameraId: string) => StreamMeasures | undefined;
    },
  ) {}

  /** The measured health of every camera the viewer may see, with what each warning calls for. */
  async health(viewer: Requester): Promise<CameraHealth[]> {
    const cameras = await this.deps.cameras.list(viewer);
    const now = this.deps.clock.now();
    return cameras.map((camera) => judgeHealth(camera.id, this.deps.measures(camera.id), now));
  }

  /** The measured health of one camera the viewer may see. */
  async healthOf(cameraId: string, viewer: Requester): Promise<CameraHealth> {
    const camera = await this.deps.cameras.get(cameraId, viewer);
    return judgeHealth(camera.id, this.deps.measures(camera.id), this.deps.clock.now());
  }

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
