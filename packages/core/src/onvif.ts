import { VigieError } from './errors.js';
import Type, { type Static } from 'typebox';

/** An ONVIF device that answered a WS-Discovery probe (nothing read from it yet, no credentials used). */
export const DiscoveredDeviceSchema = Type.Object(
  {
    address: Type.String({
      description: 'The device service URL (XAddr), e.g. http://10.0.0.12/onvif/device_service.',
    }),
    urn: Type.String({ description: 'The device’s stable endpoint reference, urn:uuid:….' }),
    name: Type.Optional(Type.String({ description: 'From the onvif://www.onvif.org/name/ scope, when announced.' })),
    hardware: Type.Optional(Type.String({ description: 'From the onvif://www.onvif.org/hardware/ scope.' })),
  },
  { additionalProperties: false },
);

/** One media profile of a device: a stream with its encoder settings. */
export const OnvifProfileSchema = Type.Object(
  {
    token: Type.String(),
    name: Type.String(),
    encoding: Type.String({ description: 'H264, H265, JPEG…' }),
    width: Type.Integer({ minimum: 0 }),
    height: Type.Integer({ minimum: 0 }),
    fps: Type.Optional(Type.Number({ minimum: 0 })),
    keyframeIntervalFrames: Type.Optional(Type.Integer({ minimum: 0, description: 'GovLength, in frames.' })),
    streamUrl: Type.String(),
    snapshotUrl: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

/** What Vigie reads from an ONVIF device with its credentials. */
export const OnvifDeviceSchema = Type.Object(
  {
    address: Type.String(),
    manufacturer: Type.String(),
    model: Type.String(),
    firmwareVersion: Type.String(),
    serialNumber: Type.String(),
    profiles: Type.Array(OnvifProfileSchema),
    ptz: Type.Boolean({ description: 'Whether the device offers a PTZ service.' }),
    clockOffsetMs: Type.Number({ description: 'Device clock minus server clock, milliseconds (to the second).' }),
  },
  { additionalProperties: false },
);

/** A device found by discovery. */
export type DiscoveredDevice = Static<typeof DiscoveredDeviceSchema>;
/** One media profile. */
export type OnvifProfile = Static<typeof OnvifProfileSchema>;
/** A device as read with its credentials. */
export type OnvifDevice = Static<typeof OnvifDeviceSchema>;

/** The account Vigie uses on a device; the password never leaves the server once given. */
export interface OnvifCredentials {
  username: string;
  password: string;
}

/** Port to ONVIF devices on the network (implemented in media with the `onvif` library). */
export interface OnvifGateway {
  /** Sends a WS-Discovery probe and gathers the answers for `timeoutMs`. */
  discover(options: { timeoutMs: number }): Promise<DiscoveredDevice[]>;
  /** Reads device information, profiles, stream and snapshot URIs; throws ONVIF_* errors. */
  describe(address: string, credentials: OnvifCredentials): Promise<OnvifDevice>;
}

/** The streams a camera's roles use: main records (and enlarged live), sub feeds analysis and small tiles. */
export interface StreamsByRole {
  main: OnvifProfile;
  sub?: OnvifProfile;
}

const pixels = (p: OnvifProfile): number => p.width * p.height;

/**
 * Picks the main stream (most pixels among video profiles, H.264/H.265 before others) and a sub stream (the
 * fewest pixels, only if smaller than the main one); undefined when the device offers no video profile.
 */
export function streamsByRole(profiles: readonly OnvifProfile[]): StreamsByRole | undefined {
  const video = profiles.filter((p) => p.streamUrl !== '' && pixels(p) > 0);
  const recordable = video.filter((p) => /^H26[45]$/i.test(p.encoding));
  const candidates = recordable.length > 0 ? recordable : video;
  const bySize = [...candidates].sort((a, b) => pixels(b) - pixels(a));
  const main = bySize[0];
  const smallest = bySize[bySize.length - 1];
  if (main === undefined) return undefined;
  return smallest !== undefined && pixels(smallest) < pixels(main) ? { main, sub: smallest } : { main };
}

/** The streams an administrator chose by profile token; `sub: null` records and analyses the main stream alone. */
export interface StreamChoice {
  main?: string;
  sub?: string | null;
}

/**
 * The streams by role as chosen, each role left out of the choice picked as `streamsByRole` would; throws
 * ONVIF_PROFILE_NOT_FOUND for a token the device does not list, and ONVIF_NO_VIDEO_PROFILE when nothing carries video.
 */
export function chooseStreams(profiles: readonly OnvifProfile[], choice: StreamChoice): StreamsByRole {
  const suggested = streamsByRole(profiles);
  if (suggested === undefined)
    throw new VigieError('ONVIF_NO_VIDEO_PROFILE', 'The ONVIF device offers no video stream.');
  const byToken = (token: string): OnvifProfile => {
    const found = profiles.find((p) => p.token === token && p.streamUrl !== '');
    if (found === undefined)
      throw new VigieError('ONVIF_PROFILE_NOT_FOUND', `The device has no video profile "${token}".`);
    return found;
  };
  const main = choice.main === undefined ? suggested.main : byToken(choice.main);
  const sub = choice.sub === null ? undefined : choice.sub === undefined ? suggested.sub : byToken(choice.sub);
  return sub === undefined || sub.token === main.token ? { main } : { main, sub };
}

/** The host a device service address points at, for display (no credentials in it). */
export function deviceHost(address: string): string {
  try {
    return new URL(address).host;
  } catch {
    return address;
  }
}
