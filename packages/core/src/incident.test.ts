import { describe, expect, it } from 'vitest';
import { applyIncidentAction } from './incident-action.js';
import { distanceM, groupAlerts, incidentToJoin, type IncidentGrouping } from './incident-grouping.js';
import {
  incidentStates,
  incidentTransitions,
  type Incident,
  type IncidentState,
  type IncidentType,
} from './incident.js';

// Lyon: the station forecourt, its left-luggage hall 120 m east, and a bridge 1.9 km away.
const parvis = { id: '00000000-0000-4000-8000-000000000001', location: { lat: 45.7606, lon: 4.8593 } };
const consigne = { id: '00000000-0000-4000-8000-000000000002', location: { lat: 45.7606, lon: 4.8608 } };
const pont = { id: '00000000-0000-4000-8000-000000000003', location: { lat: 45.7571, lon: 4.8352 } };
const positions = new Map([parvis, consigne, pont].map((c) => [c.id, c.location]));
const grouping: IncidentGrouping = { distanceM: 300, windowS: 600 };
const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 13, minute));

describe('incident grouping', () => {
  it('measures map distances in metres', () => {
    expect(Math.round(distanceM(parvis.location, consigne.location))).toBe(116);
    expect(distanceM(parvis.location, pont.location)).toBeGreaterThan(1800);
  });

  it('groups alerts of nearby cameras within the window, and keeps a far camera and a late alert apart', () => {
    const alerts = [
      { id: 'a1', cameraId: parvis.id, openedAt: at(0) },
      { id: 'a2', cameraId: consigne.id, openedAt: at(4) },
      { id: 'b1', cameraId: pont.id, openedAt: at(5) },
      { id: 'a3', cameraId: parvis.id, openedAt: at(13) },
      { id: 'c1', cameraId: consigne.id, openedAt: at(40) },
    ];
    // a3 is 9 min after a2 (window slides with the latest alert); c1 comes 27 min after the group went quiet.
    expect(groupAlerts(alerts, positions, grouping)).toEqual([['a1', 'a2', 'a3'], ['b1'], ['c1']]);
    expect(groupAlerts(alerts, positions, { distanceM: 100, windowS: 900 })).toEqual([
      ['a1', 'a3'],
      ['a2'],
      ['b1'],
      ['c1'],
    ]);
  });

  it('joins only incidents still being handled, the most recently active first', () => {
    const alert = { id: 'x', cameraId: consigne.id, openedAt: at(10) };
    const incident = (id: string, state: IncidentState, minute: number) => ({
      id,
      state,
      cameraIds: [parvis.id],
      lastAlertAt: at(minute),
    });
    expect(incidentToJoin({ alert, positions, grouping, incidents: [incident('r', 'resolved', 9)] })).toBeUndefined();
    expect(
      incidentToJoin({
        alert,
        positions,
        grouping,
        incidents: [incident('old', 'new', 2), incident('busy', 'in_progress', 8)],
      }),
    ).toBe('busy');
    expect(
      incidentToJoin({
        alert: { ...alert, cameraId: 'unknown' },
        positions,
        grouping,
        incidents: [incident('n', 'new', 9)],
      }),
    ).toBeUndefined();
  });
});

const type: IncidentType = {
  id: 'general',
  name: 'Procédure générale',
  steps: [
    { id: 'verify', label: 'Lever le doute sur la vidéo en direct', required: true },
    { id: 'police', label: 'Prévenir la police municipale', required: true },
    { id: 'summary', label: 'Rédiger la synthèse', required: false },
  ],
  updatedBy: 'seed',
  updatedAt: at(0).toISOString(),
};
const fresh: Incident = {
  id: '00000000-0000-4000-8000-00000000000a',
  typeId: 'general',
  title: 'Intrusion — Gare',
  state: 'new',
  owner: null,
  location: parvis.location,
  cameraIds: [parvis.id],
  alertIds: [],
  openedAt: at(0).toISOString(),
  lastAlertAt: at(0).toISOString(),
  updatedAt: at(0).toISOString(),
  doneSteps: [],
  links: [],
  timeline: [],
};

describe('incident actions', () => {
  const act = (incident: Incident, action: Parameters<typeof applyIncidentAction>[0]['action'], by = 'opérateur') =>
    applyIncidentAction({ incident, type, action, by, now: at(5) });

  it('allows exactly new → in progress → resolved → closed, and reopening a resolved incident', () => {
    const allowed = incidentStates.flatMap((from) => incidentTransitions[from].map((to) => `${from}→${to}`));
    expect(allowed).toEqual(['new→in_progress', 'in_progress→resolved', 'resolved→in_progress', 'resolved→closed']);
    expect(() => act(fresh, { action: 'resolve', summary: 'fin' })).toThrow(
      expect.objectContaining({ code: 'INCIDENT_TRANSITION_INVALID' }),
    );
    expect(() => act(fresh, { action: 'close' })).toThrow(
      expect.objectContaining({ code: 'INCIDENT_TRANSITION_INVALID' }),
    );
    const started = act(fresh, { action: 'start' }).incident;
    expect(started).toMatchObject({ state: 'in_progress', owner: 'opérateur' });
    const resolved = act(started, { action: 'resolve', summary: 'Fausse alerte' }).incident;
    const reopened = act(resolved, { action: 'reopen', reason: 'Nouvelle intrusion' }).incident;
    expect(reopened.state).toBe('in_progress');
    const closed = act(act(reopened, { action: 'resolve', summary: 'fin' }).incident, { action: 'close' }).incident;
    expect(closed.state).toBe('closed');
    expect(() => act(closed, { action: 'start' })).toThrow(expect.objectContaining({ code: 'INCIDENT_CLOSED' }));
    expect(act(closed, { action: 'note', note: 'PV transmis' }).incident.timeline.at(-1)).toMatchObject({
      kind: 'note',
      text: 'PV transmis',
    });
  });

  it('names the required steps skipped at resolution, and none when they were done', () => {
    const started = act(fresh, { action: 'start' }).incident;
    const verified = act(started, { action: 'step', stepId: 'verify' }).incident;
    const { incident, skipped } = act(verified, { action: 'resolve', summary: 'Individu parti' }, 'superviseur');
    expect(skipped.map((s) => s.id)).toEqual(['police']);
    expect(incident.timeline.map((e) => `${e.kind}: ${e.text}`)).toEqual([
      'state_changed: new → in_progress',
      'owner_changed: opérateur',
      'step_done: Lever le doute sur la vidéo en direct',
      'step_skipped: Prévenir la police municipale',
      'state_changed: in_progress → resolved: Individu parti',
    ]);
    const complete = act(verified, { action: 'step', stepId: 'police' }).incident;
    expect(act(complete, { action: 'resolve', summary: 'fin' }).skipped).toEqual([]);
    expect(() => act(started, { action: 'step', stepId: 'pompiers' })).toThrow(
      expect.objectContaining({ code: 'INCIDENT_STEP_UNKNOWN' }),
    );
  });
});
