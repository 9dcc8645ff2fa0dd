import {
  type Dpia,
  authorisationState,
  type AuthorisationPeriod,
  type Clock,
  type Facing,
  type Point,
  type RegistryEntry,
  type RegistryEntryInput,
  type SignagePhoto,
  type SignagePhotoType,
  type SignageStatus,
} from '@vigie/core';
import { sql, type Kysely } from 'kysely';
import type { Tables } from './tables.js';

/** A sign photo's bytes, as served. */
export interface SignagePhotoFile {
  contentType: SignagePhotoType;
  bytes: Uint8Array;
}

interface RegistryRow {
  camera_id: string;
  authorisation_reference: string;
  issued_on: string;
  expires_on: string;
  authorisation_expires_at: Date;
  authorisation_renewal_due_at: Date;
  signage_status: string;
  signage_notes: string | null;
  facing: string;
  private_regions: unknown;
  dpia: unknown;
  version: number;
  updated_at: Date;
  updated_by: string;
  content_type: string | null;
  sha256: string | null;
  uploaded_at: Date | null;
  photo_bytes: number | string | null;
}

/** The legal registry: per camera, its prefectoral authorisation, signage, facing, and a photo of its sign. */
export class LegalRegistryRepository {
  readonly #db: Kysely<Tables>;
  readonly #clock: Clock;

  constructor(db: Kysely<Tables>, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  #select() {
    return this.#db
      .selectFrom('camera_registry as r')
      .leftJoin('camera_signage_photos as p', 'p.camera_id', 'r.camera_id')
      .select([
        'r.camera_id',
        'r.authorisation_reference',
        sql<string>`to_char(r.authorisation_issued_on, 'YYYY-MM-DD')`.as('issued_on'),
        sql<string>`to_char(r.authorisation_expires_on, 'YYYY-MM-DD')`.as('expires_on'),
        'r.authorisation_expires_at',
        'r.authorisation_renewal_due_at',
        'r.signage_status',
        'r.signage_notes',
        'r.facing',
        'r.private_regions',
        'r.dpia',
        'r.version',
        'r.updated_at',
        'r.updated_by',
        'p.content_type',
        'p.sha256',
        'p.uploaded_at',
        sql<number | null>`octet_length(p.bytes)`.as('photo_bytes'),
      ]);
  }

  #entry(row: RegistryRow): RegistryEntry {
    const authorisation = {
      reference: row.authorisation_reference,
      issuedOn: row.issued_on,
      expiresOn: row.expires_on,
      expiresAt: row.authorisation_expires_at.toISOString(),
      renewalDueAt: row.authorisation_renewal_due_at.toISOString(),
    };
    const photo =
      row.content_type === null || row.sha256 === null || row.uploaded_at === null
        ? null
        : {
            contentType: row.content_type as SignagePhotoType,
            bytes: Number(row.photo_bytes),
            sha256: row.sha256,
            uploadedAt: row.uploaded_at.toISOString(),
          };
    return {
      cameraId: row.camera_id,
      authorisation: { ...authorisation, state: authorisationState({ authorisation }, this.#clock.now()) },
      signage: {
        status: row.signage_status as SignageStatus,
        ...(row.signage_notes === null ? {} : { notes: row.signage_notes }),
        photo,
      },
      facing: row.facing as Facing,
      ...(row.private_regions == null ? {} : { privateRegions: row.private_regions as Point[][] }),
      ...(row.dpia === null || row.dpia === undefined ? {} : { dpia: row.dpia as Dpia }),
      version: row.version,
      updatedAt: row.updated_at.toISOString(),
      updatedBy: row.updated_by,
    };
  }

  /** One camera's entry, or undefined when none is recorded. */
  async get(cameraId: string): Promise<RegistryEntry | undefined> {
    const row = await this.#select().where('r.camera_id', '=', cameraId).executeTakeFirst();
    return row === undefined ? undefined : this.#entry(row);
  }

  /** Every recorded entry. */
  async list(): Promise<RegistryEntry[]> {
    const rows = await this.#select().orderBy('r.camera_id').execute();
    return rows.map((row) => this.#entry(row));
  }

  /** Records or replaces a camera's entry (its version goes up by one on each change). */
  async record(
    cameraId: string,
    input: RegistryEntryInput,
    meta: { period: AuthorisationPeriod; updatedBy: string },
  ): Promise<RegistryEntry> {
    const values = {
      authorisation_reference: input.authorisation.reference,
      authorisation_issued_on: input.authorisation.issuedOn,
      authorisation_expires_on: input.authorisation.expiresOn,
      authorisation_expires_at: meta.period.expiresAt,
      authorisation_renewal_due_at: meta.period.renewalDueAt,
      signage_status: input.signage.status,
      signage_notes: input.signage.notes ?? null,
      facing: input.facing,
      private_regions: input.privateRegions === undefined ? null : JSON.stringify(input.privateRegions),
      dpia: input.dpia === undefined ? null : JSON.stringify(input.dpia),
      updated_at: this.#clock.now(),
      updated_by: meta.updatedBy,
    };
    await this.#db
      .insertInto('camera_registry')
      .values({ camera_id: cameraId, ...values })
      .onConflict((oc) =>
        oc.column('camera_id').doUpdateSet((eb) => ({ ...values, version: eb('camera_registry.version', '+', 1) })),
      )
      .execute();
    const entry = await this.get(cameraId);
    if (entry === undefined) throw new Error(`registry entry of camera ${cameraId} vanished after being written`);
    return entry;
  }

  /** Stores (or replaces) the photo of a camera's sign; the camera must have an entry. */
  async setPhoto(cameraId: string, photo: SignagePhotoFile & { sha256: string }): Promise<SignagePhoto> {
    const uploadedAt = this.#clock.now();
    const values = {
      content_type: photo.contentType,
      bytes: photo.bytes,
      sha256: photo.sha256,
      uploaded_at: uploadedAt,
    };
    await this.#db
      .insertInto('camera_signage_photos')
      .values({ camera_id: cameraId, ...values })
      .onConflict((oc) => oc.column('camera_id').doUpdateSet(values))
      .execute();
    return {
      contentType: photo.contentType,
      bytes: photo.bytes.length,
      sha256: photo.sha256,
      uploadedAt: uploadedAt.toISOString(),
    };
  }

  /** The photo of a camera's sign, or undefined. */
  async photo(cameraId: string): Promise<SignagePhotoFile | undefined> {
    const row = await this.#db
      .selectFrom('camera_signage_photos')
      .select(['content_type', 'bytes'])
      .where('camera_id', '=', cameraId)
      .executeTakeFirst();
    return row === undefined
      ? undefined
      : { contentType: row.content_type as SignagePhotoType, bytes: new Uint8Array(row.bytes) };
  }
}
