import {
  applyCameraPatch,
  cameraSettingsFromInput,
  redactSourceUrl,
  validateCameraSettings,
  VigieError,
  type Camera,
  type CameraInput,
  type CameraPatch,
  type CameraStore,
  type LegalProfile,
} from '@vigie/core';
import type { EventHub } from '../event-hub.js';

/** Hides credentials before a camera leaves the server. */
function forClients(camera: Camera): Camera {
  return { ...camera, sourceUrl: redactSourceUrl(camera.sourceUrl) };
}

/** Use cases of the camera registry: validation by the legal profile, persistence, push to consoles. */
export class CameraService {
  readonly #store: CameraStore;
  readonly #profile: LegalProfile;
  readonly #events: EventHub;

  constructor(options: { store: CameraStore; profile: LegalProfile; events: EventHub }) {
    this.#store = options.store;
    this.#profile = options.profile;
    this.#events = options.events;
  }

  /** Every camera, credentials hidden. */
  async list(): Promise<Camera[]> {
    return (await this.#store.list()).map(forClients);
  }

  /** One camera, credentials hidden; throws CAMERA_NOT_FOUND. */
  async get(id: string): Promise<Camera> {
    return forClients(await this.#require(id));
  }

  /** Registers a camera after applying defaults and the legal rules. */
  async create(input: CameraInput): Promise<Camera> {
    const settings = cameraSettingsFromInput(input, this.#profile);
    validateCameraSettings(settings, this.#profile);
    const camera = forClients(await this.#store.create(settings));
    this.#events.publish({ v: 1, type: 'camera.created', camera });
    return camera;
  }

  /** Changes a camera; with `expectedVersion`, refuses if someone changed it meanwhile. */
  async update(id: string, patch: CameraPatch, expectedVersion?: number): Promise<Camera> {
    const current = await this.#require(id);
    // A console sends back the redacted URL it was shown: that must not overwrite the credentials.
    const { sourceUrl, ...rest } = patch;
    const unchanged = sourceUrl === undefined || sourceUrl === redactSourceUrl(current.sourceUrl);
    const settings = applyCameraPatch(current, unchanged ? rest : patch);
    validateCameraSettings(settings, this.#profile);
    const camera = forClients(await this.#store.update(id, settings, expectedVersion ?? current.version));
    this.#events.publish({ v: 1, type: 'camera.updated', camera });
    return camera;
  }

  /** Removes a camera; throws CAMERA_NOT_FOUND if there is none. */
  async remove(id: string): Promise<void> {
    if (!(await this.#store.remove(id))) throw notFound(id);
    this.#events.publish({ v: 1, type: 'camera.deleted', cameraId: id });
  }

  async #require(id: string): Promise<Camera> {
    const camera = await this.#store.get(id);
    if (camera === undefined) throw notFound(id);
    return camera;
  }
}

function notFound(id: string): VigieError {
  return new VigieError('CAMERA_NOT_FOUND', `No camera has id ${id}.`);
}
