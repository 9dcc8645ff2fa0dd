import type { Kysely } from 'kysely';
import type { Tables } from './tables.js';

/** The ONVIF device behind a camera, as stored: the password only sealed, never in clear. */
export interface StoredOnvifDevice {
  cameraId: string;
  address: string;
  urn?: string;
  username: string;
  /** AES-256-GCM ciphertext; only the server's credential vault opens it. */
  passwordSealed: string;
  manufacturer: string;
  model: string;
  serialNumber: string;
  mainProfile: string;
  subProfile?: string;
  ptz: boolean;
  addedAt: Date;
}

/** The ONVIF devices cameras were added from. */
export class OnvifDeviceRepository {
  readonly #db: Kysely<Tables>;

  constructor(db: Kysely<Tables>) {
    this.#db = db;
  }

  /** Records (or replaces) the device behind a camera. */
  async save(device: StoredOnvifDevice): Promise<void> {
    const row = {
      camera_id: device.cameraId,
      address: device.address,
      urn: device.urn ?? null,
      username: device.username,
      password_sealed: device.passwordSealed,
      manufacturer: device.manufacturer,
      model: device.model,
      serial_number: device.serialNumber,
      main_profile: device.mainProfile,
      sub_profile: device.subProfile ?? null,
      ptz: device.ptz,
      added_at: device.addedAt,
    };
    await this.#db
      .insertInto('onvif_devices')
      .values(row)
      .onConflict((oc) => oc.column('camera_id').doUpdateSet(row))
      .execute();
  }

  /** The device behind a camera, if it was added through ONVIF. */
  async get(cameraId: string): Promise<StoredOnvifDevice | undefined> {
    const row = await this.#db
      .selectFrom('onvif_devices')
      .selectAll()
      .where('camera_id', '=', cameraId)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    return {
      cameraId: row.camera_id,
      address: row.address,
      ...(row.urn === null ? {} : { urn: row.urn }),
      username: row.username,
      passwordSealed: row.password_sealed,
      manufacturer: row.manufacturer,
      model: row.model,
      serialNumber: row.serial_number,
      mainProfile: row.main_profile,
      ...(row.sub_profile === null ? {} : { subProfile: row.sub_profile }),
      ptz: row.ptz,
      addedAt: row.added_at,
    };
  }

  /** Device addresses already behind a camera (discovery marks them as added). */
  async addresses(): Promise<Map<string, string>> {
    const rows = await this.#db.selectFrom('onvif_devices').select(['address', 'camera_id']).execute();
    return new Map(rows.map((r) => [r.address, r.camera_id]));
  }
}
