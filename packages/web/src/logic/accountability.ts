import type { Transparency } from '../api/client';

type Statistics = NonNullable<Transparency['statistics']>;
/** One camera's month of use, as the transparency route publishes it. */
export type CameraMonth = Statistics['cameras'][number];

/** The months that have figures (camera use or answered access requests), newest first. */
export function statisticsMonths(statistics: Statistics): string[] {
  const months = new Set([...statistics.cameras, ...statistics.accessRequests].map((row) => row.month));
  return [...months].sort((a, b) => b.localeCompare(a));
}

/** A camera's line for a month: its published figures, or zeros when nothing happened. */
export interface MonthLine extends CameraMonth {
  /** The camera's public name; undefined for a camera no longer listed (removed since). */
  name: string | undefined;
}

/**
 * Every listed camera's figures for one month (zeros where it was not used), in the page's camera order,
 * then any removed camera that still has figures that month.
 */
export function monthLines(
  statistics: Statistics,
  cameras: readonly { id: string; name: string }[],
  month: string,
): MonthLine[] {
  const rows = new Map(statistics.cameras.filter((r) => r.month === month).map((r) => [r.cameraId, r]));
  const listed = cameras.map((camera): MonthLine => ({
    ...(rows.get(camera.id) ?? {
      cameraId: camera.id,
      month,
      liveViews: 0,
      playbacks: 0,
      exportsByPurpose: {},
      alerts: 0,
      alertVerdicts: {},
    }),
    name: camera.name,
  }));
  const known = new Set(cameras.map((c) => c.id));
  const removed = [...rows.values()].filter((r) => !known.has(r.cameraId)).map((r) => ({ ...r, name: undefined }));
  return [...listed, ...removed];
}

/** The access requests answered in a month, and how many of them within their deadline. */
export function answeredRequests(statistics: Statistics, month: string): { answered: number; withinDeadline: number } {
  const row = statistics.accessRequests.find((r) => r.month === month);
  return { answered: row?.answered ?? 0, withinDeadline: row?.answeredWithinDeadline ?? 0 };
}
