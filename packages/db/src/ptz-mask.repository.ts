import type { Clock, Mask, PresetMasks } from '@vigie/core';
import type { Kysely, Selectable } from 'kysely';
import type { PtzPresetMaskTable, Tables } from './tables.js';

/** A preset's masks as stored: with the preset's name and when they were last drawn. */
export interface StoredPresetMasks extends PresetMasks {
  name: string;
  updatedAt: Date;
}

/** The privacy masks drawn per PTZ preset. */
export class PtzMaskRepository {
  readonly #db: Kysely<Tables>;
  readonly #clock: Clock;

  constructor(db: Kysely<Tables>, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  /** Records (or replaces) the masks of one preset. */
  async save(cameraId: string, preset: Omit<StoredPresetMasks, 'updatedAt'>): Promise<StoredPresetMasks> {
    const updatedAt = this.#clock.now();
    const row = {
      camera_id: cameraId,
      preset: preset.preset,
      name: preset.name,
      pan: preset.position.pan,
      tilt: preset.position.tilt,
      zoom: preset.position.zoom,
      masks: JSON.stringify(preset.masks),
      updated_at: updatedAt,
    };
    await this.#db
      .insertInto('ptz_preset_masks')
      .values(row)
      .onConflict((oc) => oc.columns(['camera_id', 'preset']).doUpdateSet(row))
      .execute();
    return { ...preset, updatedAt };
  }

  /** Every preset of a camera that has masks drawn (possibly none: nothing private in view), by token. */
  async list(cameraId: string): Promise<StoredPresetMasks[]> {
    return (await this.all(cameraId)).get(cameraId) ?? [];
  }

  /** The presets with masks of every camera (or of one), by camera: a worker reads them all at each round. */
  async all(cameraId?: string): Promise<Map<string, StoredPresetMasks[]>> {
    let query = this.#db.selectFrom('ptz_preset_masks').selectAll().orderBy('camera_id').orderBy('preset');
    if (cameraId !== undefined) query = query.where('camera_id', '=', cameraId);
    const byCamera = new Map<string, StoredPresetMasks[]>();
    for (const row of await query.execute()) {
      byCamera.set(row.camera_id, [...(byCamera.get(row.camera_id) ?? []), toStored(row)]);
    }
    return byCamera;
  }
}

function toStored(row: Selectable<PtzPresetMaskTable>): StoredPresetMasks {
  return {
    preset: row.preset,
    name: row.name,
    position: { pan: row.pan, tilt: row.tilt, zoom: row.zoom },
    masks: row.masks as Mask[],
    updatedAt: row.updated_at,
  };
}
