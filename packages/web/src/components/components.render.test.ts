import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import type { Alert } from '../api/contract';
import { I18nProvider } from '../i18n/i18n';
import { AlertQueue } from './alert-queue';
import { LiveTile } from './live-tile';
import { LiveWall } from './live-wall';
import { PlaybackTimeline } from './playback-timeline';
import { StatsCharts } from './stats-charts';

// Server-side rendering shows what each component displays from its props, before any effect runs
// (no live session is started here): the console's state a person sees first.
function render(element: ReactElement): string {
  return renderToStaticMarkup(
    createElement(I18nProvider, { children: createElement(Router, { ssrPath: '/', children: element }) }),
  );
}

beforeAll(() => {
  const store = new Map<string, string>();
  globalThis.localStorage = {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => void store.set(key, value),
  } as Storage;
});

function alert(id: string, over: Partial<Alert> = {}): Alert {
  return {
    id,
    cameraId: 'gare',
    type: 'abandoned_object',
    severity: 'medium',
    status: 'open',
    escalated: false,
    message: `message ${id}`,
    openedAt: '2026-11-23T10:00:00Z',
    clip: { from: '2026-11-23T09:59:50Z', to: '2026-11-23T10:00:10Z' },
    notes: [],
    ...over,
  };
}

const never = () => new Promise<never>(() => undefined);
const controls = { startLive: never, stopLive: never };

describe('components for the video and alert API, rendered', () => {
  it('LiveTile names the camera, tells its state, and says there is no image when it is offline', () => {
    const html = render(
      createElement(LiveTile, { camera: { id: 'gare', name: 'Gare — Parvis' }, status: 'offline', ...controls }),
    );
    expect(html).toContain('Gare — Parvis');
    expect(html).toContain('hors ligne');
    expect(html).toContain('Pas d’image : caméra indisponible');
  });

  it('LiveWall shows as many tiles as the layout, and a red frame with ALERTE on a camera with an open alert', () => {
    const cameras = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, name: `Caméra ${id}`, status: 'online' as const }));
    const html = render(
      createElement(LiveWall, { cameras, alerts: [alert('1', { cameraId: 'c' })], initialLayout: 4, ...controls }),
    );
    expect(html.match(/<figure/g)).toHaveLength(4);
    expect(html).toMatch(/class="live-tile alerting" data-camera-id="c"/);
    expect(html.match(/ALERTE/g)).toHaveLength(1);
    expect(html).not.toContain('Caméra e');
  });

  it('AlertQueue lists open alerts most severe first, with acknowledge only on open ones', () => {
    const alerts = [
      alert('low', { severity: 'low', message: 'petit' }),
      alert('crit', { severity: 'critical', type: 'fire_smoke', message: 'fumée' }),
      alert('ack', { severity: 'high', status: 'acknowledged', message: 'déjà vu' }),
    ];
    const html = render(
      createElement(AlertQueue, {
        alerts,
        cameras: [{ id: 'gare', name: 'Gare — Parvis' }],
        onAct: async () => undefined,
      }),
    );
    expect(html.indexOf('fumée')).toBeLessThan(html.indexOf('petit'));
    expect(html).not.toContain('déjà vu');
    expect(html).toContain('Feu ou fumée');
    expect(html.match(/Prendre en compte/g)).toHaveLength(2);
    expect(html).toContain('2 alerte(s)');
  });

  it('PlaybackTimeline draws recorded spans and gaps where they fall, and exposes the playhead as a slider', () => {
    const from = Date.parse('2026-11-23T10:00:00Z');
    const html = render(
      createElement(PlaybackTimeline, {
        window: { from, to: from + 3_600_000 },
        ranges: [{ start: '2026-11-23T10:00:00Z', end: '2026-11-23T10:30:00Z' }],
        gaps: [{ start: '2026-11-23T10:30:00Z', end: '2026-11-23T10:45:00Z' }],
        events: [{ id: 'e1', at: '2026-11-23T10:10:00Z', label: 'Objet abandonné' }],
        position: from + 600_000,
        onSeek: () => undefined,
      }),
    );
    expect(html).toContain('class="recorded" x="0" y="20" width="500"');
    expect(html).toContain('fill="url(#gap-hatch)" x="500" y="20" width="250"');
    expect(html).toContain('role="slider"');
    expect(html).toContain(`aria-valuenow="${from + 600_000}"`);
    expect(html).toContain('Objet abandonné');
  });

  it('StatsCharts shows precision per type as a percentage, and "non jugé" when nothing was judged', () => {
    const from = Date.parse('2026-11-23T10:00:00Z');
    const html = render(
      createElement(StatsCharts, {
        counts: [{ cameraId: 'gare', lineId: 'l', at: '2026-11-23T10:05:00Z', in: 12, out: 3 }],
        alertStats: [
          { type: 'intrusion', total: 8, trueAlerts: 6, falseAlarms: 2, precision: 0.75 },
          { type: 'wrong_way', total: 1, trueAlerts: 0, falseAlarms: 0, precision: null },
        ],
        window: { from, to: from + 3_600_000 },
      }),
    );
    expect(html).toContain('75 %');
    expect(html).toContain('non jugé');
    expect(html).toContain('entrées: 12');
  });
});
