import { streamsByRole, type VigieError } from '@vigie/core';
import { LibraryOnvifGateway } from '@vigie/media';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOnvifDevice, type FakeOnvifDevice } from './support/fake-onvif-device.js';
import { asChildModule, canUnshareNetwork, runIsolated } from './support/netns.js';

const credentials = { username: 'vigie', password: 's3cret-pass' };

describe('ONVIF gateway (the onvif library against a test device on loopback)', () => {
  let device: FakeOnvifDevice;
  const gateway = new LibraryOnvifGateway();

  beforeAll(async () => {
    device = await startFakeOnvifDevice({
      ...credentials,
      // Discovery is tested in a network namespace of its own (below): nothing here answers probes on the host.
      discoverable: false,
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

  it('finds a device with a WS-Discovery multicast probe, both inside a network namespace of their own', async () => {
    // As root (CI), the namespace is required; elsewhere, where unshare is refused, the probe runs on loopback.
    const isolate = process.getuid?.() === 0 || canUnshareNetwork();
    if (!isolate) console.warn('unshare -n is not allowed here: WS-Discovery is tested on the host loopback instead.');
    const fakeDevice = await asChildModule(fileURLToPath(new URL('./support/fake-onvif-device.ts', import.meta.url)));
    // The built package (`tsc -b`), as the child runs plain Node.
    const media = new URL('../dist/index.js', import.meta.url).href;
    const { isolated, stdout } = await runIsolated(
      `
      import { networkInterfaces } from 'node:os';
      const { startFakeOnvifDevice } = await import(process.argv[1]);
      const { LibraryOnvifGateway } = await import(process.argv[2]);
      const device = await startFakeOnvifDevice({ username: 'u', password: 'p', profiles: [] });
      const found = await new LibraryOnvifGateway().discover({ timeoutMs: 1500 });
      await device.stop();
      console.log(JSON.stringify({ device: { address: device.address, urn: device.urn }, found, interfaces: Object.keys(networkInterfaces()) }));
      process.exit(0);
      `,
      [fakeDevice, media],
      { isolate },
    );
    const result = JSON.parse(stdout) as {
      device: { address: string; urn: string };
      found: unknown[];
      interfaces: string[];
    };
    expect(isolated).toBe(isolate);
    if (isolated) {
      // Only its own loopback: the probe could neither leave for the host's networks nor hear their devices.
      expect(result.interfaces).toEqual(['lo']);
      expect(result.found).toEqual([{ ...result.device, name: 'Vigie Test', hardware: 'PTZ-1' }]);
    } else expect(result.found).toContainEqual({ ...result.device, name: 'Vigie Test', hardware: 'PTZ-1' });
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
