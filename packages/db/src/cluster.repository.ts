import type { AnalyticsStop, Segment } from '@vigie/core';
import type { Kysely } from 'kysely';
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
      segments.map((s) => ({
        camera_id: s.cameraId,
        key: s.key,
        started_at: s.startedAt,
        ended_at: s.endedAt,
        bytes: s.bytes,
        init_bytes: s.initBytes,
        init_hash: s.initHash ?? null,
        sha256: s.sha256,
        node: s.node,
      })),
    );
  }

  /** The node holding a camera's segment file, or undefined when it is in the server's own storage. */
  async nodeOfSegment(cameraId: string, key: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('segments')
      .select('node')
      .where('camera_id', '=', cameraId)
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.node ?? undefined;
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
