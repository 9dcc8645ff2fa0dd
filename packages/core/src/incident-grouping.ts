import type { Location } from './camera.js';
import type { IncidentState } from './incident.js';

/** How near and how close in time alerts must be to form one incident. */
export interface IncidentGrouping {
  /** Metres between two cameras' positions on the map. */
  distanceM: number;
  /** Seconds between an alert and the incident's latest alert. */
  windowS: number;
}

/** Cameras within 300 m, alerts within 10 minutes: one street corner, one event. */
export const defaultIncidentGrouping: IncidentGrouping = { distanceM: 300, windowS: 600 };

const earthRadiusM = 6_371_000;

/** Great-circle distance between two map positions, in metres (haversine). */
export function distanceM(a: Location, b: Location): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** An alert as grouping sees it. */
export interface GroupableAlert {
  id: string;
  cameraId: string;
  openedAt: Date;
}

/** An incident as grouping sees it. */
export interface GroupableIncident {
  id: string;
  state: IncidentState;
  cameraIds: readonly string[];
  lastAlertAt: Date;
}

/**
 * The incident an alert joins, or undefined for a new one: among incidents not yet resolved, the one whose
 * latest alert came at most `windowS` before this one and that has a camera within `distanceM` of the
 * alert's camera; the most recently active when several do. A camera without a known position joins
 * only incidents it is already part of.
 */
export function incidentToJoin(input: {
  alert: GroupableAlert;
  incidents: readonly GroupableIncident[];
  positions: ReadonlyMap<string, Location>;
  grouping: IncidentGrouping;
}): string | undefined {
  const { alert, positions, grouping } = input;
  const here = positions.get(alert.cameraId);
  const near = (cameraId: string): boolean => {
    if (cameraId === alert.cameraId) return true;
    const there = positions.get(cameraId);
    return here !== undefined && there !== undefined && distanceM(here, there) <= grouping.distanceM;
  };
  const candidates = input.incidents.filter((incident) => {
    const gap = alert.openedAt.getTime() - incident.lastAlertAt.getTime();
    return (
      (incident.state === 'new' || incident.state === 'in_progress') &&
      gap >= 0 &&
      gap <= grouping.windowS * 1000 &&
      incident.cameraIds.some(near)
    );
  });
  candidates.sort((a, b) => b.lastAlertAt.getTime() - a.lastAlertAt.getTime());
  return candidates[0]?.id;
}

/**
 * Groups alerts, oldest first, as they would have been grouped when they arrived: each joins an incident
 * by `incidentToJoin` or starts one (named by its first alert's id). Returns the groups of alert ids.
 */
export function groupAlerts(
  alerts: readonly GroupableAlert[],
  positions: ReadonlyMap<string, Location>,
  grouping: IncidentGrouping,
): string[][] {
  const incidents: (GroupableIncident & { cameraIds: string[]; alertIds: string[] })[] = [];
  for (const alert of [...alerts].sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime())) {
    const joined = incidentToJoin({ alert, incidents, positions, grouping });
    const incident = incidents.find((i) => i.id === joined);
    if (incident === undefined) {
      incidents.push({
        id: alert.id,
        state: 'new',
        cameraIds: [alert.cameraId],
        alertIds: [alert.id],
        lastAlertAt: alert.openedAt,
      });
    } else {
      incident.alertIds.push(alert.id);
      if (!incident.cameraIds.includes(alert.cameraId)) incident.cameraIds.push(alert.cameraId);
      incident.lastAlertAt = alert.openedAt;
    }
  }
  return incidents.map((incident) => incident.alertIds);
}

/** The centre of some map positions (an incident's place on the map: the mean of its cameras'). */
export function centreOf(points: readonly Location[]): Location | undefined {
  if (points.length === 0) return undefined;
  return {
    lat: points.reduce((sum, p) => sum + p.lat, 0) / points.length,
    lon: points.reduce((sum, p) => sum + p.lon, 0) / points.length,
  };
}
