import type { AnalyticsStop, Segment } from '@vigie/core';
import { sql, type Kysely } from 'kysely';
import type { CountSample } from './alert.repository.js';
import { insertJsonRows } from './bulk-insert.js';
import type { Tables } from './tables.js';

/** A segment as a worker reported it: the node that holds and serves the file. */
export interface NodeSegment extends Segment {
  node: string;
}

/** Who pressed the stop button, and why. */
export interface AnalyticsStopChange {
  /** Halt (true) or resume (false). */
  paused: boolean;
  /** One camera, or every camera when omitted. */
  cameraId?: string;
  by: string;
  reason: string;
  at: Date;
}

const everyCamera = '*';

/** Facts reported by workers, each with the idempotency key of the event that carried it. */
export interface KeyedFacts {
  segments: readonly (NodeSegment & { eventId: string })[];
  counts: readonly (CountSample & { eventId: string })[];
}

/** What scale-out needs from the database: exactly-once ingestion and the persisted stop button. */
export class ClusterRepository {
  constructor(private readonly db: Kysely<Tables>) {}

  /**
   * Records idempotency keys and returns those seen for the first time: run in the transaction that
   * stores the events, a redelivered event is skipped and a rolled-back batch is not marked.
   */
  async markIngested(ids: readonly string[]): Promise<Set<string>> {
    const rows = await insertJsonRows<{ id: string }>(
      this.db as Kysely<unknown>,
      'ingested_events',
      [['id', 'text']],
      // Sorted: concurrent batches sharing keys then take their row locks in the same order (no deadlock).
      [...new Set(ids)].sort().map((id) => ({ id })),
      { onConflictDoNothing: true, returning: 'id' },
    );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Stores segments and count samples whose events were not stored before, and records the events'
   * keys, in one statement (atomic on its own: no transaction round trips): the keys inserted (sorted, so
   * that concurrent batches sharing keys lock them in the same order) select the rows stored beside
   * them. Returns how many events were new. Run outside a transaction, it commits by itself.
   */
  async ingestFacts(facts: KeyedFacts): Promise<number> {
    const keys = [...new Set([...facts.segments, ...facts.counts].map((f) => f.eventId))].sort();
    if (keys.length === 0) return 0;
    const segments = facts.segments.map((s) => ({ event_id: s.eventId, ...nodeSegmentRow(s) }));
    const counts = facts.counts.map((c) => ({
      event_id: c.eventId,
      camera_id: c.cameraId,
      series: c.series,
      at: c.at,
      in_count: c.in ?? null,
      out_count: c.out ?? null,
      occupancy: c.occupancy ?? null,
      density: c.density ?? null,
      method: c.method ?? null,
    }));
    const result = await sql<{ n: string }>`with fresh as (
        insert into ingested_events (id)
        select id from json_array_elements_text(${JSON.stringify(keys)}::json) as k(id) order by id
        on conflict do nothing returning id
      ), new_segments as (
        insert into segments (camera_id, key, started_at, ended_at, bytes, init_bytes, init_hash, sha256, node)
        select camera_id, key, started_at, ended_at, bytes, init_bytes, init_hash, sha256, node
        from json_to_recordset(${JSON.stringify(segments)}::json) as r(event_id text, camera_id uuid, key text,
          started_at timestamptz, ended_at timestamptz, bytes bigint, init_bytes integer, init_hash text,
          sha256 text, node text)
        where event_id in (select id from fresh)
      ), new_counts as (
        insert into count_samples (camera_id, series, at, in_count, out_count, occupancy, density, method)
        select camera_id, series, at, in_count, out_count, occupancy, density, method
        from json_to_recordset(${JSON.stringify(counts)}::json) as r(event_id text, camera_id uuid, series text,
          at timestamptz, in_count integer, out_count integer, occupancy real, density real, method text)
        where event_id in (select id from fresh)
      )
      select count(*) as n from fresh`.execute(this.db);
    return Number(result.rows[0]?.n ?? 0);
  }

  /** Indexes segments held by worker nodes, in one statement. */
  async insertNodeSegments(segments: readonly NodeSegment[]): Promise<void> {
    await insertJsonRows(
      this.db as Kysely<unknown>,
      'segments',
      [
        ['camera_id', 'uuid'],
        ['key', 'text'],
        ['started_at', 'timestamptz'],
        ['ended_at', 'timestamptz'],
        ['bytes', 'bigint'],
        ['init_bytes', 'integer'],
        ['init_hash', 'text'],
        ['sha256', 'text'],
        ['node', 'text'],
      ],
      segments.map(nodeSegmentRow),
    );
  }

  /** The node holding a camera's segment file: null when it is in the server's own storage, undefined when not indexed. */
  async nodeOfSegment(cameraId: string, key: string): Promise<string | null | undefined> {
    const row = await this.db
      .selectFrom('segments')
      .select('node')
      .where('camera_id', '=', cameraId)
      .where('key', '=', key)
      .executeTakeFirst();
    return row === undefined ? undefined : row.node;
  }

  /** When the latest segment this node reported of a camera started, looking back to `notBefore` only. */
  async lastNodeSegmentStart(cameraId: string, node: string, notBefore: Date): Promise<Date | undefined> {
    const row = await this.db
      .selectFrom('segments')
      .select('started_at')
      .where('camera_id', '=', cameraId)
      .where('started_at', '>', notBefore)
      .where('node', '=', node)
      .orderBy('started_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.started_at;
  }

  /** Which of these storage keys of a camera are indexed. */
  async indexedKeys(cameraId: string, keys: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    // In chunks: a bound list stays far below the engines' parameter limits.
    for (let i = 0; i < keys.length; i += 1000) {
      const rows = await this.db
        .selectFrom('segments')
        .select('key')
        .where('camera_id', '=', cameraId)
        .where('key', 'in', keys.slice(i, i + 1000))
        .execute();
      for (const row of rows) found.add(row.key);
    }
    return found;
  }

  /** The stop button's state, as stored. */
  async analyticsStop(): Promise<AnalyticsStop> {
    const rows = await this.db.selectFrom('analytics_stops').select('scope').execute();
    return {
      paused: rows.some((r) => r.scope === everyCamera),
      pausedCameraIds: rows.map((r) => r.scope).filter((scope) => scope !== everyCamera),
    };
  }

  /** Presses or releases the stop button (the caller appends the audit entry in the same transaction). */
  async setAnalyticsStop(change: AnalyticsStopChange): Promise<AnalyticsStop> {
    const scope = change.cameraId ?? everyCamera;
    if (change.paused) {
      await this.db
        .insertInto('analytics_stops')
        .values({ scope, stopped_by: change.by, reason: change.reason, stopped_at: change.at })
        .onConflict((oc) => oc.column('scope').doNothing())
        .execute();
    } else {
      await this.db.deleteFrom('analytics_stops').where('scope', '=', scope).execute();
    }
    return this.analyticsStop();
  }
}

/** A segment held by a worker node, as a row of `segments`. */
function nodeSegmentRow(s: NodeSegment) {
  return {
    camera_id: s.cameraId,
    key: s.key,
    started_at: s.startedAt,
    ended_at: s.endedAt,
    bytes: s.bytes,
    init_bytes: s.initBytes,
    init_hash: s.initHash ?? null,
    sha256: s.sha256,
    node: s.node,
  };
}
