import { randomUUID } from 'node:crypto';
import { domainEvent, idempotencyKeys, type DomainEventOf } from '@vigie/core';

/** NATS of the tests (JetStream enabled): the developer machine's, or CI's started by .ci/run. */
export const natsUrl = process.env['TEST_NATS_URL'] ?? 'nats://127.0.0.1:4222';
/** Mosquitto of the tests. */
export const mqttUrl = process.env['TEST_MQTT_URL'] ?? 'mqtt://127.0.0.1:1883';

/** A prefix no other test (or helper running tests at the same time) uses. */
export function uniquePrefix(): string {
  return `t${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

/** A segment fact of a camera starting at second `n`. */
export function segmentEvent(cameraId: string, n: number): DomainEventOf<'segment.recorded'> {
  const startedAt = new Date(Date.UTC(2026, 4, 20, 13, 0, n)).toISOString();
  const segment = {
    cameraId,
    key: `${cameraId}/2026-05-20/13/${n}.mp4`,
    startedAt,
    endedAt: new Date(Date.parse(startedAt) + 1000).toISOString(),
    bytes: 10,
    sha256: 'b'.repeat(64),
    initBytes: 5,
    node: 'w1',
  };
  return domainEvent<DomainEventOf<'segment.recorded'>>(
    { id: idempotencyKeys.segment(segment), type: 'segment.recorded', segment },
    new Date(),
  );
}

/** Resolves when `check` holds, polling; rejects after `ms`. */
export async function eventually(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
