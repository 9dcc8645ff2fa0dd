import { randomUUID } from 'node:crypto';
import {
  applyIncidentAction,
  assertDistinctSteps,
  centreOf,
  defaultIncidentGrouping,
  defaultIncidentTypeId,
  definedOnly,
  incidentToJoin,
  VigieError,
  type AlertRecord,
  type Clock,
  type Incident,
  type IncidentAction,
  type IncidentGrouping,
  type IncidentState,
  type IncidentType,
  type IncidentTypeInput,
  type Location,
  isSystemAlertType,
} from '@vigie/core';
import type { Stores, UnitOfWork } from '@vigie/db';
import type { PersonRequester, Requester } from '../auth/requester.js';
import type { DomainEvents } from '../events/domain-events.js';
import type { CameraService } from './camera.service.js';

/** What an incident report shows: the incident, its procedure, the names of its cameras, its alerts. */
export interface IncidentDossier {
  incident: Incident;
  type: IncidentType;
  cameraNames: Record<string, string>;
  alerts: AlertRecord[];
}

/**
 * Incidents with procedures (issue 15 #5): each live alert joins the incident of nearby cameras still
 * being handled within the grouping window, or opens one; operators take it up, tick its checklist, note,
 * link clips and exports, resolve and close it. Every change is audited in its transaction; a resolution
 * that skips a required step is audited apart and pushed to supervisors.
 */
export class IncidentService {
  readonly #grouping: IncidentGrouping;

  constructor(
    private readonly deps: {
      work: UnitOfWork;
      clock: Clock;
      events: DomainEvents;
      cameras: CameraService;
      grouping?: IncidentGrouping;
      onError: (error: unknown) => void;
    },
  ) {
    this.#grouping = deps.grouping ?? defaultIncidentGrouping;
  }

  /**
   * Files a newly opened alert into an incident (never a shadow alert nor a camera going offline: those
   * are not events in the scene). A failure is reported, never thrown: the alert itself is stored.
   */
  async alertOpened(alert: AlertRecord): Promise<Incident | undefined> {
    if (alert.shadow === true || isSystemAlertType(alert.type)) return undefined;
    try {
      const incident = await this.deps.work((stores) => this.#file(alert, stores));
      this.deps.events.publish({ v: 1, type: 'incident.updated', incident });
      return incident;
    } catch (error) {
      this.deps.onError(error);
      return undefined;
    }
  }

  async #file(alert: AlertRecord, { cameras, incidents, audit }: Stores): Promise<Incident> {
    const openedAt = new Date(alert.openedAt);
    const positions = new Map<string, Location>((await cameras.list()).map((c) => [c.id, c.location]));
    const joinable = await incidents.joinable(new Date(openedAt.getTime() - this.#grouping.windowS * 1000));
    const joinedId = incidentToJoin({
      alert: { id: alert.id, cameraId: alert.cameraId, openedAt },
      incidents: joinable.map((i) => ({ ...i, lastAlertAt: new Date(i.lastAlertAt) })),
      positions,
      grouping: this.#grouping,
    });
    const now = this.deps.clock.now().toISOString();
    const line = { at: now, by: 'system', kind: 'alert_added' as const, text: `${alert.type}: ${alert.message}` };
    const joined = joinable.find((i) => i.id === joinedId);
    if (joined !== undefined) {
      const cameraIds = joined.cameraIds.includes(alert.cameraId)
        ? joined.cameraIds
        : [...joined.cameraIds, alert.cameraId];
      const incident: Incident = {
        ...joined,
        cameraIds,
        alertIds: [...joined.alertIds, alert.id],
        location: centreOf(cameraIds.flatMap((id) => positions.get(id) ?? [])) ?? joined.location,
        lastAlertAt: alert.openedAt,
        updatedAt: now,
        timeline: [...joined.timeline, line],
      };
      await incidents.update(incident);
      await audit.append({
        action: 'incident.alert_added',
        actorName: 'system',
        cameraId: alert.cameraId,
        details: { incident: incident.id, alert: alert.id },
      });
      return incident;
    }
    const incident: Incident = {
      id: randomUUID(),
      typeId: defaultIncidentTypeId,
      title: alert.message.slice(0, 200),
      state: 'new',
      owner: null,
      location: positions.get(alert.cameraId) ?? { lat: 0, lon: 0 },
      cameraIds: [alert.cameraId],
      alertIds: [alert.id],
      openedAt: alert.openedAt,
      lastAlertAt: alert.openedAt,
      updatedAt: now,
      doneSteps: [],
      links: [],
      timeline: [{ ...line, kind: 'opened' }],
    };
    await incidents.insert(incident);
    await audit.append({
      action: 'incident.opened',
      actorName: 'system',
      cameraId: alert.cameraId,
      details: { incident: incident.id, alert: alert.id, type: incident.typeId },
    });
    return incident;
  }

  /** Incidents a viewer may see (one of their cameras is in it), most recently active first. */
  async list(query: { states?: IncidentState[] }, viewer: Requester): Promise<Incident[]> {
    const visible = new Set((await this.deps.cameras.list(viewer)).map((c) => c.id));
    const all = await this.deps.work(({ incidents }) =>
      incidents.list({ ...definedOnly({ states: query.states }), limit: 500 }),
    );
    return all.filter((incident) => incident.cameraIds.some((id) => visible.has(id)));
  }

  /** One incident, if the viewer may see one of its cameras. */
  async get(id: string, viewer: Requester): Promise<Incident> {
    const [incident] = (await this.list({}, viewer)).filter((i) => i.id === id);
    if (incident === undefined) throw new VigieError('INCIDENT_NOT_FOUND', `No incident has id ${id}.`);
    return incident;
  }

  /** Applies an operator's or supervisor's action; audited; a skipped required step notifies supervisors. */
  async act(id: string, action: IncidentAction, by: PersonRequester): Promise<Incident> {
    await this.get(id, by);
    const now = this.deps.clock.now();
    const { incident, skipped } = await this.deps.work(async ({ incidents, audit }) => {
      const current = await incidents.get(id);
      if (current === undefined) throw new VigieError('INCIDENT_NOT_FOUND', `No incident has id ${id}.`);
      const typeId = action.action === 'retype' ? action.typeId : current.typeId;
      const type = await incidents.type(typeId);
      if (type === undefined) throw new VigieError('INCIDENT_TYPE_NOT_FOUND', `No incident type has id ${typeId}.`);
      const change = applyIncidentAction({ incident: current, type, action, by: by.actorName, now });
      await incidents.update(change.incident);
      const cameraId = current.cameraIds[0];
      await audit.append({
        action: 'incident.acted',
        ...by,
        ...definedOnly({ cameraId }),
        details: { incident: id, action: action.action, state: change.incident.state },
      });
      if (change.skipped.length > 0) {
        await audit.append({
          action: 'incident.step_skipped',
          ...by,
          ...definedOnly({ cameraId }),
          details: { incident: id, type: type.id, steps: change.skipped.map((s) => s.id) },
        });
      }
      return change;
    });
    this.deps.events.publish({ v: 1, type: 'incident.updated', incident });
    const cameraId = incident.cameraIds[0];
    if (skipped.length > 0 && cameraId !== undefined) {
      this.deps.events.publish({
        v: 1,
        type: 'incident.step_skipped',
        incidentId: incident.id,
        title: incident.title,
        cameraId,
        resolvedBy: by.actorName,
        steps: skipped,
      });
    }
    return incident;
  }

  /** Every incident type with its checklist. */
  async types(): Promise<IncidentType[]> {
    return this.deps.work(({ incidents }) => incidents.types());
  }

  /** A supervisor creates or rewrites an incident type's checklist; audited. */
  async saveType(id: string, input: IncidentTypeInput, by: PersonRequester): Promise<IncidentType> {
    assertDistinctSteps(input);
    return this.deps.work(async ({ incidents, audit }) => {
      await incidents.saveType(id, input, { by: by.actorName, at: this.deps.clock.now() });
      await audit.append({
        action: 'incident_type.saved',
        ...by,
        details: { type: id, steps: input.steps.map((s) => ({ id: s.id, required: s.required })) },
      });
      return (await incidents.type(id)) as IncidentType;
    });
  }

  /** What the printable report shows: incident, procedure, camera names, alerts. */
  async dossier(id: string, viewer: Requester): Promise<IncidentDossier> {
    const incident = await this.get(id, viewer);
    const cameras = await this.deps.cameras.list(viewer);
    return this.deps.work(async ({ incidents, alerts }) => {
      const type = await incidents.type(incident.typeId);
      if (type === undefined)
        throw new VigieError('INCIDENT_TYPE_NOT_FOUND', `No incident type has id ${incident.typeId}.`);
      const found: AlertRecord[] = [];
      for (const alertId of incident.alertIds) {
        const alert = await alerts.get(alertId);
        if (alert !== undefined) found.push(alert);
      }
      return {
        incident,
        type,
        cameraNames: Object.fromEntries(
          cameras.filter((c) => incident.cameraIds.includes(c.id)).map((c) => [c.id, c.name]),
        ),
        alerts: found,
      };
    });
  }
}
