import type { AlertRecord, Bus, BusSubscription, CountFact, DomainEvent } from '@vigie/core';
import { definedOnly } from '@vigie/core';
import { connectAsync, type MqttClient } from 'mqtt';

/** Where to export and under which topic root. */
export interface MqttExportOptions {
  /** e.g. `mqtt://127.0.0.1:1883` (credentials in the URL if the broker needs them). */
  url: string;
  /** Topic root (default `vigie`): `vigie/<camera>/events`, `vigie/<camera>/counts`, `vigie/<camera>/availability`. */
  prefix?: string;
  bus: Bus;
  onError?: (error: unknown) => void;
}

/** What an alert looks like on MQTT: what, where, when and its state; never its image nor operators' notes. */
export interface MqttAlert {
  id: string;
  type: AlertRecord['type'];
  severity: AlertRecord['severity'];
  status: AlertRecord['status'];
  zoneId?: string;
  message: string;
  openedAt: string;
  updatedAt: string;
}

/** The alert fields an automation may read (a Home Assistant or Node-RED flow is not an operator). */
export function mqttAlertOf(alert: AlertRecord): MqttAlert {
  return {
    id: alert.id,
    type: alert.type,
    severity: alert.severity,
    status: alert.status,
    ...definedOnly({ zoneId: alert.zoneId }),
    message: alert.message,
    openedAt: alert.openedAt,
    updatedAt: alert.updatedAt,
  };
}

/** The MQTT messages a domain event becomes (none for most): topic, payload, retained. */
export function mqttMessagesOf(
  event: DomainEvent,
  prefix: string,
): { topic: string; payload: string; retain: boolean }[] {
  switch (event.type) {
    case 'alert.opened':
    case 'alert.updated':
      return [
        {
          topic: `${prefix}/${event.alert.cameraId}/events`,
          payload: JSON.stringify({
            kind: event.type === 'alert.opened' ? 'new' : 'update',
            alert: mqttAlertOf(event.alert),
          }),
          retain: false,
        },
      ];
    case 'counts.sampled': {
      const byCamera = new Map<string, CountFact[]>();
      for (const s of event.samples) byCamera.set(s.cameraId, [...(byCamera.get(s.cameraId) ?? []), s]);
      return [...byCamera].map(([cameraId, samples]) => ({
        topic: `${prefix}/${cameraId}/counts`,
        payload: JSON.stringify(samples.map(({ cameraId: _, ...sample }) => sample)),
        retain: false,
      }));
    }
    case 'camera.status':
      return [
        {
          topic: `${prefix}/${event.cameraId}/availability`,
          payload: event.state === 'online' ? 'online' : 'offline',
          retain: true,
        },
      ];
    case 'camera.deleted':
      // An empty retained message clears the retained availability of a removed camera.
      return [{ topic: `${prefix}/${event.cameraId}/availability`, payload: '', retain: true }];
    case 'camera.created':
    case 'camera.updated':
    case 'incident.updated':
    case 'incident.step_skipped':
    case 'analytics.stop':
    case 'segment.recorded':
    case 'gap.recorded':
    case 'alert.raised':
    case 'alert.progressed':
      return [];
  }
}

/**
 * Exports alerts, counts and availability to an MQTT broker, on topics NVR users know, so that Home
 * Assistant or Node-RED can react. `vigie/availability` is retained `online` while the exporter runs and
 * turns `offline` by the broker's last will if the process dies.
 */
export class MqttExport {
  readonly #client: MqttClient;
  readonly #subscription: BusSubscription;

  private constructor(client: MqttClient, subscription: BusSubscription) {
    this.#client = client;
    this.#subscription = subscription;
  }

  /** Connects to the broker and follows the bus. */
  static async start(options: MqttExportOptions): Promise<MqttExport> {
    const prefix = options.prefix ?? 'vigie';
    const availability = `${prefix}/availability`;
    const client = await connectAsync(options.url, {
      will: { topic: availability, payload: Buffer.from('offline'), retain: true, qos: 1 },
      reconnectPeriod: 1000,
    });
    await client.publishAsync(availability, 'online', { retain: true, qos: 1 });
    const subscription = await options.bus.follow(
      async (event) => {
        for (const m of mqttMessagesOf(event, prefix)) {
          await client.publishAsync(m.topic, m.payload, { retain: m.retain, qos: 1 }).catch(options.onError);
        }
      },
      { types: ['alert.opened', 'alert.updated', 'counts.sampled', 'camera.status', 'camera.deleted'] },
    );
    return new MqttExport(client, subscription);
  }

  /** Stops following, says `offline`, disconnects. */
  async stop(): Promise<void> {
    await this.#subscription.close();
    const prefix = this.#client.options.will?.topic;
    if (prefix !== undefined) await this.#client.publishAsync(prefix, 'offline', { retain: true, qos: 1 });
    await this.#client.endAsync();
  }
}
