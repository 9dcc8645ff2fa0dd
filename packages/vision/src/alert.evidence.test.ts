import { describe, expect, it } from 'vitest';
import { clipAround, localTimeText, snapshotCaption } from './alert.evidence.js';

describe('alert evidence', () => {
  it('writes the snapshot time in the city time zone, not UTC', () => {
    const at = new Date('2026-11-30T08:05:09Z');
    expect(localTimeText(at, 'Europe/Paris')).toBe('2026-11-30 09:05:09');
    expect(localTimeText(new Date('2026-07-01T22:30:00Z'), 'Europe/Paris')).toBe('2026-07-02 00:30:00');
    expect(localTimeText(at, 'UTC')).toBe('2026-11-30 08:05:09');
  });

  it('points the clip 10 s around the alert, never before the stream started', () => {
    const startedAt = new Date('2026-11-30T08:00:00Z');
    const padding = { before: 10, after: 10 };
    const early = clipAround(new Date(startedAt.getTime() + 3_200), { startedAt, padding });
    expect(early).toEqual({ from: startedAt, to: new Date(startedAt.getTime() + 13_200) });
    const later = clipAround(new Date(startedAt.getTime() + 60_000), { startedAt, padding });
    expect(later.from).toEqual(new Date(startedAt.getTime() + 50_000));
  });

  it('captions a snapshot with the camera name, the local time and the event in the operators language', () => {
    const at = new Date('2026-11-30T08:15:00Z');
    const caption = { cameraName: 'Gare — Consigne', timeZone: 'Europe/Paris' };
    expect(snapshotCaption({ caption, at, type: 'abandoned_object' })).toEqual([
      'Gare — Consigne',
      '2026-11-30 09:15:00 · Objet abandonné',
    ]);
    expect(snapshotCaption({ caption: { ...caption, language: 'en' }, at, type: 'person_on_ground' })).toEqual([
      'Gare — Consigne',
      '2026-11-30 09:15:00 · Person on the ground',
    ]);
  });
});
