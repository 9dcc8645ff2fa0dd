import {
  chooseStreams,
  definedOnly,
  DiscoveredDeviceSchema,
  OnvifProfileSchema,
  streamsByRole,
  VigieError,
  type Camera,
  type CameraInput,
  type Clock,
  type DiscoveredDevice,
  type OnvifGateway,
} from '@vigie/core';
import type { UnitOfWork } from '@vigie/db';
import Type, { type Static } from 'typebox';
import type { CredentialVault } from '@vigie/media';
import type { AuditAuthor } from '../auth/requester.js';
import type { CameraService } from './camera.service.js';

/** A discovered device, marked with the camera it was already added as. */
export const DiscoveryResultSchema = Type.Object(
  {
    ...DiscoveredDeviceSchema.properties,
    cameraId: Type.Optional(Type.String({ format: 'uuid', description: 'Set when the device is already a camera.' })),
  },
  { additionalProperties: false },
);

/** What the device a camera was added from is, as the API shows it (never its password). */
export const OnvifDeviceSummarySchema = Type.Object(
  {
    address: Type.String(),
    manufacturer: Type.String(),
    model: Type.String(),
    serialNumber: Type.String(),
    mainProfile: Type.String({ description: 'Profile recorded (and shown in enlarged live).' }),
    subProfile: Type.Optional(Type.String({ description: 'Profile analysed (and shown in small tiles).' })),
    ptz: Type.Boolean(),
  },
  { additionalProperties: false },
);

const { streamUrl: _stream, snapshotUrl: _snapshot, ...profileFields } = OnvifProfileSchema.properties;

/** What a device offers to choose from before it is added: its profiles (no stream URL) and the streams suggested. */
export const OnvifProfilesSchema = Type.Object(
  {
    manufacturer: Type.String(),
    model: Type.String(),
    profiles: Type.Array(Type.Object(profileFields, { additionalProperties: false })),
    suggestedMain: Type.String({ description: 'Profile recorded unless another is chosen (the largest).' }),
    suggestedSub: Type.Optional(
      Type.String({ description: 'Profile analysed unless another is chosen (the smallest).' }),
    ),
  },
  { additionalProperties: false },
);

/** A discovered device. */
export type DiscoveryResult = Static<typeof DiscoveryResultSchema>;
/** A device's profiles, as offered to choose from. */
export type OnvifProfiles = Static<typeof OnvifProfilesSchema>;
/** A device behind a camera, as shown. */
export type OnvifDeviceSummary = Static<typeof OnvifDeviceSummarySchema>;

/** What adding a camera from an ONVIF device needs: its address, an account on it, and the camera's settings. */
export type OnvifCameraInput = Omit<CameraInput, 'sourceUrl' | 'subStreamUrl'> & {
  address: string;
  urn?: string;
  username: string;
  password: string;
  /** Profile token recorded (default: the largest). */
  mainProfile?: string;
  /** Profile token analysed; null for none (default: the smallest, when smaller than the main one). */
  subProfile?: string | null;
};

/** Discovery of ONVIF cameras and adding one from what its device reports. */
export class OnvifService {
  readonly #deps: {
    work: UnitOfWork;
    clock: Clock;
    gateway: OnvifGateway;
    vault: CredentialVault;
    cameras: CameraService;
  };

  constructor(deps: {
    work: UnitOfWork;
    clock: Clock;
    gateway: OnvifGateway;
    vault: CredentialVault;
    cameras: CameraService;
  }) {
    this.#deps = deps;
  }

  /** Probes the local network (WS-Discovery); audited, as it scans the network. */
  async discover(options: { timeoutMs: number }, actor: AuditAuthor): Promise<DiscoveryResult[]> {
    const found: DiscoveredDevice[] = await this.#deps.gateway.discover(options);
    return this.#deps.work(async ({ onvifDevices, audit }) => {
      const added = await onvifDevices.addresses();
      await audit.append({ action: 'camera.discovery_run', ...actor, details: { found: found.length } });
      return found.map((device) => {
        const cameraId = added.get(device.address);
        return cameraId === undefined ? device : { ...device, cameraId };
      });
    });
  }

  /** Reads the device's profiles with the account given, for an administrator to choose the streams. */
  async profiles(address: string, credentials: { username: string; password: string }): Promise<OnvifProfiles> {
    const described = await this.#deps.gateway.describe(address, credentials);
    const roles = streamsByRole(described.profiles);
    if (roles === undefined) {
      throw new VigieError('ONVIF_NO_VIDEO_PROFILE', `The ONVIF device at ${address} offers no video stream.`);
    }
    return {
      manufacturer: described.manufacturer,
      model: described.model,
      profiles: described.profiles.map(({ streamUrl: _url, snapshotUrl: _snap, ...profile }) => profile),
      suggestedMain: roles.main.token,
      ...(roles.sub === undefined ? {} : { suggestedSub: roles.sub.token }),
    };
  }

  /**
   * Reads the device with the account given, records the main profile chosen (default: its largest H.264/H.265 one)
   * and analyses the sub profile chosen (default: its smallest),
   * and stores the account with the password sealed, in the transaction that creates the camera.
   */
  async add(input: OnvifCameraInput, actor: AuditAuthor): Promise<{ camera: Camera; device: OnvifDeviceSummary }> {
    const { address, urn, username, password, mainProfile, subProfile, ...settings } = input;
    const described = await this.#deps.gateway.describe(address, { username, password });
    const roles = chooseStreams(described.profiles, {
      ...definedOnly({ main: mainProfile, sub: subProfile }),
    });
    const device: OnvifDeviceSummary = {
      address,
      manufacturer: described.manufacturer,
      model: described.model,
      serialNumber: described.serialNumber,
      mainProfile: roles.main.token,
      ...(roles.sub === undefined ? {} : { subProfile: roles.sub.token }),
      ptz: described.ptz,
    };
    // The streams are opened with the ONVIF account (most cameras share it with RTSP); the camera service seals
    // its password out of the URLs.
    const withAccount = (streamUrl: string): string => {
      const url = new URL(streamUrl);
      if (url.username !== '' || password === '') return streamUrl;
      url.username = encodeURIComponent(username);
      url.password = encodeURIComponent(password);
      return url.toString();
    };
    const camera = await this.#deps.cameras.create(
      {
        ...settings,
        sourceUrl: withAccount(roles.main.streamUrl),
        ...(roles.sub === undefined ? {} : { subStreamUrl: withAccount(roles.sub.streamUrl) }),
      },
      actor,
      async ({ onvifDevices }, created) => {
        await onvifDevices.save({
          cameraId: created.id,
          ...device,
          ...definedOnly({ urn }),
          username,
          passwordSealed: this.#deps.vault.seal(password),
          addedAt: this.#deps.clock.now(),
        });
        return { onvif: device };
      },
    );
    return { camera, device };
  }
}
