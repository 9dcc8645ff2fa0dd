import { judgeCameraMasks, toOnvifPoint, type Mask, type PtzTarget, type VigieError } from '@vigie/core';
import { connectOnvif, LibraryCameraMaskGateway, media2Request } from '@vigie/media';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOnvifDevice, type FakeOnvifDevice } from './support/fake-onvif-device.js';

const credentials = { username: 'vigie', password: 's3cret-pass' };
const profiles = [
  { token: 'main', name: 'Main', width: 1280, height: 720, fps: 10, gop: 20, streamUrl: 'rtsp://127.0.0.1:1/main' },
];
/** Vigie's window mask: the left half of the top half of the picture. */
const window: Mask = {
  id: 'window',
  polygon: [
    { x: 0.1, y: 0.1 },
    { x: 0.4, y: 0.1 },
    { x: 0.4, y: 0.5 },
    { x: 0.1, y: 0.5 },
  ],
};
const onvifRect = (left: number, top: number, right: number, bottom: number): { x: number; y: number }[] =>
  [
    { x: left, y: top },
    { x: right, y: top },
    { x: right, y: bottom },
    { x: left, y: bottom },
  ].map(toOnvifPoint);

describe('privacy masks applied by the camera, read through ONVIF Media2 (test device on loopback)', () => {
  let device: FakeOnvifDevice;
  let plain: FakeOnvifDevice;
  const gateway = new LibraryCameraMaskGateway();
  const target = (d: FakeOnvifDevice, password = credentials.password): PtzTarget => ({
    address: d.address,
    credentials: { ...credentials, password },
    profileToken: 'main',
  });

  beforeAll(async () => {
    [device, plain] = await Promise.all([
      startFakeOnvifDevice({
        ...credentials,
        discoverable: false,
        profiles,
        masks: [
          { token: 'door', polygon: onvifRect(0.05, 0.05, 0.45, 0.55) },
          // Another sensor's mask (a multi-sensor camera): not the recorded profile's, not counted.
          { token: 'other', polygon: onvifRect(0, 0, 1, 1), configurationToken: 'vsc-2' },
        ],
      }),
      startFakeOnvifDevice({ ...credentials, discoverable: false, profiles }),
    ]);
  });
  afterAll(() => Promise.all([device.stop(), plain.stop()]));

  it('reads the masks of the recorded profile’s video source, in image coordinates, and they cover the window', async () => {
    const reading = await gateway.masks(target(device));
    expect(reading.supported).toBe(true);
    expect(reading.masks.map((m) => m.token)).toEqual(['door']);
    expect(reading.masks[0]).toMatchObject({ enabled: true, opaque: true });
    expect(reading.masks[0]?.polygon[0]?.x).toBeCloseTo(0.05, 6);
    expect(reading.masks[0]?.polygon[0]?.y).toBeCloseTo(0.05, 6);
    expect(judgeCameraMasks([window], reading).check).toBe('verified');
  });

  it('sees masks created and deleted on the camera (CreateMask, DeleteMask through the same WS-Security)', async () => {
    const cam = await connectOnvif(device.address, credentials);
    const points = onvifRect(0.5, 0.5, 0.9, 0.9)
      .map((p) => `<Point xmlns="http://www.onvif.org/ver10/schema" x="${p.x}" y="${p.y}"/>`)
      .join('');
    const created = await media2Request(
      cam,
      'CreateMask',
      '<Mask><ConfigurationToken xmlns="http://www.onvif.org/ver10/schema">vsc</ConfigurationToken>' +
        `<Polygon xmlns="http://www.onvif.org/ver10/schema">${points}</Polygon>` +
        '<Type xmlns="http://www.onvif.org/ver10/schema">Blurred</Type>' +
        '<Enabled xmlns="http://www.onvif.org/ver10/schema">true</Enabled></Mask>',
    );
    const token = /<(?:\w+:)?Token>([^<]+)</.exec(created)?.[1] ?? '';
    expect(device.masks().map((m) => m.token)).toContain(token);
    const blurred = (await gateway.masks(target(device))).masks.find((m) => m.token === token);
    // A blurred mask hides nothing irreversibly: read, but never counted as covering.
    expect(blurred).toMatchObject({ enabled: true, opaque: false });
    await media2Request(cam, 'DeleteMask', `<Token>${token}</Token>`);
    await media2Request(cam, 'DeleteMask', '<Token>door</Token>');
    const after = await gateway.masks(target(device));
    expect(after.masks).toEqual([]);
    expect(judgeCameraMasks([window], after)).toEqual({ check: 'missing', uncovered: ['window'] });
  });

  it('says a camera without Media2 masks does not support them, and refuses a wrong password', async () => {
    expect(await gateway.masks(target(plain))).toEqual({ supported: false, masks: [] });
    const refusal = gateway.masks(target(device, 'wrong-password'));
    await expect(refusal).rejects.toMatchObject({ code: 'ONVIF_NOT_AUTHORISED' } satisfies Partial<VigieError>);
  });
});
