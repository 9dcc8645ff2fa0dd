import { InProcessBus } from '@vigie/bus';
import { definedOnly, domainEvent, type DomainEventOf, type StreamMeasures } from '@vigie/core';
import { describe, expect, it } from 'vitest';
import { WorkerMeasures } from './worker-measures.js';

const cameraId = '4f1c2a5e-0a9b-4c61-9d1e-3b7a2c8e5f10';

function segmentAt(at: Date, measures?: StreamMeasures): DomainEventOf<'segment.recorded'> {
  return domainEvent<DomainEventOf<'segment.recorded'>>(
    {
      id: `segment:${cameraId}:${at.toISOString()}`,
      type: 'segment.recorded',
      segment: {
        cameraId,
        key: `${cameraId}/x/${at.getTime()}.mp4`,
        startedAt: new Date(at.getTime() - 2000).toISOString(),
        endedAt: at.toISOString(),
        bytes: 1000,
        sha256: 'a'.repeat(64),
        initBytes: 100,
        node: 'worker-1',
      },
      ...definedOnly({ measures }),
    },
    at,
  );
}

describe('stream measures reported by workers', () => {
  it('keeps the newest figures of each camera and ages its last segment with the server clock', async () => {
    const bus = new InProcessBus();
    let now = new Date('2026-05-20T13:45:00Z');
    const measures = new WorkerMeasures({ bus, clock: { now: () => now } });
    await measures.start();
    expect(measures.measures(cameraId)).toBeUndefined();
    await bus.publish(
      segmentAt(new Date('2026-05-20T13:44:58Z'), { fps: 10, bitrateKbps: 800, lastSegmentAgeSeconds: 0 }),
    );
    // Late (redelivered) and without measures (a recovered spool): neither replaces what is known.
    await bus.publish(segmentAt(new Date('2026-05-20T13:44:50Z'), { fps: 3, lastSegmentAgeSeconds: 0 }));
    await bus.publish(segmentAt(new Date('2026-05-20T13:44:59Z')));
    await measures.stop();
    expect(measures.measures(cameraId)).toEqual({ fps: 10, bitrateKbps: 800, lastSegmentAgeSeconds: 2 });
    // The worker stopped reporting: its last segment grows old, as a stopped recording does.
    now = new Date('2026-05-20T13:46:58Z');
    expect(measures.measures(cameraId)?.lastSegmentAgeSeconds).toBe(120);
    await bus.close();
  });
});
