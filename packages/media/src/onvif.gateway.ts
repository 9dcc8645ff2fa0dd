import {
  definedOnly,
  fromOnvifPoint,
  VigieError,
  type CameraMask,
  type CameraMaskGateway,
  type CameraMaskReading,
  type DiscoveredDevice,
  type OnvifCredentials,
  type OnvifDevice,
  type OnvifGateway,
  type OnvifProfile,
  type HeadState,
  type PtzGateway,
  type PtzPreset,
  type PtzTarget,
  type PtzVelocity,
} from '@vigie/core';
import onvif, { type Cam, type CamProfile } from 'onvif';

// The library is CommonJS: Node's ESM loader gives its exports as the default export only.
const { Cam: OnvifCam, Discovery } = onvif;

type Callback<T> = (error: Error | null, data?: T) => void;

/** Seconds a device has to answer one SOAP request before it counts as unreachable. */
const requestTimeoutMs = 5000;

// Other WS-Discovery devices (printers, NAS) answer probes with messages the library cannot read: it reports each
// as an 'error' event, which would crash the process without a listener. They are simply not cameras.
Discovery.on('error', () => undefined);

function call<T>(start: (callback: Callback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    start((error, data) => (error === null ? resolve(data as T) : reject(error)));
  });
}

/** Like `call`, with the raw XML answer too (the library drops some elements, e.g. a missing PTZ position). */
function callWithXml<T>(
  start: (callback: (error: Error | null, data?: T, xml?: string) => void) => void,
): Promise<{ data: T; xml: string }> {
  return new Promise((resolve, reject) => {
    start((error, data, xml) => (error === null ? resolve({ data: data as T, xml: xml ?? '' }) : reject(error)));
  });
}

/**
 * Maps what the library throws to Vigie's coded errors; never includes the password. A 401 counts as a refusal only
 * as a number of its own: "connect ECONNREFUSED 127.0.0.1:40123" is a device that does not answer.
 */
export function onvifError(address: string, error: unknown): VigieError {
  const reason = Array.isArray(error) ? error.map(String).join('; ') : String(error);
  if (/not ?authori[sz]ed|unauthori[sz]ed|authentication failed|(?<![\d.:])401(?!\d)/i.test(reason)) {
    return new VigieError('ONVIF_NOT_AUTHORISED', `The ONVIF device at ${address} refused the user name or password.`);
  }
  return new VigieError('ONVIF_DEVICE_UNREACHABLE', `The ONVIF device at ${address} did not answer (${reason}).`);
}

interface ProbeMatch {
  probeMatches?: { probeMatch?: { endpointReference?: { address?: string }; XAddrs?: string; scopes?: unknown } };
}

function scope(scopes: unknown, name: string): string | undefined {
  // The parser gives a bare string, or an object with the text under `_` when the element has attributes.
  const all = typeof scopes === 'object' && scopes !== null ? text((scopes as { _?: unknown })._) : text(scopes);
  const found = all.split(/\s+/).find((s) => s.startsWith(`onvif://www.onvif.org/${name}/`));
  return found === undefined
    ? undefined
    : decodeURIComponent(found.slice(`onvif://www.onvif.org/${name}/`.length)).replaceAll('_', ' ');
}

function toDiscovered(raw: ProbeMatch): DiscoveredDevice | undefined {
  const match = raw.probeMatches?.probeMatch;
  const urn = match?.endpointReference?.address;
  // A device may list several addresses (IPv4, IPv6, hostnames); the first http(s) one is the one ONVIF clients use.
  const address = match?.XAddrs?.split(/\s+/).find((x) => /^https?:\/\//.test(x));
  if (urn === undefined || address === undefined) return undefined;
  const name = scope(match?.scopes, 'name');
  const hardware = scope(match?.scopes, 'hardware');
  return { address, urn, ...definedOnly({ name, hardware }) };
}

/** A scalar the XML parser produced, as text; '' for anything else (a missing or structured element). */
function text(value: unknown): string {
  return typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : '';
}

function number(value: unknown): number | undefined {
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

async function readProfile(cam: Cam, profile: CamProfile): Promise<OnvifProfile> {
  const token = text((profile.$ as { token?: unknown } | undefined)?.token ?? profile.token);
  const encoder = (profile.videoEncoderConfiguration ?? {}) as {
    encoding?: unknown;
    resolution?: { width?: unknown; height?: unknown };
    rateControl?: { frameRateLimit?: unknown };
    H264?: { govLength?: unknown };
    H265?: { govLength?: unknown };
  };
  const stream = await call<{ uri: string }>((cb) => cam.getStreamUri({ profileToken: token, protocol: 'RTSP' }, cb));
  const snapshot = await call<{ uri: string }>((cb) => cam.getSnapshotUri({ profileToken: token }, cb)).catch(
    () => undefined,
  );
  const fps = number(encoder.rateControl?.frameRateLimit);
  const gop = number(encoder.H264?.govLength ?? encoder.H265?.govLength);
  return {
    token,
    name: text(profile.name) || token,
    encoding: text(encoder.encoding),
    width: number(encoder.resolution?.width) ?? 0,
    height: number(encoder.resolution?.height) ?? 0,
    ...definedOnly({ fps, keyframeIntervalFrames: gop }),
    streamUrl: text(stream.uri),
    ...(snapshot?.uri === undefined ? {} : { snapshotUrl: text(snapshot.uri) }),
  };
}

/** A connected client to one device (the `onvif` library's `Cam`), for the describe and PTZ calls. */
export async function connectOnvif(address: string, credentials: OnvifCredentials): Promise<Cam> {
  const url = new URL(address);
  const cam = new OnvifCam({
    hostname: url.hostname,
    port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    path: url.pathname,
    useSecure: url.protocol === 'https:',
    username: credentials.username,
    password: credentials.password,
    timeout: requestTimeoutMs,
    autoconnect: false,
  });
  await call((cb) => cam.connect(cb)).catch((error: unknown) => {
    throw onvifError(address, error);
  });
  // connect() reads the clock without credentials; an account check needs an authenticated call.
  await call((cb) => cam.getDeviceInformation(cb)).catch((error: unknown) => {
    throw onvifError(address, error);
  });
  return cam;
}

/**
 * ONVIF through the maintained `onvif` library (Profile S device, media and PTZ services, WS-Discovery):
 * no hand-written SOAP on Vigie's side.
 */
export class LibraryOnvifGateway implements OnvifGateway {
  /** Multicast probe on 239.255.255.250:3702, answers gathered until the timeout. */
  discover(options: { timeoutMs: number }): Promise<DiscoveredDevice[]> {
    return new Promise((resolve) => {
      // Errors here are unreadable answers from non-camera devices; whatever was understood is returned.
      Discovery.probe({ timeout: options.timeoutMs, resolve: false }, (_error, found) => {
        const devices = (found ?? []).map((raw) => toDiscovered(raw as ProbeMatch));
        resolve(devices.filter((d): d is DiscoveredDevice => d !== undefined));
      });
    });
  }

  /** Device information, every profile with its stream and snapshot URIs, PTZ support and clock offset. */
  async describe(address: string, credentials: OnvifCredentials): Promise<OnvifDevice> {
    const cam = await connectOnvif(address, credentials);
    try {
      const info = await call<Record<string, unknown>>((cb) => cam.getDeviceInformation(cb));
      const before = Date.now();
      const deviceTime = await call<Date>((cb) => cam.getSystemDateAndTime(cb));
      const after = Date.now();
      const profiles = await Promise.all((cam.profiles ?? []).map((p) => readProfile(cam, p)));
      return {
        address,
        manufacturer: text(info.manufacturer),
        model: text(info.model),
        firmwareVersion: text(info.firmwareVersion),
        serialNumber: text(info.serialNumber),
        profiles,
        ptz: cam.uri?.ptz !== undefined,
        clockOffsetMs: deviceTime.getTime() - Math.round((before + after) / 2),
      };
    } catch (error) {
      throw error instanceof VigieError ? error : onvifError(address, error);
    }
  }
}

/** Text safe inside an XML element (the library writes preset names into its SOAP bodies as given). */
function xmlText(value: string): string {
  return value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface RawPreset {
  $?: { token?: unknown };
  name?: unknown;
  PTZPosition?: { panTilt?: { $?: { x?: unknown; y?: unknown } }; zoom?: { $?: { x?: unknown } } };
}

function presetOf(raw: RawPreset): PtzPreset | undefined {
  const token = text(raw.$?.token);
  if (token === '') return undefined;
  const position = raw.PTZPosition;
  const pan = number(position?.panTilt?.$?.x);
  const tilt = number(position?.panTilt?.$?.y);
  const zoom = number(position?.zoom?.$?.x);
  return {
    token,
    name: text(raw.name) || token,
    ...(pan === undefined || tilt === undefined ? {} : { position: { pan, tilt, zoom: zoom ?? 0 } }),
  };
}

/** Connected clients by device and account, each reconnected after a call that failed (rebooted, account changed). */
class OnvifClients {
  readonly #clients = new Map<string, Promise<Cam>>();

  async with<T>(target: PtzTarget, use: (cam: Cam) => Promise<T>): Promise<T> {
    const key = JSON.stringify([target.address, target.credentials.username, target.credentials.password]);
    let client = this.#clients.get(key);
    if (client === undefined) {
      client = connectOnvif(target.address, target.credentials);
      this.#clients.set(key, client);
    }
    try {
      return await use(await client);
    } catch (error) {
      this.#clients.delete(key);
      throw error instanceof VigieError ? error : onvifError(target.address, error);
    }
  }
}

/**
 * PTZ through the `onvif` library (ContinuousMove, Stop, GetPresets, GotoPreset, SetPreset, GetStatus); one
 * connected client per device and account is kept, so that a hold-to-move does not reconnect at each command.
 */
export class LibraryPtzGateway implements PtzGateway {
  readonly #clients = new OnvifClients();

  #with<T>(target: PtzTarget, use: (cam: Cam) => Promise<T>): Promise<T> {
    return this.#clients.with(target, use);
  }

  /** ContinuousMove with the three speeds. */
  move(target: PtzTarget, velocity: PtzVelocity): Promise<void> {
    const { profileToken } = target;
    return this.#with(target, (cam) =>
      call((cb) => cam.continuousMove({ profileToken, x: velocity.pan, y: velocity.tilt, zoom: velocity.zoom }, cb)),
    );
  }

  /** Stop of pan, tilt and zoom. */
  stop(target: PtzTarget): Promise<void> {
    const { profileToken } = target;
    return this.#with(target, (cam) => call((cb) => cam.stop({ profileToken, panTilt: true, zoom: true }, cb)));
  }

  /** GetPresets, with each preset's position when the camera gives it. */
  presets(target: PtzTarget): Promise<PtzPreset[]> {
    const { profileToken } = target;
    return this.#with(target, async (cam) => {
      const byName = await call<Record<string, RawPreset>>((cb) => cam.getPresets({ profileToken }, cb));
      return Object.values(byName)
        .map(presetOf)
        .filter((p): p is PtzPreset => p !== undefined);
    });
  }

  /** GotoPreset at the camera's default speed. */
  gotoPreset(target: PtzTarget, token: string): Promise<void> {
    const { profileToken } = target;
    return this.#with(target, (cam) => call((cb) => cam.gotoPreset({ profileToken, preset: xmlText(token) }, cb)));
  }

  /** SetPreset under a new token chosen by the camera. */
  savePreset(target: PtzTarget, name: string): Promise<string> {
    const { profileToken } = target;
    return this.#with(target, async (cam) => {
      const { xml } = await callWithXml((cb) => cam.setPreset({ profileToken, presetName: xmlText(name) }, cb));
      const token = /<(?:\w+:)?PresetToken>([^<]*)</.exec(xml)?.[1];
      if (token === undefined) throw new Error('the camera did not return the new preset token');
      return token;
    });
  }

  /** GetStatus: moving while either axis moves; unknown when the camera reports no position. */
  head(target: PtzTarget): Promise<HeadState> {
    const { profileToken } = target;
    return this.#with(target, async (cam) => {
      const { data, xml } = await callWithXml<{
        position: { x: number; y: number; zoom: number };
        moveStatus?: { panTilt?: unknown; zoom?: unknown };
      }>((cb) => cam.getStatus({ profileToken }, cb));
      const moving = [data.moveStatus?.panTilt, data.moveStatus?.zoom].some((s) => text(s) === 'MOVING');
      if (moving) return { kind: 'moving' };
      if (!/<(?:\w+:)?Position\b/.test(xml)) return { kind: 'unknown' };
      return { kind: 'still', position: { pan: data.position.x, tilt: data.position.y, zoom: data.position.zoom } };
    });
  }
}

/** The library's own SOAP plumbing (WS-Security digest, HTTP digest fallback, service addresses), left out of its typings. */
interface SoapClient {
  _envelopeHeader(): string;
  _envelopeFooter(): string;
  _request(
    options: { service: string; body: string },
    callback: (error: Error | null, data?: unknown, xml?: string) => void,
  ): void;
}

const media2Namespace = 'http://www.onvif.org/ver20/media/wsdl';

/** Sends one request to the device's Media2 service through the library's authenticated SOAP; returns the XML answer. */
export function media2Request(cam: Cam, operation: string, inner = ''): Promise<string> {
  const soap = cam as unknown as SoapClient;
  const body = `${soap._envelopeHeader()}<${operation} xmlns="${media2Namespace}">${inner}</${operation}>${soap._envelopeFooter()}`;
  return new Promise((resolve, reject) => {
    soap._request({ service: 'media2', body }, (error, _data, xml) =>
      error === null ? resolve(xml ?? '') : reject(error),
    );
  });
}

function attributeOf(element: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1];
}

/** The masks of a GetMasksResponse, in Vigie's image coordinates (hand-parsed: the library has no Media2 masks). */
function masksOfXml(xml: string): (CameraMask & { configurationToken: string })[] {
  const masks: (CameraMask & { configurationToken: string })[] = [];
  for (const [, attributes = '', inner = ''] of xml.matchAll(
    /<(?:\w+:)?Masks\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?Masks>/g,
  )) {
    const polygon = [...inner.matchAll(/<(?:\w+:)?Point\b[^>]*>/g)].map(([point]) =>
      fromOnvifPoint(Number(attributeOf(point, 'x')), Number(attributeOf(point, 'y'))),
    );
    const field = (name: string): string =>
      new RegExp(`<(?:\\w+:)?${name}>\\s*([^<]*?)\\s*</(?:\\w+:)?${name}>`).exec(inner)?.[1] ?? '';
    masks.push({
      token: attributeOf(attributes, 'token') ?? '',
      configurationToken: field('ConfigurationToken'),
      // A point the camera wrote unreadably makes the polygon unusable: such a mask covers nothing.
      polygon: polygon.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y)) ? polygon : [],
      enabled: /^(true|1)$/.test(field('Enabled')),
      opaque: field('Type') === 'Color',
    });
  }
  return masks;
}

/**
 * The privacy masks a camera applies itself, read through ONVIF Media2 (GetServiceCapabilities, GetMasks) on the
 * library's connection: no Media2 service or no Mask capability is `supported: false`; only the masks of the
 * recorded profile's video source are returned when the device names it.
 */
export class LibraryCameraMaskGateway implements CameraMaskGateway {
  readonly #clients = new OnvifClients();

  /** GetServiceCapabilities then GetMasks of the profile's video source configuration. */
  masks(target: PtzTarget): Promise<CameraMaskReading> {
    return this.#clients.with(target, async (cam) => {
      if (cam.uri?.media2 === undefined) return { supported: false, masks: [] };
      const capabilities = await media2Request(cam, 'GetServiceCapabilities');
      const element = /<(?:\w+:)?Capabilities\b[^>]*>/.exec(capabilities)?.[0] ?? '';
      if (!/^(true|1)$/.test(attributeOf(element, 'Mask') ?? '')) return { supported: false, masks: [] };
      const profile = (cam.profiles ?? []).find(
        (p) => text((p.$ as { token?: unknown } | undefined)?.token ?? p.token) === target.profileToken,
      );
      const source = text((profile?.videoSourceConfiguration as { $?: { token?: unknown } } | undefined)?.$?.token);
      const filter = source === '' ? '' : `<ConfigurationToken>${xmlText(source)}</ConfigurationToken>`;
      const masks = masksOfXml(await media2Request(cam, 'GetMasks', filter));
      return {
        supported: true,
        masks: masks
          .filter((mask) => source === '' || mask.configurationToken === source)
          .map(({ configurationToken: _source, ...mask }) => mask),
      };
    });
  }
}
