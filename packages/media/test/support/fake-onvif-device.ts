import { createHash, randomUUID } from 'node:crypto';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** Where the pan/tilt/zoom head points (ONVIF generic spaces: pan and tilt −1…1, zoom 0…1). */
export interface PtzPosition {
  pan: number;
  tilt: number;
  zoom: number;
}

/** One stream the device offers as a media profile. */
export interface FakeOnvifProfile {
  token: string;
  name: string;
  width: number;
  height: number;
  fps: number;
  /** Keyframe interval in frames (GovLength). */
  gop: number;
  streamUrl: string;
}

/** A privacy mask the test camera burns in itself (ONVIF Media2), in ONVIF coordinates (−1…1, y upwards). */
export interface FakeOnvifMask {
  token: string;
  polygon: { x: number; y: number }[];
  /** Color (opaque, the default), Pixelated or Blurred. */
  type?: string;
  /** Default true. */
  enabled?: boolean;
  /** The video source configuration it applies to (default `vsc`, the one every profile uses). */
  configurationToken?: string;
}

/** A test ONVIF camera (device, media and PTZ services on loopback, WS-Discovery responder). */
export interface FakeOnvifDevice {
  /** http://127.0.0.1:<port>/onvif/device_service */
  address: string;
  /** urn:uuid:… the device announces in discovery. */
  urn: string;
  /** Where the head points now; undefined while it moves. */
  position(): PtzPosition | undefined;
  /** Turns the head to a position by hand, as from the camera's own web page (no SOAP). */
  point(position: PtzPosition): void;
  /** Starts turning the head by hand, as from the camera's own keyboard (no SOAP): position unknown until a move to one. */
  turnByHand(): void;
  /** The SOAP actions received, in order (authenticated or not). */
  actions(): string[];
  /** The speeds of each authenticated ContinuousMove, in order. */
  moves(): PtzPosition[];
  /** The privacy masks the camera applies now (Media2; set with `masks` or CreateMask / DeleteMask). */
  masks(): FakeOnvifMask[];
  /** Stops answering every SOAP request (the connection is held until the client gives up), or answers again. */
  silence(silent: boolean): void;
  /** Stops the HTTP server and the discovery responder. */
  stop(): Promise<void>;
}

/** What the test device is built from. */
export interface FakeOnvifOptions {
  username: string;
  password: string;
  profiles: FakeOnvifProfile[];
  /** Seconds the device's clock is ahead of the real one (negative: behind). */
  clockOffsetSeconds?: number;
  /** Answer WS-Discovery probes on 239.255.255.250:3702 (default true). */
  discoverable?: boolean;
  /** With it, the device offers the Media2 service with privacy masks, these to begin with. */
  masks?: FakeOnvifMask[];
}

const envelope = (body: string): string =>
  '<?xml version="1.0" encoding="UTF-8"?>' +
  '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:tt="http://www.onvif.org/ver10/schema"' +
  ' xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:trt="http://www.onvif.org/ver10/media/wsdl"' +
  ' xmlns:tptz="http://www.onvif.org/ver20/ptz/wsdl" xmlns:ter="http://www.onvif.org/ver10/error"' +
  ' xmlns:tr2="http://www.onvif.org/ver20/media/wsdl">' +
  `<s:Body>${body}</s:Body></s:Envelope>`;

const notAuthorised = envelope(
  '<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>ter:NotAuthorized</s:Value></s:Subcode></s:Code>' +
    '<s:Reason><s:Text xml:lang="en">Sender not Authorized</s:Text></s:Reason></s:Fault>',
);

function tag(xml: string, name: string): string | undefined {
  return new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>([^<]*)</(?:\\w+:)?${name}>`).exec(xml)?.[1];
}

function attribute(xml: string, element: string, name: string): string | undefined {
  return new RegExp(`<(?:\\w+:)?${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];
}

/** WS-Security UsernameToken, PasswordDigest = Base64(SHA-1(nonce + created + password)) (ONVIF Core §5.9.4). */
function authenticated(xml: string, options: FakeOnvifOptions): boolean {
  const [username, digest, nonce, created] = ['Username', 'Password', 'Nonce', 'Created'].map((n) => tag(xml, n));
  if (username !== options.username || digest === undefined || nonce === undefined || created === undefined) {
    return false;
  }
  const expected = createHash('sha1')
    .update(Buffer.concat([Buffer.from(nonce, 'base64'), Buffer.from(created + options.password)]))
    .digest('base64');
  return expected === digest;
}

function dateTime(now: Date): string {
  return (
    `<tt:UTCDateTime><tt:Time><tt:Hour>${now.getUTCHours()}</tt:Hour><tt:Minute>${now.getUTCMinutes()}</tt:Minute>` +
    `<tt:Second>${now.getUTCSeconds()}</tt:Second></tt:Time><tt:Date><tt:Year>${now.getUTCFullYear()}</tt:Year>` +
    `<tt:Month>${now.getUTCMonth() + 1}</tt:Month><tt:Day>${now.getUTCDate()}</tt:Day></tt:Date></tt:UTCDateTime>`
  );
}

function profileXml(p: FakeOnvifProfile): string {
  return (
    `<trt:Profiles token="${p.token}" fixed="true"><tt:Name>${p.name}</tt:Name>` +
    '<tt:VideoSourceConfiguration token="vsc"><tt:Name>vsc</tt:Name><tt:UseCount>2</tt:UseCount>' +
    '<tt:SourceToken>video</tt:SourceToken><tt:Bounds x="0" y="0" width="1280" height="720"/></tt:VideoSourceConfiguration>' +
    `<tt:VideoEncoderConfiguration token="enc-${p.token}"><tt:Name>${p.name}</tt:Name><tt:UseCount>1</tt:UseCount>` +
    `<tt:Encoding>H264</tt:Encoding><tt:Resolution><tt:Width>${p.width}</tt:Width><tt:Height>${p.height}</tt:Height></tt:Resolution>` +
    `<tt:Quality>5</tt:Quality><tt:RateControl><tt:FrameRateLimit>${p.fps}</tt:FrameRateLimit>` +
    '<tt:EncodingInterval>1</tt:EncodingInterval><tt:BitrateLimit>2048</tt:BitrateLimit></tt:RateControl>' +
    `<tt:H264><tt:GovLength>${p.gop}</tt:GovLength><tt:H264Profile>Main</tt:H264Profile></tt:H264>` +
    '</tt:VideoEncoderConfiguration>' +
    '<tt:PTZConfiguration token="ptz"><tt:Name>ptz</tt:Name><tt:UseCount>2</tt:UseCount><tt:NodeToken>head</tt:NodeToken></tt:PTZConfiguration>' +
    '</trt:Profiles>'
  );
}

function positionXml(p: PtzPosition): string {
  return `<tt:PanTilt x="${p.pan}" y="${p.tilt}"/><tt:Zoom x="${p.zoom}"/>`;
}

/** The PTZ head: a position, or none while it moves; presets by token. */
class Head {
  current: PtzPosition | undefined = { pan: 0, tilt: 0, zoom: 0 };
  readonly presets = new Map<string, { name: string; position: PtzPosition }>();
  readonly moves: PtzPosition[] = [];

  continuous(xml: string): void {
    this.current = undefined;
    this.moves.push({
      pan: Number(attribute(xml, 'PanTilt', 'x') ?? 0),
      tilt: Number(attribute(xml, 'PanTilt', 'y') ?? 0),
      zoom: Number(attribute(xml, 'Zoom', 'x') ?? 0),
    });
  }

  absolute(xml: string): void {
    this.current = {
      pan: Number(attribute(xml, 'PanTilt', 'x') ?? this.current?.pan ?? 0),
      tilt: Number(attribute(xml, 'PanTilt', 'y') ?? this.current?.tilt ?? 0),
      zoom: Number(attribute(xml, 'Zoom', 'x') ?? this.current?.zoom ?? 0),
    };
  }
}

/** Answers one SOAP action, or undefined when the device does not implement it. */
function answer(
  action: string,
  xml: string,
  context: { options: FakeOnvifOptions; head: Head; base: string; masks: FakeOnvifMask[] | undefined },
): string {
  const { options, head, base, masks } = context;
  if (xml.includes('http://www.onvif.org/ver20/media/wsdl'))
    return masks === undefined ? '' : media2Answer(action, xml, masks);
  const profile = (): FakeOnvifProfile | undefined =>
    options.profiles.find((p) => p.token === tag(xml, 'ProfileToken')) ?? options.profiles[0];
  switch (action) {
    case 'GetSystemDateAndTime': {
      const now = new Date(Date.now() + (options.clockOffsetSeconds ?? 0) * 1000);
      return (
        '<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>Manual</tt:DateTimeType>' +
        `<tt:DaylightSavings>false</tt:DaylightSavings>${dateTime(now)}</tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>`
      );
    }
    case 'GetServices':
      return (
        '<tds:GetServicesResponse>' +
        [
          ['http://www.onvif.org/ver10/device/wsdl', 'device_service'],
          ['http://www.onvif.org/ver10/media/wsdl', 'media_service'],
          ['http://www.onvif.org/ver20/ptz/wsdl', 'ptz_service'],
          ...(masks === undefined ? [] : [['http://www.onvif.org/ver20/media/wsdl', 'media2_service']]),
        ]
          .map(
            ([ns, path]) =>
              `<tds:Service><tds:Namespace>${ns}</tds:Namespace><tds:XAddr>${base}/onvif/${path}</tds:XAddr>` +
              '<tds:Version><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tds:Version></tds:Service>',
          )
          .join('') +
        '</tds:GetServicesResponse>'
      );
    case 'GetDeviceInformation':
      return (
        '<tds:GetDeviceInformationResponse><tds:Manufacturer>Vigie Test</tds:Manufacturer><tds:Model>PTZ-1</tds:Model>' +
        '<tds:FirmwareVersion>1.0.0</tds:FirmwareVersion><tds:SerialNumber>VT-0001</tds:SerialNumber>' +
        '<tds:HardwareId>vt-ptz</tds:HardwareId></tds:GetDeviceInformationResponse>'
      );
    case 'GetProfiles':
      return `<trt:GetProfilesResponse>${options.profiles.map(profileXml).join('')}</trt:GetProfilesResponse>`;
    case 'GetVideoSources':
      return (
        '<trt:GetVideoSourcesResponse><trt:VideoSources token="video"><tt:Framerate>10</tt:Framerate>' +
        '<tt:Resolution><tt:Width>1280</tt:Width><tt:Height>720</tt:Height></tt:Resolution></trt:VideoSources>' +
        '</trt:GetVideoSourcesResponse>'
      );
    case 'GetStreamUri':
      return (
        `<trt:GetStreamUriResponse><trt:MediaUri><tt:Uri>${profile()?.streamUrl ?? ''}</tt:Uri>` +
        '<tt:InvalidAfterConnect>false</tt:InvalidAfterConnect><tt:InvalidAfterReboot>false</tt:InvalidAfterReboot>' +
        '<tt:Timeout>PT0S</tt:Timeout></trt:MediaUri></trt:GetStreamUriResponse>'
      );
    case 'GetSnapshotUri':
      return (
        `<trt:GetSnapshotUriResponse><trt:MediaUri><tt:Uri>${base}/snapshot/${profile()?.token ?? ''}.jpg</tt:Uri>` +
        '<tt:InvalidAfterConnect>false</tt:InvalidAfterConnect><tt:InvalidAfterReboot>false</tt:InvalidAfterReboot>' +
        '<tt:Timeout>PT0S</tt:Timeout></trt:MediaUri></trt:GetSnapshotUriResponse>'
      );
    case 'ContinuousMove':
      head.continuous(xml);
      return '<tptz:ContinuousMoveResponse/>';
    case 'Stop':
      // The test head stops wherever it is, which it cannot tell: position unknown until the next absolute move.
      return '<tptz:StopResponse/>';
    case 'AbsoluteMove':
      head.absolute(xml);
      return '<tptz:AbsoluteMoveResponse/>';
    case 'GotoPreset': {
      const preset = head.presets.get(tag(xml, 'PresetToken') ?? '');
      if (preset === undefined) return '';
      head.current = { ...preset.position };
      return '<tptz:GotoPresetResponse/>';
    }
    case 'SetPreset': {
      if (head.current === undefined) return '';
      const token = tag(xml, 'PresetToken') ?? `preset-${head.presets.size + 1}`;
      head.presets.set(token, { name: tag(xml, 'PresetName') ?? token, position: { ...head.current } });
      return `<tptz:SetPresetResponse><tptz:PresetToken>${token}</tptz:PresetToken></tptz:SetPresetResponse>`;
    }
    case 'GetPresets':
      return (
        '<tptz:GetPresetsResponse>' +
        [...head.presets]
          .map(
            ([token, p]) =>
              `<tptz:Preset token="${token}"><tt:Name>${p.name}</tt:Name>` +
              `<tt:PTZPosition>${positionXml(p.position)}</tt:PTZPosition></tptz:Preset>`,
          )
          .join('') +
        '</tptz:GetPresetsResponse>'
      );
    case 'GetStatus': {
      const moving = head.current === undefined;
      return (
        '<tptz:GetStatusResponse><tptz:PTZStatus>' +
        (moving ? '' : `<tt:Position>${positionXml(head.current ?? { pan: 0, tilt: 0, zoom: 0 })}</tt:Position>`) +
        `<tt:MoveStatus><tt:PanTilt>${moving ? 'MOVING' : 'IDLE'}</tt:PanTilt><tt:Zoom>IDLE</tt:Zoom></tt:MoveStatus>` +
        `<tt:UtcTime>${new Date().toISOString()}</tt:UtcTime></tptz:PTZStatus></tptz:GetStatusResponse>`
      );
    }
    default:
      return '';
  }
}

function maskXml(mask: FakeOnvifMask): string {
  const points = mask.polygon.map((p) => `<tt:Point x="${p.x}" y="${p.y}"/>`).join('');
  return (
    `<tr2:Masks token="${mask.token}"><tt:ConfigurationToken>${mask.configurationToken ?? 'vsc'}</tt:ConfigurationToken>` +
    `<tt:Polygon>${points}</tt:Polygon><tt:Type>${mask.type ?? 'Color'}</tt:Type>` +
    '<tt:Color X="16" Y="128" Z="128" Colorspace="http://www.onvif.org/ver10/colorspace/YCbCr"/>' +
    `<tt:Enabled>${mask.enabled ?? true}</tt:Enabled></tr2:Masks>`
  );
}

/**
 * The Media2 service of a camera with privacy masks: capabilities, GetMasks, CreateMask, DeleteMask. Media2
 * GetProfiles is refused (as some firmwares do), so that clients read profiles through Media1 as before.
 */
function media2Answer(action: string, xml: string, masks: FakeOnvifMask[]): string {
  switch (action) {
    case 'GetServiceCapabilities':
      return (
        '<tr2:GetServiceCapabilitiesResponse><tr2:Capabilities SnapshotUri="true" Rotation="false" VideoSourceMode="false"' +
        ' OSD="false" TemporaryOSDText="false" Mask="true" SourceMask="false">' +
        '<tr2:ProfileCapabilities MaximumNumberOfProfiles="4" ConfigurationsSupported="VideoSource VideoEncoder PTZ"/>' +
        '<tr2:StreamingCapabilities RTSPStreaming="true"/></tr2:Capabilities></tr2:GetServiceCapabilitiesResponse>'
      );
    case 'GetMasks': {
      const source = tag(xml, 'ConfigurationToken');
      const token = tag(xml, 'Token');
      const listed = masks.filter(
        (m) => (source === undefined || (m.configurationToken ?? 'vsc') === source) && (token ?? m.token) === m.token,
      );
      return `<tr2:GetMasksResponse>${listed.map(maskXml).join('')}</tr2:GetMasksResponse>`;
    }
    case 'CreateMask': {
      const token = `mask-${masks.length + 1}-${randomUUID().slice(0, 8)}`;
      const polygon = [...xml.matchAll(/<(?:\w+:)?Point\b[^>]*>/g)].map(([point]) => ({
        x: Number(attribute(point, 'Point', 'x')),
        y: Number(attribute(point, 'Point', 'y')),
      }));
      if (polygon.length < 3) return '';
      masks.push({
        token,
        polygon,
        type: tag(xml, 'Type') ?? 'Color',
        enabled: tag(xml, 'Enabled') !== 'false',
        configurationToken: tag(xml, 'ConfigurationToken') ?? 'vsc',
      });
      return `<tr2:CreateMaskResponse><tr2:Token>${token}</tr2:Token></tr2:CreateMaskResponse>`;
    }
    case 'DeleteMask': {
      const index = masks.findIndex((m) => m.token === tag(xml, 'Token'));
      if (index < 0) return '';
      masks.splice(index, 1);
      return '<tr2:DeleteMaskResponse/>';
    }
    default:
      return '';
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function probeMatch(probe: string, urn: string, address: string): string {
  const relatesTo = tag(probe, 'MessageID') ?? '';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing"' +
    ' xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" xmlns:dn="http://www.onvif.org/ver10/network/wsdl">' +
    `<s:Header><a:MessageID>urn:uuid:${randomUUID()}</a:MessageID><a:RelatesTo>${relatesTo}</a:RelatesTo>` +
    '<a:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:To>' +
    '<a:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</a:Action></s:Header>' +
    `<s:Body><d:ProbeMatches><d:ProbeMatch><a:EndpointReference><a:Address>${urn}</a:Address></a:EndpointReference>` +
    '<d:Types>dn:NetworkVideoTransmitter</d:Types>' +
    '<d:Scopes>onvif://www.onvif.org/name/Vigie_Test onvif://www.onvif.org/hardware/PTZ-1 onvif://www.onvif.org/type/video_encoder</d:Scopes>' +
    `<d:XAddrs>${address}</d:XAddrs><d:MetadataVersion>1</d:MetadataVersion></d:ProbeMatch></d:ProbeMatches></s:Body></s:Envelope>`
  );
}

/** Answers WS-Discovery probes sent to 239.255.255.250:3702 (and unicast to that port). */
async function discoveryResponder(urn: string, address: string): Promise<UdpSocket> {
  const socket = createSocket({ type: 'udp4', reuseAddr: true });
  socket.on('message', (message, from) => {
    const probe = message.toString('utf8');
    if (!/<(?:\w+:)?Probe\b/.test(probe)) return;
    socket.send(probeMatch(probe, urn, address), from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(3702, () => resolve()));
  socket.addMembership('239.255.255.250');
  return socket;
}

/**
 * Starts a test ONVIF device on 127.0.0.1: device, media (one profile per stream, pointing at fake RTSP
 * cameras) and PTZ services behind WS-Security, and a WS-Discovery responder. Hand-written SOAP on purpose:
 * it stands for a camera's firmware, so Vigie's ONVIF client is tested against bytes it did not produce.
 */
export async function startFakeOnvifDevice(options: FakeOnvifOptions): Promise<FakeOnvifDevice> {
  const head = new Head();
  const masks = options.masks?.map((mask) => ({ ...mask, polygon: [...mask.polygon] }));
  let silent = false;
  const received: string[] = [];
  const urn = `urn:uuid:${randomUUID()}`;
  let base = '';
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void readBody(request).then((xml) => {
      if (request.method === 'GET' && request.url?.startsWith('/snapshot/') === true) {
        response.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
        return;
      }
      const action = /<(?:\w+:)?Body\b[^>]*>\s*<(?:\w+:)?(\w+)/.exec(xml)?.[1] ?? '';
      received.push(action);
      if (silent) return;
      const reply = (status: number, body: string): void => {
        response.writeHead(status, { 'content-type': 'application/soap+xml; charset=utf-8' }).end(body);
      };
      if (action !== 'GetSystemDateAndTime' && !authenticated(xml, options)) {
        reply(400, notAuthorised);
        return;
      }
      const body = answer(action, xml, { options, head, base, masks });
      if (body === '') {
        reply(500, envelope('<s:Fault><s:Code><s:Value>s:Receiver</s:Value></s:Code></s:Fault>'));
        return;
      }
      reply(200, envelope(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  base = `http://127.0.0.1:${port}`;
  const address = `${base}/onvif/device_service`;
  const responder = options.discoverable === false ? undefined : await discoveryResponder(urn, address);
  return {
    address,
    urn,
    position: () => (head.current === undefined ? undefined : { ...head.current }),
    point: (position) => (head.current = { ...position }),
    turnByHand: () => (head.current = undefined),
    actions: () => [...received],
    moves: () => head.moves.map((move) => ({ ...move })),
    masks: () => (masks ?? []).map((mask) => ({ ...mask, polygon: [...mask.polygon] })),
    silence: (value) => (silent = value),
    stop: async () => {
      responder?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A PTZ camera for tests that steer its head and never read its picture: user `vigie`, silent to WS-Discovery, one
 * 1280x720 main profile whose stream URL points at the discard port.
 */
export function startFakePtzCamera(password: string): Promise<FakeOnvifDevice> {
  return startFakeOnvifDevice({
    username: 'vigie',
    password,
    discoverable: false,
    profiles: [
      { token: 'main', name: 'Main', width: 1280, height: 720, fps: 10, gop: 20, streamUrl: 'rtsp://127.0.0.1:9/main' },
    ],
  });
}
