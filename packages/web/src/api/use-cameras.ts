import { useCallback, useRef, useState } from 'react';
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
    case 'incident.updated':
    case 'incident.step_skipped':
      return cameras;
  }
}

/**
 * Loads the cameras the caller may see, then follows changes; reloads after each reconnection, and once
 * more when a change arrives while a load is in flight (its answer may predate that change).
 */
export function useCameras(): CamerasState {
  const [state, setState] = useState<Omit<CamerasState, 'connected'>>({ cameras: undefined, error: undefined });
  const loading = useRef({ now: false, again: false });
  const load = useCallback(() => {
    if (loading.current.now) {
      loading.current.again = true;
      return;
    }
    loading.current.now = true;
    void api.GET('/api/cameras').then(({ data, error, response }) => {
      setState((s) => (data ? { cameras: data, error: undefined } : { ...s, error: errorMessage(error, response) }));
      loading.current.now = false;
      if (loading.current.again) {
        loading.current.again = false;
        load();
      }
    });
  }, []);
  const connected = usePush((event) => {
    const change =
      event.type === 'camera.created' || event.type === 'camera.updated' || event.type === 'camera.deleted';
    if (change && loading.current.now) loading.current.again = true;
    else setState((s) => (s.cameras === undefined ? s : { ...s, cameras: apply(s.cameras, event) }));
  }, load);
  return { ...state, connected };
}
