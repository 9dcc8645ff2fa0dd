import { createHash } from 'node:crypto';
import {
  assertImagesViewable,
  assertPrivateRegions,
  assertSignagePhoto,
  authorisationPeriod,
  VigieError,
  type Clock,
  type LegalProfile,
  type RegistryEntry,
  type RegistryEntryInput,
  type SignagePhoto,
  type SignagePhotoType,
} from '@vigie/core';
import type { SignagePhotoFile, Stores, UnitOfWork } from '@vigie/db';
import { systemRequester } from '../auth/requester.js';
import type { DomainEvents } from '../events/domain-events.js';
import type { AuditAuthor } from '../auth/requester.js';
import type { CameraService } from './camera.service.js';

/** The legal registry re-reads a camera to tell consoles its authorisation changed. */
const registrySystem = systemRequester('legal registry');

/** The parts of an entry a DPO sets, to show what a change changed in the audit trail. */
function recorded(entry: RegistryEntry | undefined): Record<string, unknown> {
  if (entry === undefined) return {};
  const { reference, issuedOn, expiresOn } = entry.authorisation;
  return {
    reference,
    issuedOn,
    expiresOn,
    signageStatus: entry.signage.status,
    signageNotes: entry.signage.notes,
    facing: entry.facing,
    // Compared as text: a redrawn region is a change the audit names.
    privateRegions: entry.privateRegions === undefined ? undefined : JSON.stringify(entry.privateRegions),
  };
}

async function existingCamera(stores: Stores, cameraId: string) {
  const camera = await stores.cameras.get(cameraId);
  if (camera === undefined) throw new VigieError('CAMERA_NOT_FOUND', `No camera has id ${cameraId}.`);
  return camera;
}

async function existingEntry(stores: Stores, cameraId: string): Promise<RegistryEntry> {
  await existingCamera(stores, cameraId);
  const entry = await stores.registry.get(cameraId);
  if (entry === undefined) {
    throw new VigieError('REGISTRY_ENTRY_NOT_FOUND', `Camera ${cameraId} has no entry in the legal registry.`);
  }
  return entry;
}

/** Decodes a whole image of the given type; rejects when the bytes are not one. */
export type ImageDecoder = (contentType: SignagePhotoType, bytes: Uint8Array) => Promise<void>;

/**
 * The legal registry per camera (authorisation, signage, facing, sign photo), and the rule that
 * locks the images of a camera whose authorisation is expired or missing.
 */
export class LegalRegistryService {
  readonly #work: UnitOfWork;
  readonly #clock: Clock;
  readonly #profile: LegalProfile;
  readonly #cameras: CameraService;
  readonly #events: DomainEvents;
  readonly #decodeImage: ImageDecoder;

  /** `decodeImage`: decodes a whole sign photo, rejecting when its bytes are not one picture of the type. */
  constructor(options: {
    work: UnitOfWork;
    clock: Clock;
    profile: LegalProfile;
    cameras: CameraService;
    events: DomainEvents;
    decodeImage: ImageDecoder;
  }) {
    this.#decodeImage = options.decodeImage;
    this.#work = options.work;
    this.#clock = options.clock;
    this.#profile = options.profile;
    this.#cameras = options.cameras;
    this.#events = options.events;
  }

  /** A camera's entry; throws CAMERA_NOT_FOUND or REGISTRY_ENTRY_NOT_FOUND. */
  async get(cameraId: string): Promise<RegistryEntry> {
    return this.#work((stores) => existingEntry(stores, cameraId));
  }

  /** Every recorded entry. */
  async list(): Promise<RegistryEntry[]> {
    return this.#work(({ registry }) => registry.list());
  }

  /** Records or replaces a camera's entry after checking the authorisation's dates; audited with the change. */
  async record(cameraId: string, input: RegistryEntryInput, actor: AuditAuthor): Promise<RegistryEntry> {
    const period = authorisationPeriod(input.authorisation, { now: this.#clock.now(), profile: this.#profile });
    assertPrivateRegions(input);
    const entry = await this.#work(async (stores) => {
      await existingCamera(stores, cameraId);
      const before = recorded(await stores.registry.get(cameraId));
      const saved = await stores.registry.record(cameraId, input, { period, updatedBy: actor.actorName });
      const after = recorded(saved);
      const changes = Object.fromEntries(
        Object.keys(after)
          .filter((key) => before[key] !== after[key])
          .map((key) => [key, { from: before[key] ?? null, to: after[key] ?? null }]),
      );
      await stores.audit.append({ action: 'registry.recorded', ...actor, cameraId, details: { changes } });
      return saved;
    });
    // The camera's authorisation summary changed: consoles update their banner.
    this.#events.publish({ v: 1, type: 'camera.updated', camera: await this.#cameras.get(cameraId, registrySystem) });
    return entry;
  }

  /** Stores the photo of a camera's sign (JPEG or PNG, checked by its bytes and decoded whole); audited with its hash. */
  async setSignagePhoto(
    cameraId: string,
    photo: { contentType: string | undefined; bytes: Uint8Array },
    actor: AuditAuthor,
  ): Promise<SignagePhoto> {
    const contentType = assertSignagePhoto(photo);
    try {
      await this.#decodeImage(contentType, photo.bytes);
    } catch {
      throw new VigieError(
        'SIGNAGE_PHOTO_INVALID',
        `The sign photo starts like ${contentType} but is not a whole picture: it cannot be decoded.`,
        [{ path: '/', reason: `cannot be decoded as ${contentType}` }],
      );
    }
    const sha256 = createHash('sha256').update(photo.bytes).digest('hex');
    return this.#work(async (stores) => {
      await existingEntry(stores, cameraId);
      const stored = await stores.registry.setPhoto(cameraId, { contentType, bytes: photo.bytes, sha256 });
      await stores.audit.append({
        action: 'registry.photo_uploaded',
        ...actor,
        cameraId,
        details: { contentType, bytes: stored.bytes, sha256 },
      });
      return stored;
    });
  }

  /** The photo of a camera's sign; throws SIGNAGE_PHOTO_NOT_FOUND when none was uploaded. */
  async signagePhoto(cameraId: string): Promise<SignagePhotoFile> {
    return this.#work(async (stores) => {
      await existingCamera(stores, cameraId);
      const photo = await stores.registry.photo(cameraId);
      if (photo === undefined) {
        throw new VigieError('SIGNAGE_PHOTO_NOT_FOUND', `No photo of camera ${cameraId}'s sign was uploaded.`);
      }
      return photo;
    });
  }

  /**
   * Throws CAMERA_NOT_AUTHORISED (HTTP 403) when the camera's authorisation is expired or missing,
   * PRIVATE_SPACE_UNMASKED when it overlooks private space with no mask, CAMERA_NOT_FOUND when it
   * does not exist. Call it before serving any image: live, playback, snapshot, export.
   */
  async assertViewable(cameraId: string, now: Date = this.#clock.now()): Promise<void> {
    await this.#work(async (stores) => {
      const camera = await existingCamera(stores, cameraId);
      assertImagesViewable(camera, await stores.registry.get(cameraId), now);
    });
  }
}
