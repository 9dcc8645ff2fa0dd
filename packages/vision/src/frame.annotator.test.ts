import type { AnalyticsEvent, VideoFrame } from '@vigie/core';
import { describe, expect, it } from 'vitest';
import { fontMetrics, glyph } from './bitmap.font.js';
import type { Track } from './byte.tracker.js';
import { annotateFrame } from './frame.annotator.js';
import { textCells, textWidth, type RgbImage } from './raster.drawing.js';
import { definedOnly } from '@vigie/core';

/** White pixels (the label text on a black frame). */
function whitePixels(img: { data: Uint8Array }): number {
  let n = 0;
  for (let i = 0; i < img.data.length; i += 3)
    if (img.data[i] === 255 && img.data[i + 1] === 255 && img.data[i + 2] === 255) n++;
  return n;
}

const frame: VideoFrame = { data: new Uint8Array(320 * 180), width: 320, height: 180, format: 'gray', t: 0 };
const event = (region: AnalyticsEvent['region']): AnalyticsEvent => ({
  type: 'abandoned_object',
  t: 0,
  ...definedOnly({ region }),
  reason: 'test',
});

describe('annotateFrame', () => {
  it('keeps a label whole inside the frame when its box is at the right or bottom edge', () => {
    const centre = whitePixels(annotateFrame(frame, { events: [event({ x: 0.3, y: 0.3, w: 0.1, h: 0.1 })] }));
    expect(centre).toBeGreaterThan(50);
    for (const region of [
      { x: 0.97, y: 0.3, w: 0.03, h: 0.1 },
      { x: 0.3, y: 0.9, w: 0.1, h: 0.1 },
      { x: 0.98, y: 0.98, w: 0.02, h: 0.02 },
    ])
      expect(whitePixels(annotateFrame(frame, { events: [event(region)] }))).toBe(centre);
  });
});

/** The characters drawn in white at (x, y), cell after cell, read back by matching each cell against the font. */
function readText(img: RgbImage, at: { x: number; y: number; scale: number; cells: number }): string {
  const known = textCells('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 :-—·?…ÉÈÀÇÔ');
  let text = '';
  for (let i = 0; i < at.cells; i++) {
    const cell = new Uint8Array(fontMetrics.width * fontMetrics.height);
    for (let gy = 0; gy < fontMetrics.height; gy++)
      for (let gx = 0; gx < fontMetrics.width; gx++) {
        const x = at.x + (i * fontMetrics.advance + gx) * at.scale;
        const k = ((at.y + gy * at.scale) * img.width + x) * 3;
        cell[gy * fontMetrics.width + gx] = img.data[k] === 255 && img.data[k + 1] === 255 ? 1 : 0;
      }
    text += known.find((ch) => glyph(ch).every((v, j) => v === cell[j])) ?? '¤';
  }
  return text;
}

describe('annotateFrame as evidence', () => {
  const wide: VideoFrame = { data: new Uint8Array(640 * 360).fill(90), width: 640, height: 360, format: 'gray', t: 0 };
  const scale = 2;
  const row = (fontMetrics.height + 2) * scale;
  const track: Track = {
    id: 2,
    label: 'suitcase',
    box: { x: 0.1, y: 0.5, w: 0.1, h: 0.2 },
    score: 0.9,
    vx: 0,
    vy: 0,
    confirmed: true,
    firstT: 0,
    lastT: 0,
    hits: 9,
    history: [],
  };

  it('writes the French camera name, time and event name with their accents and dashes, never as "?"', () => {
    const img = annotateFrame(wide, {
      caption: ['Hôtel de Ville — Entrée', '2026-11-30 09:15:00 · Objet abandonné'],
      evidence: { eventName: () => 'Objet abandonné' },
    });
    const first = readText(img, { x: 2 * scale, y: 2 * scale, scale, cells: 23 });
    expect(first).toBe('HÔTEL DE VILLE — ENTRÉE');
    const second = readText(img, { x: 2 * scale, y: 2 * scale + row, scale, cells: 37 });
    expect(second).toBe('2026-11-30 09:15:00 · OBJET ABANDONNÉ');
    expect(first + second).not.toContain('?');
  });

  it('names the event in the given words, whole inside the frame, and draws no track number or zone id', () => {
    const name = 'Objet abandonné';
    const img = annotateFrame(wide, {
      tracks: [track],
      zones: [
        {
          id: 'z-7f3a',
          kind: 'object_watch',
          polygon: [
            { x: 0.05, y: 0.4 },
            { x: 0.3, y: 0.4 },
            { x: 0.3, y: 0.9 },
          ],
        },
      ],
      events: [event({ x: 0.85, y: 0.75, w: 0.15, h: 0.25 })],
      evidence: { eventName: () => name },
    });
    // Pushed left of the right edge and above the bottom one (it would start at x = 544 and be cut).
    const x = wide.width - textWidth(name, scale) - 2 * scale;
    const y = wide.height - row;
    expect(readText(img, { x, y, scale, cells: name.length })).toBe('OBJET ABANDONNÉ');
    // The only white ink is that label: no "#2 SUITCASE", no "z-7f3a OBJECT_WATCH", no "ABANDONED_OBJECT".
    expect(whitePixels(img)).toBe(
      whitePixels(
        annotateFrame(wide, {
          events: [event({ x: 0.85, y: 0.75, w: 0.15, h: 0.25 })],
          evidence: { eventName: () => name },
        }),
      ),
    );
    const debug = annotateFrame(wide, { tracks: [track], events: [event({ x: 0.85, y: 0.75, w: 0.15, h: 0.25 })] });
    expect(
      readText(debug, { x: wide.width - textWidth('abandoned_object', scale) - 2 * scale, y, scale, cells: 16 }),
    ).toBe('ABANDONED¤OBJECT');
  });

  it('cuts a caption longer than the frame with "…" instead of running off its edge', () => {
    const long = 'Rue de Famars — Carrefour avec le boulevard Henri Harpignies, mât nord-est';
    expect(textWidth(long, scale)).toBeGreaterThan(wide.width);
    const img = annotateFrame(wide, { caption: [long] });
    const cells = Math.floor((wide.width - 4 * scale) / scale + 1) / fontMetrics.advance;
    const read = readText(img, { x: 2 * scale, y: 2 * scale, scale, cells: Math.floor(cells) });
    expect(read.endsWith('…')).toBe(true);
    expect(read.startsWith('RUE DE FAMARS — CARREFOUR')).toBe(true);
  });
});
