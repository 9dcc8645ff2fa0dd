import type { PushAudience } from '@vigie/core';
import { describe, expect, it } from 'vitest';
import { EventHub } from './event-hub.js';
import type { PushEvent } from './events/push-event.js';

const deleted = (cameraId: string): PushEvent => ({ v: 1, type: 'camera.deleted', cameraId });

describe('event hub', () => {
  it('holds what is published while a subscriber’s audience is read, then delivers what that audience may see', async () => {
    const hub = new EventHub();
    // Nobody's until it is read.
    let audience: PushAudience = { roles: [], cameras: 'all' };
    let known: () => void = () => undefined;
    const reading = new Promise<void>((resolve) => (known = resolve));
    const received: PushEvent[] = [];
    hub.subscribe(
      () => audience ?? { roles: [], cameras: 'all' },
      (event) => received.push(event),
      reading,
    );
    hub.publish(deleted('nord'));
    hub.publish(deleted('sud'));
    expect(received).toEqual([]);
    audience = { roles: ['operator'], cameras: new Set(['nord']) };
    known();
    await reading;
    await Promise.resolve();
    expect(received).toEqual([deleted('nord')]);
    hub.publish(deleted('nord'));
    expect(received).toHaveLength(2);
  });

  it('delivers nothing held once the subscriber has left', async () => {
    const hub = new EventHub();
    let known: () => void = () => undefined;
    const reading = new Promise<void>((resolve) => (known = resolve));
    const received: PushEvent[] = [];
    const leave = hub.subscribe(
      () => ({ roles: ['supervisor'], cameras: 'all' }),
      (event) => received.push(event),
      reading,
    );
    hub.publish(deleted('nord'));
    leave();
    known();
    await reading;
    await Promise.resolve();
    expect(received).toEqual([]);
  });
});
