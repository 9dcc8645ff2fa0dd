import { EventEmitter } from 'node:events';
import { audienceMayReceive, type PushAudience, type PushScope } from '@vigie/core';
import type { PushEvent } from './events/push-event.js';

/** What reading an event requires, as on the HTTP routes: alerts as GET /api/alerts, cameras as GET /api/cameras. */
export function pushScopeOf(event: PushEvent): PushScope {
  switch (event.type) {
    case 'camera.created':
    case 'camera.updated':
      return { permission: 'camera:read', cameraId: event.camera.id };
    case 'camera.deleted':
    case 'camera.status':
      return { permission: 'camera:read', cameraId: event.cameraId };
    case 'alert.opened':
    case 'alert.updated':
      return { permission: 'alert:read', cameraId: event.alert.cameraId };
    case 'incident.updated':
      return { permission: 'incident:read', cameraId: event.incident.cameraIds[0] ?? '' };
    case 'incident.step_skipped':
      // Only supervisors are told that a procedure's required step was skipped.
      return { permission: 'incident:supervise', cameraId: event.cameraId };
  }
}

/** The audience of in-process consumers that see every event (tests, benchmarks); never a console's. */
export const fullAudience: PushAudience = { roles: ['supervisor'], cameras: 'all' };

/** In-process fan-out of push events to connected consoles, each seeing only what its audience may. */
export class EventHub {
  readonly #emitter = new EventEmitter().setMaxListeners(0);

  /** Sends an event to every subscriber allowed to receive it. */
  publish(event: PushEvent): void {
    this.#emitter.emit('event', event, pushScopeOf(event));
  }

  /**
   * Receives the events `audience()` may receive (read at each event, so that a refreshed audience
   * applies at once) until the returned function is called. With `known` (the audience still being read when
   * the subscriber arrives), events published before it settles are held, then delivered if the audience may.
   */
  subscribe(audience: () => PushAudience, listener: (event: PushEvent) => void, known?: Promise<unknown>): () => void {
    let held: { event: PushEvent; scope: PushScope }[] | undefined = known === undefined ? undefined : [];
    const filtered = (event: PushEvent, scope: PushScope): void => {
      if (held !== undefined) held.push({ event, scope });
      else if (audienceMayReceive(audience(), scope)) listener(event);
    };
    this.#emitter.on('event', filtered);
    const release = (): void => {
      const waiting = held ?? [];
      held = undefined;
      for (const { event, scope } of waiting) if (audienceMayReceive(audience(), scope)) listener(event);
    };
    known?.then(release, release);
    return () => {
      held = undefined;
      this.#emitter.off('event', filtered);
    };
  }
}
