import { useCallback, useState } from 'react';
import type { CameraStatus } from './contract';
import { usePush } from './push-channel';
import { notAvailableYet, videoApi } from './video-api';

/** Each camera's stream state by camera id; `available` is false on a server without the status route. */
export interface CameraStatusState {
  statuses: ReadonlyMap<string, CameraStatus>;
  available: boolean;
}

/** Loads camera stream states, then follows `camera.status` pushes. */
export function useCameraStatus(): CameraStatusState {
  const [state, setState] = useState<CameraStatusState>({ statuses: new Map(), available: true });
  const load = useCallback(() => {
    void videoApi.cameraStatuses().then((result) => {
      if (result.ok) setState({ statuses: new Map(result.data.map((s) => [s.cameraId, s])), available: true });
      else if (notAvailableYet(result)) setState((s) => ({ ...s, available: false }));
    });
  }, []);
  usePush((event) => {
    if (event.type !== 'camera.status') return;
    const { type: _type, ...status } = event;
    setState((s) => ({ ...s, statuses: new Map(s.statuses).set(status.cameraId, status) }));
  }, load);
  return state;
}
