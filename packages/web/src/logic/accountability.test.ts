import { describe, expect, it } from 'vitest';
import { answeredRequests, monthLines, statisticsMonths } from './accountability';

const gare = { id: 'c1', name: 'Gare — Parvis' };
const place = { id: 'c2', name: 'Place d’Armes' };
const used = (cameraId: string, month: string, liveViews: number) => ({
  cameraId,
  month,
  liveViews,
  playbacks: 0,
  exportsByPurpose: {},
  alerts: 0,
  alertVerdicts: {},
});

const statistics = {
  cameras: [used('c1', '2026-05', 3), used('c2', '2026-06', 1), used('gone', '2026-06', 2)],
  accessRequests: [{ month: '2026-07', answered: 2, answeredWithinDeadline: 1 }],
};

describe('public accountability figures on the transparency page', () => {
  it('offers the months with figures, newest first, answered requests included', () => {
    expect(statisticsMonths(statistics)).toEqual(['2026-07', '2026-06', '2026-05']);
    expect(statisticsMonths({ cameras: [], accessRequests: [] })).toEqual([]);
  });

  it('gives every listed camera a line (zeros when unused), then removed cameras with figures', () => {
    const lines = monthLines(statistics, [gare, place], '2026-06');
    expect(lines.map((l) => [l.name, l.liveViews])).toEqual([
      ['Gare — Parvis', 0],
      ['Place d’Armes', 1],
      [undefined, 2],
    ]);
    expect(lines[0]).toMatchObject({ cameraId: 'c1', month: '2026-06', exportsByPurpose: {}, alertVerdicts: {} });
  });

  it('counts the month’s answered access requests, zero when none', () => {
    expect(answeredRequests(statistics, '2026-07')).toEqual({ answered: 2, withinDeadline: 1 });
    expect(answeredRequests(statistics, '2026-06')).toEqual({ answered: 0, withinDeadline: 0 });
  });
});
