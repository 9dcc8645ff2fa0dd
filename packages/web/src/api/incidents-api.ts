import { api, type PushEvent } from './client';
import { outcome } from './dpo-api';
import type { Body, Reply } from './schema-types';

/** An incident: its alerts and cameras, state, owner, checklist progress, evidence and timeline. */
export type Incident = Reply<'/api/incidents', 'get', 200>[number];

/** Where an incident stands. */
export type IncidentState = Incident['state'];

/** An incident type and its checklist (standard operating procedure). */
export type IncidentType = Reply<'/api/incident-types', 'get', 200>[number];

/** What a supervisor writes for an incident type. */
export type IncidentTypeInput = Body<'/api/incident-types/{id}', 'put'>;

/** What an operator or supervisor does to an incident. */
export type IncidentAction = Body<'/api/incidents/{id}/actions', 'post'>;

/** A push telling supervisors that a resolution skipped required steps of its procedure. */
export type StepSkippedPush = Extract<PushEvent, { type: 'incident.step_skipped' }>;

/** Incidents and their procedures. */
export const incidentsApi = {
  list: () => outcome(api.GET('/api/incidents', { params: { query: {} } })),
  act: (incidentId: string, body: IncidentAction) =>
    outcome(api.POST('/api/incidents/{id}/actions', { params: { path: { id: incidentId } }, body })),
  types: () => outcome(api.GET('/api/incident-types')),
  saveType: (typeId: string, body: IncidentTypeInput) =>
    outcome(api.PUT('/api/incident-types/{id}', { params: { path: { id: typeId } }, body })),
};

/** The printable report of an incident (opens in its own tab). */
export const incidentReportUrl = (incidentId: string) => `/api/incidents/${encodeURIComponent(incidentId)}/report.html`;
