import type { Segment } from '@vigie/core';
import { segmentsOverlapping } from '@vigie/core';

/** One file of an export and the part of it to keep, in seconds from the file's start. */
export interface ExportPart {
  path: string;
  inpoint?: number;
  outpoint?: number;
}

/** Which files make up an export and the time range they really cover. */
export interface ExportPlan {
  parts: ExportPart[];
  from: Date;
  to: Date;
}

/** What to export: segments with the local path of each, and the requested range. */
export interface ExportPlanOptions {
  segments: readonly (Pick<Segment, 'startedAt' | 'endedAt'> & { path: string })[];
  from: Date;
  to: Date;
}

/**
 * Chooses the segments covering [from, to) and where to cut the first and last; undefined when no
 * recording overlaps the range. Cuts land on the keyframe before (stream copy: no quality loss, R12),
 * so an export may start up to one keyframe interval early.
 */
export function planExport(options: ExportPlanOptions): ExportPlan | undefined {
  const chosen = segmentsOverlapping(options.segments, options);
  const first = chosen[0];
  const last = chosen.at(-1);
  if (first === undefined || last === undefined) return undefined;
  const parts = chosen.map((segment): ExportPart => {
    const part: ExportPart = { path: segment.path };
    const start = segment.startedAt.getTime();
    if (options.from.getTime() > start) part.inpoint = (options.from.getTime() - start) / 1000;
    if (options.to.getTime() < segment.endedAt.getTime()) part.outpoint = (options.to.getTime() - start) / 1000;
    return part;
  });
  const from = new Date(Math.max(first.startedAt.getTime(), options.from.getTime()));
  const to = new Date(Math.min(last.endedAt.getTime(), options.to.getTime()));
  return { parts, from, to };
}

function quote(path: string): string {
  return `'${path.replace(/'/g, "'\\''")}'`;
}

/** Writes the ffconcat list (concat demuxer script) for an export's parts. */
export function concatList(parts: readonly ExportPart[]): string {
  const lines = ['ffconcat version 1.0'];
  for (const part of parts) {
    lines.push(`file ${quote(part.path)}`);
    if (part.inpoint !== undefined) lines.push(`inpoint ${part.inpoint.toFixed(3)}`);
    if (part.outpoint !== undefined) lines.push(`outpoint ${part.outpoint.toFixed(3)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Labels written into an exported file, so the file itself says what it shows (R12). */
export interface ExportMetadata {
  cameraId: string;
  cameraName: string;
  from: Date;
  to: Date;
}

/** What to join and where. */
export interface ExportArgsOptions {
  /** Path of the file written from `concatList`. */
  listPath: string;
  output: string;
  metadata: ExportMetadata;
}

/** Builds the arguments that join segments into one MP4 by stream copy (no re-encode, no sound). */
export function exportArgs(options: ExportArgsOptions): string[] {
  const { metadata } = options;
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'concat',
    '-safe',
    '0',
    '-i',
    options.listPath,
    '-map',
    '0:v:0',
    '-an',
    '-c',
    'copy',
    '-movflags',
    '+faststart',
    '-metadata',
    `title=${metadata.cameraName} ${metadata.from.toISOString()} – ${metadata.to.toISOString()}`,
    '-metadata',
    `comment=camera=${metadata.cameraId};from=${metadata.from.toISOString()};to=${metadata.to.toISOString()}`,
    '-metadata',
    `creation_time=${metadata.from.toISOString()}`,
    options.output,
  ];
}
