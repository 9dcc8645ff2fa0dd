import { useCallback, useState } from 'react';
import type { CameraStatus } from './contract';
import { usePush } from './push-channel';
import { videoApi } from './video-api';

/** Loads camera stream states by camera id, then follows `camera.status` pushes. */
export function useCameraStatus(): ReadonlyMap<string, CameraStatus> {
  const [statuses, setStatuses] = useState<ReadonlyMap<string, CameraStatus>>(new Map());
  const load = useCallback(() => {
    void videoApi.cameraStatuses().then((result) => {
      if (result.ok) setStatuses(new Map(result.data.map((s) => [s.cameraId, s])));
    });
  }, []);
  usePush((event) => {
    if (event.type !== 'camera.status') return;
    const { type: _type, v: _v, ...status } = event;
    setStatuses((s) => new Map(s).set(status.cameraId, status));
  }, load);
  return statuses;
}
