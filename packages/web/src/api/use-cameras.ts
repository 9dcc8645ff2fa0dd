import { useCallback, useState } from 'react';
import { api, errorMessage, type Camera, type PushEvent } from './client';
import { usePush } from './push-channel';

/** The camera list, kept current by the server's push channel. */
export interface CamerasState {
  cameras: Camera[] | undefined;
  error: string | undefined;
  connected: boolean;
}

function apply(cameras: Camera[], event: PushEvent): Camera[] {
  switch (event.type) {
    case 'camera.created':
    case 'camera.updated':
      return [...cameras.filter((c) => c.id !== event.camera.id), event.camera].sort((a, b) =>
        a.name.localeCompare(b.name),
      );
    case 'camera.deleted':
      return cameras.filter((c) => c.id !== event.cameraId);
    case 'camera.status':
    case 'alert.opened':
    case 'alert.updated':
      return cameras;
  }
}

/** Loads the cameras the caller may see, then follows changes; reloads after each reconnection. */
export function useCameras(): CamerasState {
  const [state, setState] = useState<Omit<CamerasState, 'connected'>>({ cameras: undefined, error: undefined });
  const load = useCallback(() => {
    void api
      .GET('/api/cameras')
      .then(({ data, error, response }) =>
        setState((s) => (data ? { cameras: data, error: undefined } : { ...s, error: errorMessage(error, response) })),
      );
  }, []);
  const connected = usePush((event) => {
    setState((s) => (s.cameras === undefined ? s : { ...s, cameras: apply(s.cameras, event) }));
  }, load);
  return { ...state, connected };
}
