import type { Incident, IncidentType, IncidentTypeInput } from '@vigie/core';
import type { Kysely, Selectable } from 'kysely';
import type { IncidentTable, IncidentTypeTable, Tables } from './tables.js';

function toType(row: Selectable<IncidentTypeTable>): IncidentType {
  return {
    id: row.id,
    name: row.name,
    steps: row.steps as IncidentType['steps'],
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
  };
}

function toIncident(row: Selectable<IncidentTable>): Incident {
  return {
    id: row.id,
    typeId: row.type_id,
    title: row.title,
    state: row.state as Incident['state'],
    owner: row.owner,
    location: { lat: row.lat, lon: row.lon },
    cameraIds: row.camera_ids,
    alertIds: row.alert_ids,
    openedAt: row.opened_at.toISOString(),
    lastAlertAt: row.last_alert_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    doneSteps: row.done_steps as Incident['doneSteps'],
    links: row.links as Incident['links'],
    timeline: row.timeline as Incident['timeline'],
  };
}

function toRow(incident: Incident) {
  return {
    type_id: incident.typeId,
    title: incident.title,
    state: incident.state,
    owner: incident.owner,
    lat: incident.location.lat,
    lon: incident.location.lon,
    camera_ids: JSON.stringify(incident.cameraIds),
    alert_ids: JSON.stringify(incident.alertIds),
    opened_at: incident.openedAt,
    last_alert_at: incident.lastAlertAt,
    updated_at: incident.updatedAt,
    done_steps: JSON.stringify(incident.doneSteps),
    links: JSON.stringify(incident.links),
    timeline: JSON.stringify(incident.timeline),
  };
}

/** Incident types (checklists) and incidents. */
export class IncidentRepository {
  constructor(private readonly db: Kysely<Tables>) {}

  /** Every incident type, by name. */
  async types(): Promise<IncidentType[]> {
    const rows = await this.db.selectFrom('incident_types').selectAll().orderBy('name').execute();
    return rows.map(toType);
  }

  /** One incident type. */
  async type(id: string): Promise<IncidentType | undefined> {
    const row = await this.db.selectFrom('incident_types').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toType(row);
  }

  /** Creates or replaces an incident type's name and checklist. */
  async saveType(id: string, input: IncidentTypeInput, change: { by: string; at: Date }): Promise<void> {
    const values = {
      name: input.name,
      steps: JSON.stringify(input.steps),
      updated_by: change.by,
      updated_at: change.at,
    };
    await this.db
      .insertInto('incident_types')
      .values({ id, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
  }

  /** Stores a new incident. */
  async insert(incident: Incident): Promise<void> {
    await this.db
      .insertInto('incidents')
      .values({ id: incident.id, ...toRow(incident) })
      .execute();
  }

  /** Replaces an incident's stored state. */
  async update(incident: Incident): Promise<void> {
    await this.db.updateTable('incidents').set(toRow(incident)).where('id', '=', incident.id).execute();
  }

  /** One incident. */
  async get(id: string): Promise<Incident | undefined> {
    const row = await this.db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toIncident(row);
  }

  /** Incidents, most recently active first; only those in the given states when some are named. */
  async list(query: { states?: readonly Incident['state'][]; limit: number }): Promise<Incident[]> {
    let select = this.db.selectFrom('incidents').selectAll();
    if (query.states !== undefined && query.states.length > 0) select = select.where('state', 'in', [...query.states]);
    const rows = await select.orderBy('last_alert_at', 'desc').limit(query.limit).execute();
    return rows.map(toIncident);
  }

  /** Incidents still being handled whose latest alert came at or after `since`: those an alert may join. */
  async joinable(since: Date): Promise<Incident[]> {
    const rows = await this.db
      .selectFrom('incidents')
      .selectAll()
      .where('state', 'in', ['new', 'in_progress'])
      .where('last_alert_at', '>=', since)
      .execute();
    return rows.map(toIncident);
  }
}
