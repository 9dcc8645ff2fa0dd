import { EventEmitter } from 'node:events';
import type { AlertRecord, Camera, CameraStatus } from '@vigie/core';

/** What the server pushes to consoles over WebSocket; versioned so clients can evolve. */
export type PushEvent =
  | { v: 1; type: 'camera.created'; camera: Camera }
  | { v: 1; type: 'camera.updated'; camera: Camera }
  | { v: 1; type: 'camera.deleted'; cameraId: string }
  | ({ v: 1; type: 'camera.status' } & CameraStatus)
  | { v: 1; type: 'alert.opened'; alert: AlertRecord }
  | { v: 1; type: 'alert.updated'; alert: AlertRecord };

/** In-process fan-out of push events to connected consoles. */
export class EventHub {
  readonly #emitter = new EventEmitter().setMaxListeners(0);

  /** Sends an event to every subscriber. */
  publish(event: PushEvent): void {
    this.#emitter.emit('event', event);
  }

  /** Receives every event until the returned function is called. */
  subscribe(listener: (event: PushEvent) => void): () => void {
    this.#emitter.on('event', listener);
    return () => this.#emitter.off('event', listener);
  }
}
