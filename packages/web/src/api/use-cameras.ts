import { useEffect, useState } from 'react';
import { api, type Camera, type PushEvent } from './client';

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
  }
}

/** Loads cameras once, then follows changes over WebSocket, reconnecting with backoff. */
export function useCameras(): CamerasState {
  const [state, setState] = useState<CamerasState>({ cameras: undefined, error: undefined, connected: false });

  useEffect(() => {
    let socket: WebSocket | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let delay = 1000;
    let stopped = false;

    async function load(): Promise<void> {
      const { data, response } = await api.GET('/api/cameras');
      if (stopped) return;
      if (data) setState((s) => ({ ...s, cameras: data, error: undefined }));
      else setState((s) => ({ ...s, error: `HTTP ${response.status}` }));
    }

    function connect(): void {
      const url = new URL('/api/events', window.location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      socket = new WebSocket(url);
      socket.onopen = () => {
        delay = 1000;
        setState((s) => ({ ...s, connected: true }));
        void load();
      };
      socket.onmessage = (message: MessageEvent<string>) => {
        const event = JSON.parse(message.data) as PushEvent;
        setState((s) => (s.cameras === undefined ? s : { ...s, cameras: apply(s.cameras, event) }));
      };
      socket.onclose = () => {
        setState((s) => ({ ...s, connected: false }));
        if (!stopped) retry = setTimeout(connect, (delay = Math.min(delay * 2, 30_000)));
      };
    }

    void load().catch((e: unknown) => setState((s) => ({ ...s, error: String(e) })));
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      socket?.close();
    };
  }, []);

  return state;
}
