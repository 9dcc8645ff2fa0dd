import { describe, expect, it } from 'vitest';
import { VigieError } from './errors.js';
import { cameraOfEvent, domainEvent, idempotencyKeys, parseDomainEvent, type DomainEventOf } from './domain-events.js';

const cameraId = '0b8e6a4c-5d2f-4a7e-9c1b-3f2e1d0c9b8a';
const now = new Date('2026-05-20T13:45:00Z');

describe('domain events', () => {
  it('round-trips a segment fact through JSON with its idempotency key as id', () => {
    const segment = {
      cameraId,
      key: `${cameraId}/2026-05-20/13/20260520T134500.000Z.mp4`,
      startedAt: '2026-05-20T13:45:00.000Z',
      endedAt: '2026-05-20T13:45:04.000Z',
      bytes: 1000,
      sha256: 'a'.repeat(64),
      initBytes: 100,
      node: 'worker-1',
    };
    const event = domainEvent<DomainEventOf<'segment.recorded'>>(
      { id: idempotencyKeys.segment(segment), type: 'segment.recorded', segment },
      now,
    );
    const parsed = parseDomainEvent(JSON.parse(JSON.stringify(event)));
    expect(parsed).toEqual(event);
    expect(parsed.id).toBe(`segment:${cameraId}:2026-05-20T13:45:00.000Z`);
    expect(cameraOfEvent(parsed)).toBe(cameraId);
  });

  it('refuses an absolute path as a segment key (storage keys only)', () => {
    const bad = {
      v: 1,
      id: 'x',
      at: now.toISOString(),
      type: 'segment.recorded',
      segment: {
        cameraId,
        key: '/var/lib/vigie/x.mp4',
        startedAt: now.toISOString(),
        endedAt: now.toISOString(),
        bytes: 1,
        sha256: 'a'.repeat(64),
        initBytes: 1,
        node: 'w',
      },
    };
    expect(() => parseDomainEvent(bad)).toThrow(VigieError);
  });

  it('names the version mismatch when a node of another release publishes', () => {
    const error = (() => {
      try {
        parseDomainEvent({ v: 2, id: 'x', at: now.toISOString(), type: 'camera.deleted', cameraId });
      } catch (e) {
        return e as VigieError;
      }
      return undefined;
    })();
    expect(error?.code).toBe('EVENT_INVALID');
    expect(error?.message).toContain('version 2');
  });

  it('rejects unknown fields', () => {
    expect(() =>
      parseDomainEvent({ v: 1, id: 'x', at: now.toISOString(), type: 'camera.deleted', cameraId, extra: 1 }),
    ).toThrow(/does not match/);
  });
});
