import { streamsByRole, type VigieError } from '@vigie/core';
import { LibraryOnvifGateway } from '@vigie/media';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOnvifDevice, type FakeOnvifDevice } from './support/fake-onvif-device.js';

const credentials = { username: 'vigie', password: 's3cret-pass' };

describe('ONVIF gateway (the onvif library against a test device on loopback)', () => {
  let device: FakeOnvifDevice;
  const gateway = new LibraryOnvifGateway();

  beforeAll(async () => {
    device = await startFakeOnvifDevice({
      ...credentials,
      clockOffsetSeconds: 30,
      profiles: [
        {
          token: 'main',
          name: 'Main',
          width: 1280,
          height: 720,
          fps: 10,
          gop: 20,
          streamUrl: 'rtsp://127.0.0.1:1/main',
        },
        { token: 'sub', name: 'Sub', width: 640, height: 360, fps: 10, gop: 20, streamUrl: 'rtsp://127.0.0.1:1/sub' },
      ],
    });
  });
  afterAll(() => device.stop());

  it('finds the device with a WS-Discovery multicast probe', async () => {
    const found = await gateway.discover({ timeoutMs: 1500 });
    expect(found).toContainEqual({ address: device.address, urn: device.urn, name: 'Vigie Test', hardware: 'PTZ-1' });
  });

  it('reads device information, both profiles with their stream and snapshot URIs, PTZ and the clock offset', async () => {
    const described = await gateway.describe(device.address, credentials);
    expect(described).toMatchObject({ manufacturer: 'Vigie Test', model: 'PTZ-1', serialNumber: 'VT-0001', ptz: true });
    expect(described.profiles.map((p) => [p.token, p.width, p.height, p.streamUrl, p.keyframeIntervalFrames])).toEqual([
      ['main', 1280, 720, 'rtsp://127.0.0.1:1/main', 20],
      ['sub', 640, 360, 'rtsp://127.0.0.1:1/sub', 20],
    ]);
    expect(described.profiles[1]?.snapshotUrl).toMatch(/\/snapshot\/sub\.jpg$/);
    expect(streamsByRole(described.profiles)).toMatchObject({ main: { token: 'main' }, sub: { token: 'sub' } });
    // The device reports whole seconds: its clock reads 29 to 31 s ahead.
    expect(described.clockOffsetMs).toBeGreaterThan(28_000);
    expect(described.clockOffsetMs).toBeLessThan(32_000);
  });

  it('reports a wrong password as ONVIF_NOT_AUTHORISED, without the password in the message', async () => {
    const error = (await gateway
      .describe(device.address, { username: 'vigie', password: 'wrong-one' })
      .catch((e: unknown) => e)) as VigieError;
    expect(error.code).toBe('ONVIF_NOT_AUTHORISED');
    expect(error.message).not.toContain('wrong-one');
  });

  it('reports a device that does not answer as ONVIF_DEVICE_UNREACHABLE', async () => {
    const error = (await gateway
      .describe('http://127.0.0.1:1/onvif/device_service', credentials)
      .catch((e: unknown) => e)) as VigieError;
    expect(error.code).toBe('ONVIF_DEVICE_UNREACHABLE');
  });
});
