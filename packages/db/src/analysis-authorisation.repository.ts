import { randomUUID } from 'node:crypto';
import {
  analysisAuthorisationState,
  type AnalysisAuthorisation,
  type AnalysisAuthorisationInput,
  type Clock,
} from '@vigie/core';
import type { Kysely, Selectable } from 'kysely';
import type { AnalysisAuthorisationTable, Tables } from './tables.js';

type Row = Selectable<AnalysisAuthorisationTable>;

/** Reads a jsonb list, which PGlite and PostgreSQL may hand back parsed or as text. */
function list<T>(value: unknown): T[] {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T[];
}

/** The analysis authorisations (LEGAL R18): recorded once, never edited; their state follows the clock. */
export class AnalysisAuthorisationRepository {
  readonly #db: Kysely<Tables>;
  readonly #clock: Clock;

  constructor(db: Kysely<Tables>, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  #toAuthorisation(row: Row): AnalysisAuthorisation {
    const window = { startsAt: row.starts_at.toISOString(), endsAt: row.ends_at.toISOString() };
    return {
      id: row.id,
      reference: row.reference,
      legalBasis: row.legal_basis,
      occasion: row.occasion,
      responsibleService: row.responsible_service,
      cameraIds: list<string>(row.camera_ids),
      eventTypes: list<AnalysisAuthorisation['eventTypes'][number]>(row.event_types),
      ...window,
      publicNotice: row.public_notice,
      state: analysisAuthorisationState(window, this.#clock.now()),
      createdAt: row.created_at.toISOString(),
      createdBy: row.created_by,
    };
  }

  /** Stores a decision checked by the caller. */
  async create(input: AnalysisAuthorisationInput, createdBy: string): Promise<AnalysisAuthorisation> {
    const row = await this.#db
      .insertInto('analysis_authorisations')
      .values({
        id: randomUUID(),
        reference: input.reference,
        legal_basis: input.legalBasis,
        occasion: input.occasion,
        responsible_service: input.responsibleService,
        camera_ids: JSON.stringify(input.cameraIds),
        event_types: JSON.stringify(input.eventTypes),
        starts_at: new Date(input.startsAt),
        ends_at: new Date(input.endsAt),
        public_notice: input.publicNotice,
        created_at: this.#clock.now(),
        created_by: createdBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return this.#toAuthorisation(row);
  }

  /** Every authorisation, latest start first; `current` keeps those not ended yet. */
  async list(options: { current?: boolean } = {}): Promise<AnalysisAuthorisation[]> {
    let query = this.#db.selectFrom('analysis_authorisations').selectAll().orderBy('starts_at', 'desc');
    if (options.current === true) query = query.where('ends_at', '>', this.#clock.now());
    return (await query.execute()).map((row) => this.#toAuthorisation(row));
  }

  /**
   * Marks as audited the authorisations that started (or ended) by now and were not yet, and returns
   * them: one server wins each row, so each start and end is audited exactly once.
   */
  async claimTransitions(): Promise<{ started: AnalysisAuthorisation[]; ended: AnalysisAuthorisation[] }> {
    const now = this.#clock.now();
    const started = await this.#db
      .updateTable('analysis_authorisations')
      .set({ started_audited: true })
      .where('started_audited', '=', false)
      .where('starts_at', '<=', now)
      .returningAll()
      .execute();
    const ended = await this.#db
      .updateTable('analysis_authorisations')
      .set({ ended_audited: true })
      .where('ended_audited', '=', false)
      .where('ends_at', '<=', now)
      .returningAll()
      .execute();
    return {
      started: started.map((row) => this.#toAuthorisation(row)),
      ended: ended.map((row) => this.#toAuthorisation(row)),
    };
  }
}
