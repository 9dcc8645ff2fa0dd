import type { AnalysisZone, AnalyticsEvent, AnalyticsEventType, CountingLine, VideoFrame } from '@vigie/core';
import { fontMetrics } from './bitmap.font.js';
import type { Track } from './byte.tracker.js';
import type { LeftObject } from './rule.context.js';
import {
  drawText,
  fitText,
  rgbCopy,
  strokeBox,
  strokePolygon,
  textWidth,
  type Rgb,
  type RgbImage,
} from './raster.drawing.js';

/** What to draw over a frame. */
export interface Annotations {
  tracks?: readonly Track[];
  leftObjects?: readonly LeftObject[];
  zones?: readonly AnalysisZone[];
  lines?: readonly CountingLine[];
  /** Events to highlight: a thick red box around their region and their type. */
  events?: readonly AnalyticsEvent[];
  /** Lines of text at the top left (camera, time, event), each cut with '…' to the frame's width. */
  caption?: readonly string[];
  /**
   * Evidence for an operator (alert snapshots): tracks, zones and lines drawn without their numbers
   * or ids, events named in the operator's words. Without it (annotated videos for tuning), tracks
   * carry their ephemeral numbers, zones and lines their ids, events their type.
   */
  evidence?: { eventName: (type: AnalyticsEventType) => string };
}

const colours = {
  person: [40, 220, 70],
  object: [60, 200, 255],
  left: [255, 150, 0],
  event: [255, 30, 30],
  line: [255, 230, 0],
  text: [255, 255, 255],
  label: [0, 0, 0],
} as const satisfies Record<string, Rgb>;

const zoneColours: Record<AnalysisZone['kind'], Rgb> = {
  forbidden: [255, 60, 60],
  count: [0, 220, 220],
  density: [230, 80, 230],
  one_way: [255, 230, 0],
  object_watch: [255, 150, 0],
};

/**
 * Draws zones, counting lines, tracks (class colour, and ephemeral number unless `evidence`), left
 * objects and the highlighted events over a copy of the frame; the frame itself is left as analysed.
 * Pure raster drawing, no identity: boxes and numbers only. Every label stays inside the frame.
 */
export function annotateFrame(frame: VideoFrame, what: Annotations): RgbImage {
  const img = rgbCopy(frame);
  const scale = Math.max(1, Math.floor(img.width / 320));
  const thin = scale;
  const fit = (text: string) => fitText(text, { maxWidth: img.width - 4 * scale, scale });
  // A label stays whole inside the frame: cut to its width, moved left of the right edge, above the bottom one.
  const label = (whole: string, at: { x: number; y: number }, background: Rgb) => {
    const text = fit(whole);
    drawText(img, text, {
      x: Math.min(Math.max(scale, at.x * img.width), img.width - textWidth(text, scale) - 2 * scale),
      y: Math.min(
        Math.max(scale, at.y * img.height - (fontMetrics.height + 2) * scale),
        img.height - (fontMetrics.height + 2) * scale,
      ),
      color: colours.text,
      background,
      scale,
    });
  };
  const ids = what.evidence === undefined;
  for (const zone of what.zones ?? []) {
    const colour = zoneColours[zone.kind];
    strokePolygon(img, zone.polygon, { color: colour, thickness: thin, closed: true });
    const first = zone.polygon[0];
    if (first !== undefined && ids) label(`${zone.id} ${zone.kind}`, { x: first.x, y: first.y + 0.06 }, colour);
  }
  for (const line of what.lines ?? []) {
    strokePolygon(img, [line.a, line.b], { color: colours.line, thickness: thin + 1, closed: false });
    if (ids) label(line.id, line.a.y < line.b.y ? { x: line.a.x, y: line.a.y + 0.06 } : line.b, colours.label);
  }
  for (const o of what.leftObjects ?? []) strokeBox(img, o.box, { color: colours.left, thickness: thin });
  for (const tr of what.tracks ?? []) {
    const colour = tr.label === 'person' ? colours.person : colours.object;
    strokeBox(img, tr.box, { color: colour, thickness: thin });
    if (ids) label(tr.label === 'person' ? `#${tr.id}` : `#${tr.id} ${tr.label}`, tr.box, colours.label);
  }
  for (const e of what.events ?? []) {
    const region = e.region ?? { x: 0, y: 0, w: 1, h: 1 };
    strokeBox(img, region, { color: colours.event, thickness: 2 * thin + 1 });
    label(what.evidence?.eventName(e.type) ?? e.type, { x: region.x, y: region.y + region.h + 0.07 }, colours.event);
  }
  (what.caption ?? []).forEach((line, i) =>
    drawText(img, fit(line), {
      x: 2 * scale,
      y: 2 * scale + i * (fontMetrics.height + 2) * scale,
      color: colours.text,
      background: colours.label,
      scale,
    }),
  );
  return img;
}
