import { describe, expect, it } from 'vitest';
import { seriesKey, seriesName, seriesOf } from './count-series';

const gare = {
  id: 'gare',
  name: 'Gare — Consigne',
  lines: [{ id: 'passage', name: 'Passage vers les quais' }],
  zones: [{ id: 'hall', name: 'Hall' }],
};

describe('count series', () => {
  it('lists each series of each camera once', () => {
    const at = '2026-11-23T10:00:00Z';
    const series = seriesOf([
      { cameraId: 'gare', series: 'zone:hall', at, occupancy: 3 },
      { cameraId: 'gare', series: 'line:passage', at, in: 2, out: 1 },
      { cameraId: 'gare', series: 'line:passage', at, in: 1 },
    ]);
    expect(series.map(seriesKey)).toEqual(['gare|line:passage', 'gare|zone:hall']);
  });

  it('names a series by its camera and its line or zone, and by its id when they are gone', () => {
    expect(seriesName({ cameraId: 'gare', series: 'line:passage' }, [gare])).toBe(
      'Gare — Consigne — Passage vers les quais',
    );
    expect(seriesName({ cameraId: 'gare', series: 'zone:hall' }, [gare])).toBe('Gare — Consigne — Hall');
    expect(seriesName({ cameraId: 'gare', series: 'line:removed' }, [gare])).toBe('Gare — Consigne — line:removed');
    expect(seriesName({ cameraId: 'other', series: 'zone:x' }, [gare])).toBe('other — zone:x');
  });
});
