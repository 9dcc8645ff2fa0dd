import type { Bus, BusSubscription, DomainEvent, DomainEventType } from '@vigie/core';
import { definedOnly } from '@vigie/core';
import type { EventHub } from '../event-hub.js';
import type { PushEvent } from './push-event.js';

/** The domain events a console is told about; everything else (segments, counts, worker facts) stays internal. */
export const pushedEventTypes = [
  'camera.created',
  'camera.updated',
  'camera.deleted',
  'camera.status',
  'alert.opened',
  'alert.updated',
  'incident.updated',
  'incident.step_skipped',
] as const satisfies readonly DomainEventType[];

/** What a console receives for a domain event, or undefined when consoles are not told about it. */
export function pushEventOf(event: DomainEvent): PushEvent | undefined {
  switch (event.type) {
    case 'camera.created':
    case 'camera.updated':
      return { v: 1, type: event.type, camera: event.camera };
    case 'camera.deleted':
      return { v: 1, type: 'camera.deleted', cameraId: event.cameraId };
    case 'camera.status':
      return {
        v: 1,
        type: 'camera.status',
        cameraId: event.cameraId,
        state: event.state,
        ...definedOnly({ reason: event.reason }),
        since: event.since,
      };
    case 'alert.opened':
    case 'alert.updated':
      return { v: 1, type: event.type, alert: event.alert };
    case 'incident.updated':
      return { v: 1, type: 'incident.updated', incident: event.incident };
    case 'incident.step_skipped': {
      const { v: _, id: __, at: ___, ...skipped } = event;
      return { v: 1, ...skipped };
    }
    case 'analytics.stop':
    case 'segment.recorded':
    case 'gap.recorded':
    case 'alert.raised':
    case 'alert.progressed':
    case 'counts.sampled':
      return undefined;
  }
}

/**
 * Projects the domain bus onto this server's WebSocket hub: each server instance follows the bus, so a
 * change made through one instance (or a worker's alert) reaches the consoles connected to every other.
 * Each socket then sees only what its caller may see (the hub's per-caller filter).
 */
export async function projectToPush(bus: Bus, hub: EventHub): Promise<BusSubscription> {
  return bus.follow(
    (event) => {
      const pushed = pushEventOf(event);
      if (pushed !== undefined) hub.publish(pushed);
    },
    { types: pushedEventTypes },
  );
}
