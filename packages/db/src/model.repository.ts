import type { Clock, ModelRegistration, ModelRegistrationInput } from '@vigie/core';
import type { Kysely, Selectable } from 'kysely';
import type { DetectionModelTable, Tables } from './tables.js';

type Row = Selectable<DetectionModelTable>;

/** Reads a jsonb value, which PGlite and PostgreSQL may hand back parsed or as text. */
function json(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

function toRegistration(row: Row): ModelRegistration {
  return {
    name: row.name,
    version: row.version,
    fileName: row.file_name,
    sha256: row.sha256,
    purpose: row.purpose,
    provenance: row.provenance,
    licence: row.licence,
    capabilities: json(row.capabilities) as string[],
    evaluation: json(row.evaluation) as ModelRegistration['evaluation'],
    ...(row.attestation === null ? {} : { attestation: row.attestation }),
    registeredAt: row.registered_at.toISOString(),
    registeredBy: row.registered_by,
  };
}

/** The model registry (LEGAL R23): one row per model file, by its SHA-256; re-registering a file replaces it. */
export class ModelRepository {
  readonly #db: Kysely<Tables>;
  readonly #clock: Clock;

  constructor(db: Kysely<Tables>, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  /** Stores a registration checked by the caller. */
  async register(input: ModelRegistrationInput, registeredBy: string): Promise<ModelRegistration> {
    const values = {
      sha256: input.sha256,
      name: input.name,
      version: input.version,
      file_name: input.fileName,
      purpose: input.purpose,
      provenance: input.provenance,
      licence: input.licence,
      capabilities: JSON.stringify(input.capabilities),
      evaluation: JSON.stringify(input.evaluation),
      attestation: input.attestation ?? null,
      registered_at: this.#clock.now(),
      registered_by: registeredBy,
    };
    const row = await this.#db
      .insertInto('detection_models')
      .values(values)
      .onConflict((oc) => oc.column('sha256').doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRegistration(row);
  }

  /** Every registered model, by name and version. */
  async list(): Promise<ModelRegistration[]> {
    const rows = await this.#db.selectFrom('detection_models').selectAll().orderBy('name').orderBy('version').execute();
    return rows.map(toRegistration);
  }
}
