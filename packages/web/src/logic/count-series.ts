import type { CountSample } from '../api/contract';

/** One counting series of one camera: a line (`line:<id>`) or a zone (`zone:<id>`). */
export interface CountSeries {
  cameraId: string;
  series: string;
}

/** The geometry of a camera that names its series. */
export interface SeriesNamer {
  id: string;
  name: string;
  lines: readonly { id: string; name: string }[];
  zones: readonly { id: string; name: string }[];
}

/** A stable key for a series of a camera (for a select or a React key). */
export function seriesKey(s: CountSeries): string {
  return `${s.cameraId}|${s.series}`;
}

/** The distinct series of the samples, in order of camera then series. */
export function seriesOf(samples: readonly CountSample[]): CountSeries[] {
  const keys = new Map(samples.map((s) => [seriesKey(s), { cameraId: s.cameraId, series: s.series }]));
  return [...keys.values()].sort((a, b) => a.cameraId.localeCompare(b.cameraId) || a.series.localeCompare(b.series));
}

/** What a person calls a series: "camera — line or zone name"; the series id when the camera no longer has it. */
export function seriesName(s: CountSeries, cameras: readonly SeriesNamer[]): string {
  const camera = cameras.find((c) => c.id === s.cameraId);
  const [kind, id] = s.series.split(':', 2);
  const shapes = kind === 'line' ? camera?.lines : kind === 'zone' ? camera?.zones : undefined;
  const shape = shapes?.find((shape) => shape.id === id);
  return `${camera?.name ?? s.cameraId} — ${shape?.name ?? s.series}`;
}
