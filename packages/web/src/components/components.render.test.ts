import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import type { Alert } from '../api/contract';
import { I18nProvider } from '../i18n/i18n';
import { AlertQueue } from './alert-queue';
import { ExportDialog } from './export-dialog';
import { LiveTile } from './live-tile';
import { LiveWall } from './live-wall';
import { PlaybackTimeline } from './playback-timeline';
import { StatsCharts } from './stats-charts';
import { StreamRoles } from './stream-roles';

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
    updatedAt: '2026-11-23T10:00:00Z',
    lastSeenAt: '2026-11-23T10:00:00Z',
    occurrences: 1,
    clip: { from: '2026-11-23T09:59:50Z', to: '2026-11-23T10:00:10Z' },
    hasSnapshot: false,
    notes: [],
    ...over,
  };
}

const never = () => new Promise<never>(() => undefined);
const queueProps = {
  act: async () => undefined,
  selectedId: undefined,
  onSelect: () => undefined,
  me: 'agent',
  timeZone: 'Europe/Paris',
};
const controls = { startLive: never, stopLive: never };
const layouts = { wallLayouts: never, saveWallLayout: never, deleteWallLayout: never };

describe('components for the video and alert API, rendered', () => {
  it('LiveTile names the camera, tells its state, and says there is no image when it is offline', () => {
    const html = render(
      createElement(LiveTile, { camera: { id: 'gare', name: 'Gare — Parvis' }, status: 'offline', ...controls }),
    );
    expect(html).toContain('Gare — Parvis');
    expect(html).toContain('hors ligne');
    expect(html).toContain('Pas d’image : caméra indisponible');
  });

  it('LiveWall shows as many tiles as the layout, the other cameras in its tree, and ALERTE on an alerting camera', () => {
    const cameras = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, name: `Caméra ${id}`, status: 'online' as const }));
    const html = render(
      createElement(LiveWall, {
        cameras,
        alerts: [alert('1', { cameraId: 'c' })],
        initialGrid: 4,
        layouts,
        ...controls,
      }),
    );
    expect(html.match(/<figure/g)).toHaveLength(4);
    expect(html).toMatch(/class="live-tile alerting" data-camera-id="c"/);
    expect(html.match(/ALERTE/g)).toHaveLength(1);
    expect(html).not.toContain('figure class="live-tile" data-camera-id="e"');
    expect(html).toMatch(/<li data-camera-id="e">/);
  });

  it('AlertQueue lists compact cards most severe first and shows the first one in the pane with its actions', () => {
    const alerts = [
      alert('low', { severity: 'low', message: 'petit' }),
      alert('fire', { severity: 'high', type: 'fire_smoke', message: 'fumée' }),
      alert('ack', { severity: 'medium', status: 'acknowledged', message: 'déjà vu' }),
      alert('done', { severity: 'high', status: 'closed', message: 'réglé' }),
    ];
    const html = render(
      createElement(AlertQueue, {
        alerts,
        cameras: [{ id: 'gare', name: 'Gare — Parvis' }],
        ...queueProps,
      }),
    );
    const cards = [...html.matchAll(/class="alert-card [^"]*" data-alert-id="(\w+)"/g)].map((m) => m[1]);
    expect(cards).toEqual(['fire', 'ack', 'low']);
    expect(html).toContain('aria-selected="true" role="option"');
    expect(html).toMatch(/class="alert-detail severity-high"[^>]*data-alert-id="fire"/);
    expect(html).toContain('fumée');
    expect(html).not.toContain('réglé');
    expect(html).toContain('Feu ou fumée');
    expect(html.match(/>Prendre en compte </g)).toHaveLength(1);
    expect(html).toContain('Je m’en occupe');
    expect(html).toContain('3 alerte(s)');
  });

  it('AlertQueue shows the alert image with the detection when the alert has one', () => {
    const html = render(
      createElement(AlertQueue, {
        alerts: [alert('with', { hasSnapshot: true }), alert('without', { cameraId: 'quai', severity: 'low' })],
        cameras: [
          { id: 'gare', name: 'Gare — Consigne' },
          { id: 'quai', name: 'Quai' },
        ],
        ...queueProps,
      }),
    );
    expect(html.match(/<img /g)).toHaveLength(1);
    expect(html).toContain('src="/api/alerts/with/snapshot.jpg"');
    expect(html).toContain('alt="Image de l’alerte « Objet abandonné » sur Gare — Consigne, détection encadrée"');
  });

  it('LiveTile starts no live view of a camera whose authorisation expired, and says why in red', () => {
    const html = render(
      createElement(LiveTile, {
        camera: { id: 'gare', name: 'Gare', authorisation: { state: 'expired', expiresAt: '2026-03-01T12:00:00Z' } },
        status: 'online',
        ...controls,
      }),
    );
    expect(html).toContain('class="authorisation-notice locked" role="alert"');
    expect(html).toContain('l’autorisation préfectorale a expiré le 1 mars 2026');
    const due = render(
      createElement(LiveTile, {
        camera: {
          id: 'gare',
          name: 'Gare',
          authorisation: { state: 'renewal_due', expiresAt: '2027-01-15T12:00:00Z' },
        },
        status: 'online',
        ...controls,
      }),
    );
    expect(due).toContain('class="authorisation-notice renewal"');
    expect(due).not.toContain('Images verrouillées');
  });

  it('ExportDialog offers only the camera’s declared purposes', () => {
    const html = render(
      createElement(ExportDialog, {
        open: false,
        cameraName: 'Gare — Consigne',
        purposes: ['public_space_safety', 'terrorism_prevention'],
        range: { from: Date.parse('2026-11-23T10:00:00Z'), to: Date.parse('2026-11-23T10:01:00Z') },
        onSubmit: async () => undefined,
        onClose: () => undefined,
      }),
    );
    const options = [...html.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
    expect(options).toEqual(['', 'public_space_safety', 'terrorism_prevention']);
    expect(html).toContain('Prévention du terrorisme');
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
        counts: [{ cameraId: 'gare', series: 'line:l', at: '2026-11-23T10:05:00Z', in: 12, out: 3 }],
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

  it('StreamRoles says which stream each use takes: sub for analysis and small tiles when the camera has one', () => {
    const rows = (html: string) =>
      [...html.matchAll(/<th scope="row">([^<]*)<\/th><td>([^<]*)<\/td>/g)].map((m) => `${m[1]}: ${m[2]}`);
    expect(rows(render(createElement(StreamRoles, { hasSubStream: true })))).toEqual([
      'Enregistrement: principal',
      'Analyse: secondaire',
      'Mosaïque (petites vignettes): secondaire',
      'Plein écran (vignette agrandie): principal',
    ]);
    const without = render(createElement(StreamRoles, { hasSubStream: false }));
    expect(rows(without).every((row) => row.endsWith(': principal'))).toBe(true);
    expect(without).toContain('pas de flux secondaire');
  });
});
