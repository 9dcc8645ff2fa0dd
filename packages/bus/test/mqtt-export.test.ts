import { randomUUID } from 'node:crypto';
import type { AlertRecord } from '@vigie/core';
import { connectAsync } from 'mqtt';
import { describe, expect, it } from 'vitest';
import { InProcessBus, MqttExport } from '../src/index.js';
import { eventually, mqttUrl, uniquePrefix } from './support.js';

describe('MQTT export', () => {
  it('publishes alerts without images or notes, counts, and retained availability, on NVR-style topics', async () => {
    const prefix = uniquePrefix();
    const bus = new InProcessBus();
    const camera = randomUUID();
    const listener = await connectAsync(mqttUrl);
    const received: { topic: string; payload: string; retain: boolean }[] = [];
    listener.on('message', (topic, payload, packet) =>
      received.push({ topic, payload: payload.toString(), retain: packet.retain }),
    );
    await listener.subscribeAsync(`${prefix}/#`);
    const exporter = await MqttExport.start({ url: mqttUrl, prefix, bus });
    const now = new Date().toISOString();
    const alert: AlertRecord = {
      id: randomUUID(),
      cameraId: camera,
      type: 'abandoned_object',
      severity: 'high',
      status: 'open',
      escalated: false,
      message: 'Object left 60 s',
      openedAt: now,
      updatedAt: now,
      lastSeenAt: now,
      occurrences: 1,
      clip: { from: now, to: now },
      hasSnapshot: true,
      notes: [{ by: 'alice', at: now, text: 'private note of an operator' }],
    };
    await bus.publish({ v: 1, id: 'a1', at: now, type: 'alert.opened', alert });
    await bus.publish({
      v: 1,
      id: 'c1',
      at: now,
      type: 'counts.sampled',
      samples: [{ cameraId: camera, series: 'line-1', at: now, in: 3, out: 1 }],
    });
    await bus.publish({
      v: 1,
      id: 's1',
      at: now,
      type: 'camera.status',
      cameraId: camera,
      state: 'online',
      since: now,
    });
    await eventually(() => received.some((m) => m.topic.endsWith('/availability') && m.topic.includes(camera)));
    await eventually(() => received.some((m) => m.topic.endsWith('/counts')));
    const event = received.find((m) => m.topic === `${prefix}/${camera}/events`);
    expect(JSON.parse(event!.payload)).toEqual({
      kind: 'new',
      alert: {
        id: alert.id,
        type: 'abandoned_object',
        severity: 'high',
        status: 'open',
        message: 'Object left 60 s',
        openedAt: now,
        updatedAt: now,
      },
    });
    expect(event!.payload).not.toContain('private note');
    expect(JSON.parse(received.find((m) => m.topic === `${prefix}/${camera}/counts`)!.payload)).toEqual([
      { series: 'line-1', at: now, in: 3, out: 1 },
    ]);
    expect(received.find((m) => m.topic === `${prefix}/availability`)?.payload).toBe('online');

    // A newcomer (Home Assistant starting later) reads the retained availability at once.
    await exporter.stop();
    const late = await connectAsync(mqttUrl);
    const retained: Record<string, string> = {};
    late.on('message', (topic, payload) => (retained[topic] = payload.toString()));
    await late.subscribeAsync(`${prefix}/#`);
    await eventually(() => Object.keys(retained).length >= 2);
    expect(retained[`${prefix}/${camera}/availability`]).toBe('online');
    expect(retained[`${prefix}/availability`]).toBe('offline');
    // Clears the retained messages this test left on the broker.
    await late.publishAsync(`${prefix}/${camera}/availability`, '', { retain: true });
    await late.publishAsync(`${prefix}/availability`, '', { retain: true });
    await Promise.all([late.endAsync(), listener.endAsync(), bus.close()]);
  });
});
