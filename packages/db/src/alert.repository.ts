import type {
  AlertFacts,
  AlertQueuePosition,
  AlertQualification,
  AlertRecord,
  AlertSeverity,
  AlertStatus,
  AlertType,
  CountMethod,
  GivenVerdict,
  ShadowLabel,
  ShadowLabels,
} from '@vigie/core';
import { definedOnly } from '@vigie/core';
import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import { insertJsonRows } from './bulk-insert.js';
import type { AlertTable, Tables } from './tables.js';

const recordColumns = [
  'id',
  'camera_id',
  'type',
  'severity',
  'status',
  'qualification',
  'escalated',
  'zone_id',
  'message',
  'opened_at',
  'updated_at',
  'clip_from',
  'clip_to',
  'last_seen_at',
  'ended_at',
  'occurrences',
  'facts',
  'group_id',
  'shadow',
  'shadow_label',
  'claimed_by',
  'claimed_at',
] as const;

type AlertRow = Pick<Selectable<AlertTable>, (typeof recordColumns)[number]> & { has_snapshot: boolean };

/** A new alert to store. */
export interface NewAlert {
  id: string;
  cameraId: string;
  type: AlertType;
  severity: AlertSeverity;
  zoneId?: string;
  message: string;
  openedAt: Date;
  clip: { from: Date; to: Date };
  snapshot?: Uint8Array;
  details?: Record<string, unknown>;
  /** The situation it is about (analytics alerts): later progress names it. */
  situationKey?: string;
  facts?: AlertFacts;
  /** The group it joins (see core's alertGroupOf); its own id when absent. */
  groupId?: string;
  /** Raised by a rule in shadow. */
  shadow?: boolean;
}

/** Verdicts on one rule of one camera over one month (LEGAL R24; the record of processing). */
export interface RulePrecisionRow {
  cameraId: string;
  type: AlertType;
  /** First day of the month, YYYY-MM-01. */
  month: string;
  shadow: boolean;
  alerts: number;
  trueAlerts: number;
  falseAlarms: number;
  irrelevant: number;
}

/** How an open alert's situation went on, or that it ended. */
export interface AlertProgress {
  lastSeenAt: Date;
  endedAt?: Date;
  occurrences: number;
  facts: AlertFacts;
  /** The clip now ends here (last seen + padding). */
  clipTo: Date;
  snapshot?: Uint8Array;
  at: Date;
}

/** Which alerts to list. */
export interface AlertFilter {
  status?: AlertStatus;
  cameraIds?: readonly string[];
  type?: AlertType;
  zoneId?: string;
  /** Only alerts whose detections were at least this sure. */
  minConfidence?: number;
  /** Only alerts whose situation lasted at least this long. */
  minDurationS?: number;
  /** Only alerts whose situation goes on (true) or ended (false). */
  ongoing?: boolean;
  /** Only shadow alerts (true) or only live ones (false); both when absent. */
  shadow?: boolean;
  limit: number;
}

/** Which closed alerts the history shows, one page at a time. */
export interface AlertHistoryFilter {
  cameraIds: readonly string[];
  type?: AlertType;
  qualification?: AlertQualification;
  /** Opened at or after. */
  from?: Date;
  /** Opened before. */
  to?: Date;
  limit: number;
  offset: number;
}

/** One page of the history and how many alerts match in all. */
export interface AlertHistoryPage {
  alerts: AlertRecord[];
  total: number;
}

/** One anonymous count sample. */
export interface CountSample {
  cameraId: string;
  series: string;
  at: Date;
  in?: number;
  out?: number;
  occupancy?: number;
  density?: number;
  /** How occupancy and density were counted. */
  method?: CountMethod;
}

/** Alert totals and operator verdicts for one type (LEGAL R24). */
export interface AlertTypeStats {
  type: AlertType;
  total: number;
  trueAlerts: number;
  falseAlarms: number;
}

/** Alerts, their notes, and the anonymous count time series. */
export class AlertRepository {
  constructor(private readonly db: Kysely<Tables>) {}

  /** Stores a new open alert. */
  async insert(alert: NewAlert): Promise<void> {
    await this.db
      .insertInto('alerts')
      .values({
        id: alert.id,
        camera_id: alert.cameraId,
        type: alert.type,
        severity: alert.severity,
        status: 'open',
        qualification: null,
        escalated: false,
        zone_id: alert.zoneId ?? null,
        message: alert.message,
        opened_at: alert.openedAt,
        updated_at: alert.openedAt,
        clip_from: alert.clip.from,
        clip_to: alert.clip.to,
        snapshot: alert.snapshot ?? null,
        details: alert.details === undefined ? null : JSON.stringify(alert.details),
        situation_key: alert.situationKey ?? null,
        last_seen_at: alert.openedAt,
        facts: alert.facts === undefined ? null : JSON.stringify(alert.facts),
        duration_s: alert.facts?.durationS ?? null,
        confidence: alert.facts?.confidence ?? null,
        group_id: alert.groupId ?? alert.id,
        shadow: alert.shadow ?? false,
      })
      .execute();
  }

  /** The alert a situation of a camera opened, if stored. */
  async bySituation(cameraId: string, situationKey: string): Promise<AlertRecord | undefined> {
    const row = await this.#records()
      .where('camera_id', '=', cameraId)
      .where('situation_key', '=', situationKey)
      .executeTakeFirst();
    return row === undefined ? undefined : (await this.withNotes([row]))[0];
  }

  /** The latest alert of a camera, zone and type opened at or before a time (to group a new one with). */
  async latestOfKind(
    kind: { cameraId: string; type: AlertType; zoneId?: string },
    before: Date,
  ): Promise<{ id: string; groupId?: string; openedAt: Date } | undefined> {
    const row = await this.db
      .selectFrom('alerts')
      .select(['id', 'group_id', 'opened_at'])
      .where('camera_id', '=', kind.cameraId)
      .where('type', '=', kind.type)
      .where((eb) => (kind.zoneId === undefined ? eb('zone_id', 'is', null) : eb('zone_id', '=', kind.zoneId)))
      .where('opened_at', '<=', before)
      .orderBy('opened_at', 'desc')
      .executeTakeFirst();
    return row === undefined
      ? undefined
      : { id: row.id, openedAt: row.opened_at, ...(row.group_id === null ? {} : { groupId: row.group_id }) };
  }

  /**
   * Records how an alert's situation went on or ended (the operator's status and verdict stay as they are),
   * unless the alert already holds a later report (reports stored side by side can arrive out of order: an
   * earlier "still there" must not reopen an ended situation); whether it was recorded.
   */
  async progress(id: string, progress: AlertProgress): Promise<boolean> {
    const result = await this.db
      .updateTable('alerts')
      .set({
        last_seen_at: progress.lastSeenAt,
        ended_at: progress.endedAt ?? null,
        occurrences: progress.occurrences,
        facts: JSON.stringify(progress.facts),
        duration_s: progress.facts.durationS,
        confidence: progress.facts.confidence ?? null,
        clip_to: progress.clipTo,
        updated_at: progress.at,
        ...definedOnly({ snapshot: progress.snapshot }),
      })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<=', progress.lastSeenAt)]))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Alerts matching a filter, newest first, with their notes. */
  async list(filter: AlertFilter): Promise<AlertRecord[]> {
    if (filter.cameraIds?.length === 0) return [];
    const rows = await this.#filtered(filter).orderBy('opened_at', 'desc').limit(filter.limit).execute();
    return this.withNotes(rows);
  }

  /**
   * One page of the queue: most severe, then newest first, after the cursor's alert; read from the
   * queue index, without snapshots (their own route serves them).
   */
  async queue(filter: AlertFilter, after?: AlertQueuePosition): Promise<AlertRecord[]> {
    if (filter.cameraIds?.length === 0) return [];
    let query = this.#filtered(filter);
    if (after !== undefined)
      query = query.where((eb) =>
        eb(eb.refTuple('severity_rank', 'opened_at', 'id'), '<', eb.tuple(after.rank, after.openedAt, after.id)),
      );
    const rows = await query
      .orderBy('severity_rank', 'desc')
      .orderBy('opened_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .execute();
    return this.withNotes(rows);
  }

  #filtered(filter: Omit<AlertFilter, 'limit'>) {
    let query = this.#records();
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (filter.type !== undefined) query = query.where('type', '=', filter.type);
    if (filter.cameraIds !== undefined) query = query.where('camera_id', 'in', [...filter.cameraIds]);
    if (filter.zoneId !== undefined) query = query.where('zone_id', '=', filter.zoneId);
    if (filter.minConfidence !== undefined) query = query.where('confidence', '>=', filter.minConfidence);
    if (filter.minDurationS !== undefined) query = query.where('duration_s', '>=', filter.minDurationS);
    if (filter.shadow !== undefined) query = query.where('shadow', '=', filter.shadow);
    if (filter.ongoing !== undefined)
      query = query.where('ended_at', filter.ongoing ? 'is' : 'is not', null).where('situation_key', 'is not', null);
    return query;
  }

  // Every column but the snapshot, which only says whether there is one: a list never loads images.
  #records() {
    return this.db
      .selectFrom('alerts')
      .select(recordColumns)
      .select(sql<boolean>`snapshot is not null`.as('has_snapshot'));
  }

  /** One alert with its notes. */
  async get(id: string): Promise<AlertRecord | undefined> {
    const row = await this.#records().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : (await this.withNotes([row]))[0];
  }

  /** The open or acknowledged alert of a type on a camera, if any (e.g. to close "camera offline"). */
  async unresolved(cameraId: string, type: AlertType): Promise<AlertRecord | undefined> {
    const row = await this.#records()
      .where('camera_id', '=', cameraId)
      .where('type', '=', type)
      .where('status', '!=', 'closed')
      .orderBy('opened_at', 'desc')
      .executeTakeFirst();
    return row === undefined ? undefined : (await this.withNotes([row]))[0];
  }

  /** The snapshot of an alert, if it has one. */
  async snapshot(id: string): Promise<Uint8Array | undefined> {
    const row = await this.db.selectFrom('alerts').select('snapshot').where('id', '=', id).executeTakeFirst();
    return row?.snapshot ?? undefined;
  }

  /** Closed alerts matching a filter, newest first, one page, with the total that match. */
  async history(filter: AlertHistoryFilter): Promise<AlertHistoryPage> {
    if (filter.cameraIds.length === 0) return { alerts: [], total: 0 };
    const matching = (eb: ExpressionBuilder<Tables, 'alerts'>) =>
      eb.and([
        eb('status', '=', 'closed'),
        eb('shadow', '=', false),
        eb('camera_id', 'in', [...filter.cameraIds]),
        ...(filter.type === undefined ? [] : [eb('type', '=', filter.type)]),
        ...(filter.qualification === undefined ? [] : [eb('qualification', '=', filter.qualification)]),
        ...(filter.from === undefined ? [] : [eb('opened_at', '>=', filter.from)]),
        ...(filter.to === undefined ? [] : [eb('opened_at', '<', filter.to)]),
      ]);
    const counted = await this.db
      .selectFrom('alerts')
      .where(matching)
      .select((eb) => eb.fn.countAll<string | number | bigint>().as('total'))
      .executeTakeFirst();
    const rows = await this.#records()
      .where(matching)
      .orderBy('opened_at', 'desc')
      .orderBy('id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    return { alerts: await this.withNotes(rows), total: Number(counted?.total ?? 0) };
  }

  /** Changes an alert's status, verdict and escalation, and records a claim when one is made. */
  async update(
    id: string,
    change: {
      status: AlertStatus;
      qualification?: AlertQualification;
      escalated: boolean;
      at: Date;
      claimedBy?: string;
    },
  ): Promise<void> {
    await this.db
      .updateTable('alerts')
      .set({
        status: change.status,
        qualification: change.qualification ?? null,
        escalated: change.escalated,
        updated_at: change.at,
        ...(change.claimedBy === undefined ? {} : { claimed_by: change.claimedBy, claimed_at: change.at }),
      })
      .where('id', '=', id)
      .execute();
  }

  /** Appends a note to an alert. */
  async addNote(alertId: string, note: { by: string; at: Date; text: string }): Promise<void> {
    await this.db
      .insertInto('alert_notes')
      .values({ alert_id: alertId, by_name: note.by, at: note.at, text: note.text })
      .execute();
  }

  /** Alert totals and verdicts per type over a period, on some cameras. */
  async statsByType(range: { from: Date; to: Date }, cameraIds: readonly string[]): Promise<AlertTypeStats[]> {
    if (cameraIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('alerts')
      .select((eb) => [
        'type',
        eb.fn.countAll<string | number | bigint>().as('total'),
        eb.fn
          .sum<string | number | null>(eb.case().when('qualification', '=', 'true_alert').then(1).else(0).end())
          .as('true_alerts'),
        eb.fn
          .sum<string | number | null>(eb.case().when('qualification', '=', 'false_alarm').then(1).else(0).end())
          .as('false_alarms'),
      ])
      .where('opened_at', '>=', range.from)
      .where('opened_at', '<', range.to)
      .where('camera_id', 'in', [...cameraIds])
      .where('shadow', '=', false)
      .groupBy('type')
      .orderBy('type')
      .execute();
    return rows.map((row) => ({
      type: row.type as AlertType,
      total: Number(row.total),
      trueAlerts: Number(row.true_alerts ?? 0),
      falseAlarms: Number(row.false_alarms ?? 0),
    }));
  }

  /** Labels a shadow alert (a supervisor's verdict for the promotion report). */
  async label(id: string, label: { label: ShadowLabel; by: string; at: Date }): Promise<void> {
    await this.db
      .updateTable('alerts')
      .set({ shadow_label: label.label, labelled_by: label.by, labelled_at: label.at, updated_at: label.at })
      .where('id', '=', id)
      .execute();
  }

  /** The labels of a rule's shadow alerts on one camera. */
  async shadowLabels(cameraId: string, type: AlertType): Promise<ShadowLabels> {
    const row = await this.db
      .selectFrom('alerts')
      .select((eb) => [
        eb.fn.countAll<string | number | bigint>().as('total'),
        ...(['true', 'false', 'irrelevant'] as const).map((label) =>
          eb.fn.sum<string | number | null>(eb.case().when('shadow_label', '=', label).then(1).else(0).end()).as(label),
        ),
      ])
      .where('camera_id', '=', cameraId)
      .where('type', '=', type)
      .where('shadow', '=', true)
      .executeTakeFirstOrThrow();
    return {
      shadowAlerts: Number(row.total),
      trueAlerts: Number(row.true ?? 0),
      falseAlarms: Number(row.false ?? 0),
      irrelevant: Number(row.irrelevant ?? 0),
    };
  }

  /**
   * The verdicts given on a rule's alerts of one camera whose situation overlaps a period: supervisors'
   * labels of shadow alerts, operators' qualifications of live ones (true alert, false alarm).
   */
  async verdictsBetween(cameraId: string, type: AlertType, range: { from: Date; to: Date }): Promise<GivenVerdict[]> {
    const rows = await this.db
      .selectFrom('alerts')
      .select(['id', 'opened_at', 'last_seen_at', 'ended_at', 'shadow', 'shadow_label', 'qualification'])
      .where('camera_id', '=', cameraId)
      .where('type', '=', type)
      .where('opened_at', '<', range.to)
      .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>=', range.from)]))
      .execute();
    const verdictOf = (row: (typeof rows)[number]): ShadowLabel | undefined =>
      row.shadow
        ? ((row.shadow_label ?? undefined) as ShadowLabel | undefined)
        : row.qualification === 'true_alert'
          ? 'true'
          : row.qualification === 'false_alarm'
            ? 'false'
            : undefined;
    return rows.flatMap((row) => {
      const verdict = verdictOf(row);
      const from = new Date(row.opened_at);
      const to = new Date(row.ended_at ?? row.last_seen_at ?? row.opened_at);
      return verdict === undefined ? [] : [{ alertId: row.id, from, to, verdict }];
    });
  }

  /**
   * Verdicts per camera, rule, month and mode over a period: supervisors' labels of shadow alerts,
   * operators' qualifications of live ones.
   */
  async precisionByRule(range: { from: Date; to: Date }, cameraId?: string): Promise<RulePrecisionRow[]> {
    const month = sql<string>`to_char(date_trunc('month', opened_at at time zone 'UTC'), 'YYYY-MM-DD')`;
    const verdict = (shadowLabel: string, qualification: string) =>
      sql<
        string | number | null
      >`sum(case when (shadow and shadow_label = ${shadowLabel}) or (not shadow and qualification = ${qualification}) then 1 else 0 end)`;
    let query = this.db
      .selectFrom('alerts')
      .select((eb) => [
        'camera_id',
        'type',
        'shadow',
        month.as('month'),
        eb.fn.countAll<string | number | bigint>().as('total'),
        verdict('true', 'true_alert').as('true_alerts'),
        verdict('false', 'false_alarm').as('false_alarms'),
        sql<string | number | null>`sum(case when shadow_label = 'irrelevant' then 1 else 0 end)`.as('irrelevant'),
      ])
      .where('opened_at', '>=', range.from)
      .where('opened_at', '<', range.to);
    if (cameraId !== undefined) query = query.where('camera_id', '=', cameraId);
    const rows = await query
      .groupBy(['camera_id', 'type', 'shadow', month])
      .orderBy('camera_id')
      .orderBy('type')
      .orderBy(month)
      .execute();
    return rows.map((row) => ({
      cameraId: row.camera_id,
      type: row.type as AlertType,
      month: row.month,
      shadow: row.shadow,
      alerts: Number(row.total),
      trueAlerts: Number(row.true_alerts ?? 0),
      falseAlarms: Number(row.false_alarms ?? 0),
      irrelevant: Number(row.irrelevant ?? 0),
    }));
  }

  /** Deletes alerts of a camera opened before `cutoff` with their snapshots (retention of derived images, R3). */
  async deleteSnapshotsBefore(cameraId: string, cutoff: Date): Promise<number> {
    const result = await this.db
      .updateTable('alerts')
      .set({ snapshot: null })
      .where('camera_id', '=', cameraId)
      .where('opened_at', '<', cutoff)
      .where('snapshot', 'is not', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Stores count samples. */
  async insertCounts(samples: readonly CountSample[]): Promise<void> {
    await insertJsonRows(
      this.db as Kysely<unknown>,
      'count_samples',
      [
        ['camera_id', 'uuid'],
        ['series', 'text'],
        ['at', 'timestamptz'],
        ['in_count', 'integer'],
        ['out_count', 'integer'],
        ['occupancy', 'real'],
        ['density', 'real'],
        ['method', 'text'],
      ],
      samples.map((s) => ({
        camera_id: s.cameraId,
        series: s.series,
        at: s.at,
        in_count: s.in ?? null,
        out_count: s.out ?? null,
        occupancy: s.occupancy ?? null,
        density: s.density ?? null,
        method: s.method ?? null,
      })),
    );
  }

  /** Count samples of some cameras over a period, oldest first. */
  async counts(cameraIds: readonly string[], range: { from: Date; to: Date }): Promise<CountSample[]> {
    if (cameraIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('count_samples')
      .selectAll()
      .where('camera_id', 'in', [...cameraIds])
      .where('at', '>=', range.from)
      .where('at', '<', range.to)
      .orderBy('at')
      .limit(10_000)
      .execute();
    return rows.map((row) => ({
      cameraId: row.camera_id,
      series: row.series,
      at: row.at,
      ...(row.in_count === null ? {} : { in: row.in_count }),
      ...(row.out_count === null ? {} : { out: row.out_count }),
      ...(row.occupancy === null ? {} : { occupancy: row.occupancy }),
      ...(row.density === null ? {} : { density: row.density }),
      ...(row.method === null ? {} : { method: row.method }),
    }));
  }

  private async withNotes(rows: AlertRow[]): Promise<AlertRecord[]> {
    const ids = rows.map((row) => row.id);
    const notes =
      ids.length === 0
        ? []
        : await this.db.selectFrom('alert_notes').selectAll().where('alert_id', 'in', ids).orderBy('id').execute();
    return rows.map((row) => ({
      id: row.id,
      cameraId: row.camera_id,
      type: row.type as AlertType,
      severity: row.severity as AlertSeverity,
      status: row.status as AlertStatus,
      ...(row.qualification === null ? {} : { qualification: row.qualification as AlertQualification }),
      escalated: row.escalated,
      ...(row.claimed_by === null || row.claimed_at === null
        ? {}
        : { claim: { by: row.claimed_by, at: row.claimed_at.toISOString() } }),
      ...(row.zone_id === null ? {} : { zoneId: row.zone_id }),
      message: row.message,
      openedAt: row.opened_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      lastSeenAt: (row.last_seen_at ?? row.opened_at).toISOString(),
      ...(row.ended_at === null ? {} : { endedAt: row.ended_at.toISOString() }),
      occurrences: row.occurrences,
      ...(row.facts === null ? {} : { facts: row.facts as AlertFacts }),
      ...(row.group_id === null ? {} : { groupId: row.group_id }),
      ...(row.shadow ? { shadow: true as const } : {}),
      ...(row.shadow_label === null ? {} : { shadowLabel: row.shadow_label as ShadowLabel }),
      clip: { from: row.clip_from.toISOString(), to: row.clip_to.toISOString() },
      hasSnapshot: row.has_snapshot,
      notes: notes
        .filter((note) => note.alert_id === row.id)
        .map((note) => ({ by: note.by_name, at: note.at.toISOString(), text: note.text })),
    }));
  }
}
