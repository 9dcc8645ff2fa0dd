import {
  authorisationSummary,
  type AnalyticsEventType,
  type Calibration,
  VigieError,
  type Camera,
  type CameraSettings,
  type Clock,
  type Line,
  type Mask,
  type Purpose,
  type Zone,
} from '@vigie/core';
import type { Kysely } from 'kysely';
import type { CameraRow, NewCameraRow, Tables } from './tables.js';

const uniqueViolation = '23505';

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === uniqueViolation;
}

/** A camera row with its registry entry's instants, when it has one. */
type CameraWithRegistry = CameraRow & {
  authorisation_expires_at: Date | null;
  authorisation_renewal_due_at: Date | null;
};

function toCamera(row: CameraWithRegistry, now: Date): Camera {
  const expiresAt = row.authorisation_expires_at;
  const renewalDueAt = row.authorisation_renewal_due_at;
  const registry =
    expiresAt === null || renewalDueAt === null
      ? undefined
      : { authorisation: { expiresAt: expiresAt.toISOString(), renewalDueAt: renewalDueAt.toISOString() } };
  return {
    id: row.id,
    name: row.name,
    sourceUrl: row.source_url,
    ...(row.sub_stream_url === null ? {} : { subStreamUrl: row.sub_stream_url }),
    ...(row.site === null ? {} : { site: row.site }),
    location: { lat: row.lat, lon: row.lon },
    heading: row.heading,
    fieldOfView: row.field_of_view,
    zones: row.zones as Zone[],
    masks: row.masks as Mask[],
    lines: row.lines as Line[],
    retentionDays: row.retention_days,
    purposes: row.purposes as Purpose[],
    enabled: row.enabled,
    analytics: row.analytics as AnalyticsEventType[],
    ruleSettings: row.rule_settings,
    ...(row.calibration === null ? {} : { calibration: row.calibration as Calibration }),
    ...(row.masks_on_camera ? { masksOnCamera: true } : {}),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    authorisation: authorisationSummary(registry, now),
  };
}

function toRow(settings: CameraSettings): Omit<NewCameraRow, 'created_at' | 'updated_at'> {
  return {
    name: settings.name,
    source_url: settings.sourceUrl,
    sub_stream_url: settings.subStreamUrl ?? null,
    site: settings.site ?? null,
    lat: settings.location.lat,
    lon: settings.location.lon,
    heading: settings.heading,
    field_of_view: settings.fieldOfView,
    zones: JSON.stringify(settings.zones),
    masks: JSON.stringify(settings.masks),
    lines: JSON.stringify(settings.lines),
    retention_days: settings.retentionDays,
    purposes: JSON.stringify(settings.purposes),
    enabled: settings.enabled,
    analytics: JSON.stringify(settings.analytics),
    rule_settings: JSON.stringify(settings.ruleSettings ?? {}),
    calibration: settings.calibration === undefined ? null : JSON.stringify(settings.calibration),
    masks_on_camera: settings.masksOnCamera === true,
  };
}

function nameTaken(name: string): VigieError {
  return new VigieError('CAMERA_NAME_TAKEN', `A camera named "${name}" already exists.`, [
    { path: '/name', reason: 'is already used by another camera' },
  ]);
}

/** The camera catalogue on PostgreSQL or PGlite. */
export class CameraRepository {
  readonly #db: Kysely<Tables>;
  readonly #clock: Clock;

  constructor(db: Kysely<Tables>, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  #select() {
    return this.#db
      .selectFrom('cameras')
      .leftJoin('camera_registry', 'camera_registry.camera_id', 'cameras.id')
      .selectAll('cameras')
      .select(['camera_registry.authorisation_expires_at', 'camera_registry.authorisation_renewal_due_at']);
  }

  async list(): Promise<Camera[]> {
    const rows = await this.#select().orderBy('name').execute();
    const now = this.#clock.now();
    return rows.map((row) => toCamera(row, now));
  }

  async get(id: string): Promise<Camera | undefined> {
    const row = await this.#select().where('cameras.id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toCamera(row, this.#clock.now());
  }

  async create(settings: CameraSettings): Promise<Camera> {
    const now = this.#clock.now();
    try {
      const row = await this.#db
        .insertInto('cameras')
        .values({ ...toRow(settings), created_at: now, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toCamera({ ...row, authorisation_expires_at: null, authorisation_renewal_due_at: null }, now);
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(settings.name);
      throw error;
    }
  }

  async update(id: string, settings: CameraSettings, expectedVersion: number): Promise<Camera> {
    let row: { id: string } | undefined;
    try {
      row = await this.#db
        .updateTable('cameras')
        .set((eb) => ({
          ...toRow(settings),
          updated_at: this.#clock.now(),
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .returning('id')
        .executeTakeFirst();
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(settings.name);
      throw error;
    }
    const updated = row === undefined ? undefined : await this.get(id);
    if (updated !== undefined) return updated;
    const exists = await this.get(id);
    if (exists === undefined) throw new VigieError('CAMERA_NOT_FOUND', `No camera has id ${id}.`);
    throw new VigieError(
      'CAMERA_VERSION_CONFLICT',
      `Camera ${id} is at version ${exists.version}, not ${expectedVersion}.`,
    );
  }

  /** Which of the given ids name a registered camera. */
  async existing(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.#db.selectFrom('cameras').select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  }

  async remove(id: string): Promise<boolean> {
    const result = await this.#db.deleteFrom('cameras').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
