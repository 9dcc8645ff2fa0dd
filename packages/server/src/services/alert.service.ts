import { randomUUID } from 'node:crypto';
import {
  alertGroupOf,
  applyAlertAction,
  cameraDegradedSeverity,
  cameraOfflineSeverity,
  definedOnly,
  storageLowSeverity,
  type SystemAlertType,
  type AlertSeverity,
  alertQueueCursor,
  parseAlertQueueCursor,
  VigieError,
  type AlertAction,
  type AlertQualification,
  type AlertRecord,
  type AlertStatus,
  type AlertType,
  type Clock,
  type ShadowLabel,
} from '@vigie/core';
import type { AlertHistoryPage, AlertProgress, AlertTypeStats, CountSample, NewAlert, UnitOfWork } from '@vigie/db';
import type { DomainEvents } from '../events/domain-events.js';
import type { Requester } from '../auth/requester.js';
import type { CameraService } from './camera.service.js';

/** Which alerts a console asks for. */
export interface AlertQuery {
  status?: AlertStatus;
  cameraId?: string;
  type?: AlertType;
  zoneId?: string;
  minConfidence?: number;
  minDurationS?: number;
  ongoing?: boolean;
}

/** Which closed alerts the history shows: camera, type, verdict, opening period, and the page. */
export interface AlertHistoryQuery {
  cameraId?: string;
  type?: AlertType;
  qualification?: AlertQualification;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

/** A page of the queue: how many at most (default 100, at most 500) and the cursor of the previous page. */
export interface AlertPage {
  limit?: number;
  cursor?: string;
}

/** Alerts of one page, and the cursor of the next when there may be more. */
export interface AlertQueuePage {
  alerts: AlertRecord[];
  nextCursor?: string;
}

const defaultPageSize = 100;
const maxPageSize = 500;

/** Per-type alert figures with the precision operators' verdicts give (LEGAL R24). */
export interface AlertStats extends AlertTypeStats {
  precision: number | null;
}

/** What a raised alert needs; the service gives it an id, a group, and opens it. */
export type RaisedAlert = Omit<NewAlert, 'id' | 'groupId'>;

/** How a stored alert's situation went on or ended, named by camera and situation. */
export interface SituationProgress extends Omit<AlertProgress, 'at'> {
  cameraId: string;
  situationKey: string;
}

const clipSeconds = 10;

/**
 * The operators' alert queue: alerts raised by analytics or by the system (camera offline), the
 * actions operators take on them, and the figures their verdicts give. Every alert and every action
 * is audited (R21); nothing here acts on the world — a human decides (R20).
 */
export class AlertService {
  constructor(
    private readonly deps: {
      work: UnitOfWork;
      clock: Clock;
      events: DomainEvents;
      cameras: CameraService;
      /** Files each live alert into an incident (issue 15 #5). */
      incidents?: { alertOpened: (alert: AlertRecord) => Promise<unknown> };
    },
  ) {}

  /** Stores, audits and pushes a new alert. */
  async raise(raised: RaisedAlert): Promise<AlertRecord> {
    return (await this.#store(raised)) as AlertRecord;
  }

  /**
   * Stores an alert a worker reported, once: a redelivered report (same idempotency key, already
   * stored in the same transaction as the alert) changes nothing and returns undefined.
   */
  raiseOnce(raised: RaisedAlert, idempotencyKey: string): Promise<AlertRecord | undefined> {
    return this.#store(raised, idempotencyKey);
  }

  async #store(raised: RaisedAlert, idempotencyKey?: string): Promise<AlertRecord | undefined> {
    const id = randomUUID();
    const alert = await this.deps.work(async ({ alerts, audit, cluster }) => {
      if (idempotencyKey !== undefined && (await cluster.markIngested([idempotencyKey])).size === 0) return undefined;
      const latest = await alerts.latestOfKind(
        {
          cameraId: raised.cameraId,
          type: raised.type,
          ...definedOnly({ zoneId: raised.zoneId }),
        },
        raised.openedAt,
      );
      await alerts.insert({ ...raised, id, groupId: alertGroupOf({ id, openedAt: raised.openedAt }, latest) });
      await audit.append({
        action: 'alert.opened',
        actorName: 'system',
        cameraId: raised.cameraId,
        rangeStart: raised.clip.from.toISOString(),
        rangeEnd: raised.clip.to.toISOString(),
        details: {
          alert: id,
          type: raised.type,
          severity: raised.severity,
          zone: raised.zoneId ?? null,
          ...(raised.shadow === true ? { shadow: true } : {}),
        },
      });
      return alerts.get(id);
    });
    // A shadow alert is recorded and audited, never pushed to operators' screens.
    if (alert !== undefined && alert.shadow !== true) {
      this.deps.events.publish({ v: 1, type: 'alert.opened', alert });
      await this.deps.incidents?.alertOpened(alert);
    }
    return alert;
  }

  /**
   * Records that an alert's situation goes on (last seen, occurrences, facts, maybe a new snapshot) or
   * ended, and pushes the alert; the operator's status and verdict are left as they are. Once per
   * idempotency key when one is given (a worker's report); unknown situations are ignored.
   */
  async progress(update: SituationProgress, idempotencyKey?: string): Promise<AlertRecord | undefined> {
    const { cameraId, situationKey, ...progress } = update;
    const now = this.deps.clock.now();
    const alert = await this.deps.work(async ({ alerts, audit, cluster }) => {
      const stored = await alerts.bySituation(cameraId, situationKey);
      if (stored === undefined) return undefined;
      if (idempotencyKey !== undefined && (await cluster.markIngested([idempotencyKey])).size === 0) return undefined;
      if (!(await alerts.progress(stored.id, { ...progress, at: now }))) return undefined;
      if (progress.endedAt !== undefined && stored.endedAt === undefined)
        await audit.append({
          action: 'alert.ended',
          actorName: 'system',
          cameraId,
          details: { alert: stored.id, endedAt: progress.endedAt.toISOString(), occurrences: progress.occurrences },
        });
      return alerts.get(stored.id);
    });
    if (alert !== undefined && alert.shadow !== true) this.deps.events.publish({ v: 1, type: 'alert.updated', alert });
    return alert;
  }

  /** The review list: alerts of rules running in shadow on the cameras a viewer may see, newest first. */
  async review(query: { cameraId?: string; type?: AlertType }, viewer: Requester): Promise<AlertRecord[]> {
    const visible = await this.#visibleCameraIds(viewer, query.cameraId);
    return this.deps.work(({ alerts }) =>
      alerts.list({
        ...definedOnly({ type: query.type }),
        cameraIds: visible,
        shadow: true,
        limit: 500,
      }),
    );
  }

  /** A supervisor labels a shadow alert (true / false / irrelevant); audited in the same transaction. */
  async label(id: string, label: ShadowLabel, requester: Requester): Promise<AlertRecord> {
    const current = await this.get(id, requester);
    if (current.shadow !== true)
      throw new VigieError('ALERT_NOT_SHADOW', `Alert ${id} is live; qualify it from the queue instead.`);
    const now = this.deps.clock.now();
    return this.deps.work(async ({ alerts, audit }) => {
      await alerts.label(id, { label, by: requester.actorName, at: now });
      await audit.append({
        action: 'alert.labelled',
        ...requester,
        cameraId: current.cameraId,
        details: { alert: id, type: current.type, label, previous: current.shadowLabel ?? null },
      });
      return (await alerts.get(id)) as AlertRecord;
    });
  }

  /** Opens a "camera offline" alert unless one is still unresolved for that camera. */
  async cameraOffline(cameraId: string, reason: string): Promise<AlertRecord | undefined> {
    return this.#raiseSystemAlert(cameraId, 'camera_offline', cameraOfflineSeverity, reason);
  }

  /** Notes on the unresolved "camera offline" alert that video is back (an operator still closes it). */
  async cameraBackOnline(cameraId: string): Promise<void> {
    await this.#noteSystemAlert(cameraId, 'camera_offline', (now) => `Video back at ${now.toISOString()}.`);
  }

  /** Opens a technical "camera degraded" notice unless one is unresolved, with what the measures call for. */
  async cameraDegraded(cameraId: string, message: string): Promise<AlertRecord | undefined> {
    return this.#raiseSystemAlert(cameraId, 'camera_degraded', cameraDegradedSeverity, message);
  }

  /** Notes on the unresolved "camera degraded" notice that the stream is healthy again (an operator still closes it). */
  async cameraHealthy(cameraId: string): Promise<void> {
    await this.#noteSystemAlert(cameraId, 'camera_degraded', (now) => `Stream healthy again at ${now.toISOString()}.`);
  }

  /** Opens a "disk low" alert on a recording camera unless one is unresolved: its recording stops when the disk is full. */
  async storageLow(cameraId: string, message: string): Promise<AlertRecord | undefined> {
    return this.#raiseSystemAlert(cameraId, 'storage_low', storageLowSeverity, message);
  }

  /** Notes on the unresolved "disk low" alert that space is back (an operator still closes it). */
  async storageRecovered(cameraId: string, note: string): Promise<void> {
    await this.#noteSystemAlert(cameraId, 'storage_low', () => note);
  }

  async #raiseSystemAlert(
    cameraId: string,
    type: SystemAlertType,
    severity: AlertSeverity,
    message: string,
  ): Promise<AlertRecord | undefined> {
    const open = await this.deps.work(({ alerts }) => alerts.unresolved(cameraId, type));
    if (open !== undefined) return undefined;
    const now = this.deps.clock.now();
    return this.raise({
      cameraId,
      type,
      severity,
      message,
      openedAt: now,
      clip: { from: new Date(now.getTime() - clipSeconds * 1000), to: now },
    });
  }

  async #noteSystemAlert(cameraId: string, type: SystemAlertType, text: (now: Date) => string): Promise<void> {
    const open = await this.deps.work(({ alerts }) => alerts.unresolved(cameraId, type));
    if (open === undefined) return;
    const now = this.deps.clock.now();
    const alert = await this.deps.work(async ({ alerts }) => {
      await alerts.addNote(open.id, { by: 'system', at: now, text: text(now) });
      return (await alerts.get(open.id)) as AlertRecord;
    });
    this.deps.events.publish({ v: 1, type: 'alert.updated', alert });
  }

  /** One page of the alerts a viewer may see, most severe then newest first (no snapshots: their own route serves them). */
  async list(query: AlertQuery, viewer: Requester, page: AlertPage = {}): Promise<AlertQueuePage> {
    const after = page.cursor === undefined ? undefined : parseAlertQueueCursor(page.cursor);
    if (page.cursor !== undefined && after === undefined)
      throw new VigieError('VALIDATION_FAILED', 'This page cursor is not one the alert list gave.', [
        { path: '/cursor', reason: 'is not a cursor from the previous page' },
      ]);
    const limit = Math.min(page.limit ?? defaultPageSize, maxPageSize);
    const visible = await this.#visibleCameraIds(viewer, query.cameraId);
    const alerts = await this.deps.work(({ alerts }) =>
      alerts.queue(
        {
          ...definedOnly({
            status: query.status,
            type: query.type,
            zoneId: query.zoneId,
            minConfidence: query.minConfidence,
            minDurationS: query.minDurationS,
            ongoing: query.ongoing,
          }),
          cameraIds: visible,
          shadow: false,
          limit,
        },
        after,
      ),
    );
    const last = alerts.at(-1);
    return last === undefined || alerts.length < limit ? { alerts } : { alerts, nextCursor: alertQueueCursor(last) };
  }

  /** The closed alerts a viewer may see, newest first, one page at a time with the total that match. */
  async history(query: AlertHistoryQuery, viewer: Requester): Promise<AlertHistoryPage> {
    const { cameraId, page, pageSize, ...filter } = query;
    const visible = await this.#visibleCameraIds(viewer, cameraId);
    return this.deps.work(({ alerts }) =>
      alerts.history({ ...filter, cameraIds: visible, limit: pageSize, offset: (page - 1) * pageSize }),
    );
  }

  /** One alert, if the viewer may see its camera. */
  async get(id: string, viewer: Requester): Promise<AlertRecord> {
    const alert = await this.deps.work(({ alerts }) => alerts.get(id));
    if (alert === undefined) throw notFound(id);
    await this.deps.cameras.get(alert.cameraId, viewer).catch(() => {
      throw notFound(id);
    });
    return alert;
  }

  /** The alert's snapshot JPEG (detection drawn). */
  async snapshot(id: string, viewer: Requester): Promise<Uint8Array> {
    await this.get(id, viewer);
    const jpeg = await this.deps.work(({ alerts }) => alerts.snapshot(id));
    if (jpeg === undefined)
      throw new VigieError('NO_RECORDING', 'This alert has no snapshot (or it passed its retention).');
    return jpeg;
  }

  /** Applies an operator action; audited in the same transaction and pushed to consoles. */
  async act(id: string, action: AlertAction, requester: Requester): Promise<AlertRecord> {
    await this.get(id, requester);
    const now = this.deps.clock.now();
    const alert = await this.deps.work(async ({ alerts, audit }) => {
      const current = await alerts.get(id);
      if (current === undefined) throw notFound(id);
      const change = applyAlertAction(current, action);
      const { claim, ...rest } = change;
      await alerts.update(id, { ...rest, at: now, ...(claim === true ? { claimedBy: requester.actorName } : {}) });
      if (change.note !== undefined) await alerts.addNote(id, { by: requester.actorName, at: now, text: change.note });
      await audit.append({
        action: 'alert.acted',
        ...requester,
        cameraId: current.cameraId,
        details: { alert: id, ...action, status: change.status },
      });
      return (await alerts.get(id)) as AlertRecord;
    });
    this.deps.events.publish({ v: 1, type: 'alert.updated', alert });
    return alert;
  }

  /** Stores anonymous count samples. */
  async recordCounts(samples: readonly CountSample[]): Promise<void> {
    await this.deps.work(({ alerts }) => alerts.insertCounts(samples));
  }

  /** Count samples of the cameras a viewer may see over a period. */
  async counts(query: { cameraId?: string; from: Date; to: Date }, viewer: Requester): Promise<CountSample[]> {
    const visible = await this.#visibleCameraIds(viewer, query.cameraId);
    return this.deps.work(({ alerts }) => alerts.counts(visible, query));
  }

  /** Alert totals and precision per type over a period, on the cameras a viewer may see. */
  async stats(range: { from: Date; to: Date }, viewer: Requester): Promise<AlertStats[]> {
    const visible = await this.#visibleCameraIds(viewer);
    const rows = await this.deps.work(({ alerts }) => alerts.statsByType(range, visible));
    return rows.map((row) => {
      const judged = row.trueAlerts + row.falseAlarms;
      return { ...row, precision: judged === 0 ? null : row.trueAlerts / judged };
    });
  }

  async #visibleCameraIds(viewer: Requester, only?: string): Promise<string[]> {
    const ids = (await this.deps.cameras.list(viewer)).map((c) => c.id);
    return only === undefined ? ids : ids.filter((id) => id === only);
  }
}

function notFound(id: string): VigieError {
  return new VigieError('ALERT_NOT_FOUND', `No alert has id ${id}.`);
}
