import type { AlertRecord, WallLayout } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import { fullAudience, type PushEvent } from '@vigie/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraBody, loginAs, openTestApp, type SessionHeaders, type TestApp } from './support.js';

interface HistoryPage {
  alerts: AlertRecord[];
  total: number;
  page: number;
  pageSize: number;
}

describe.each(testEngines)('operator wall and alarm handling on $name', (engine) => {
  let app: TestApp;
  let first: SessionHeaders;
  let colleague: SessionHeaders;
  let market: string;
  let station: string;
  const pushed: PushEvent[] = [];

  const raise = (cameraId: string, type: 'intrusion' | 'person_on_ground', openedAt: string) =>
    app.alerts.raise({
      cameraId,
      type,
      severity: type === 'person_on_ground' ? 'high' : 'medium',
      message: `${type} test`,
      openedAt: new Date(openedAt),
      clip: { from: new Date(openedAt), to: new Date(Date.parse(openedAt) + 10_000) },
    });
  const act = (headers: SessionHeaders, id: string, payload: Record<string, unknown>) =>
    app.http.inject({ method: 'POST', url: `/api/alerts/${id}/actions`, headers, payload });
  const history = async (headers: SessionHeaders, query: string) => {
    const response = await app.http.inject({ method: 'GET', url: `/api/alerts/history?${query}`, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<HistoryPage>();
  };

  beforeAll(async () => {
    app = await openTestApp(engine);
    app.events.subscribe(
      () => fullAudience,
      (event) => pushed.push(event),
    );
    first = await loginAs(app, ['supervisor']);
    colleague = await loginAs(app, ['supervisor']);
    market = (await app.cameras.create(cameraBody({ name: 'Marché' }) as never, { actorName: 'test' })).id;
    station = (await app.cameras.create(cameraBody({ name: 'Gare' }) as never, { actorName: 'test' })).id;
  });
  afterAll(() => app?.close());

  it('records who claims an alert, acknowledges it, audits it and pushes it to colleagues', async () => {
    const alert = await raise(market, 'intrusion', '2026-11-30T08:00:00Z');
    const claimed = await act(first, alert.id, { action: 'claim' });
    expect(claimed.statusCode, claimed.body).toBe(200);
    const record = claimed.json<AlertRecord>();
    expect(record.status).toBe('acknowledged');
    expect(record.claim?.by).toMatch(/^supervisor-/);

    const seen = await app.http.inject({ method: 'GET', url: `/api/alerts/${alert.id}`, headers: colleague });
    expect(seen.json<AlertRecord>().claim?.by).toBe(record.claim?.by);
    const push = pushed.find((e) => e.type === 'alert.updated' && e.alert.id === alert.id);
    expect(push?.type === 'alert.updated' ? push.alert.claim?.by : undefined).toBe(record.claim?.by);

    const trail = await app.http.inject({
      method: 'GET',
      url: '/api/audit?action=alert.acted',
      headers: await loginAs(app, ['dpo']),
    });
    expect(trail.json<{ details: Record<string, unknown> }[]>().some((e) => e.details['action'] === 'claim')).toBe(
      true,
    );

    const takenOver = (await act(colleague, alert.id, { action: 'claim' })).json<AlertRecord>();
    expect(takenOver.claim?.by).not.toBe(record.claim?.by);
  });

  it('refuses to claim a closed alert', async () => {
    const alert = await raise(market, 'intrusion', '2026-11-30T08:30:00Z');
    await act(first, alert.id, { action: 'qualify', qualification: 'false_alarm' });
    const refused = await act(first, alert.id, { action: 'claim' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('ALERT_CLOSED');
  });

  it('pages closed alerts newest first and filters them by camera, type, verdict and date', async () => {
    const closed: string[] = [];
    for (const [index, camera] of [market, station, market, station, market].entries()) {
      const alert = await raise(
        camera,
        index % 2 === 0 ? 'intrusion' : 'person_on_ground',
        `2026-11-2${index}T10:00:00Z`,
      );
      const qualification = index === 4 ? 'false_alarm' : 'true_alert';
      await act(first, alert.id, { action: 'qualify', qualification });
      closed.push(alert.id);
    }
    await raise(station, 'person_on_ground', '2026-11-29T10:00:00Z'); // still open: never in the history

    const all = await history(first, 'pageSize=2');
    expect(all.total).toBe(6); // five here and the false alarm of the previous test
    expect(all.alerts.map((a) => a.openedAt)).toEqual(['2026-11-30T08:30:00.000Z', '2026-11-24T10:00:00.000Z']);
    const second = await history(first, 'pageSize=2&page=2');
    expect(second.alerts.map((a) => a.id)).toEqual([closed[3], closed[2]]);

    expect((await history(first, `cameraId=${station}`)).alerts.map((a) => a.id)).toEqual([closed[3], closed[1]]);
    expect((await history(first, 'type=person_on_ground')).total).toBe(2);
    expect((await history(first, `qualification=false_alarm&cameraId=${market}`)).total).toBe(2);
    const window = await history(first, 'from=2026-11-21T00:00:00Z&to=2026-11-23T00:00:00Z');
    expect(window.alerts.map((a) => a.id)).toEqual([closed[2], closed[1]]);

    const unknownKey = await app.http.inject({ method: 'GET', url: '/api/alerts/history?sort=asc', headers: first });
    expect(unknownKey.statusCode).toBe(400);
  });

  it('keeps each operator’s saved walls apart, refuses unknown cameras, and audits changes', async () => {
    const layout = {
      grid: 4,
      tiles: [{ cameraIds: [market] }, { cameraIds: [] }, { cameraIds: [market, station], dwellS: 15 }],
    };
    const saved = await app.http.inject({
      method: 'PUT',
      url: `/api/me/wall-layouts/${encodeURIComponent('Nuit calme')}`,
      headers: first,
      payload: layout,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const mine = (await app.http.inject({ method: 'GET', url: '/api/me/wall-layouts', headers: first })).json<
      WallLayout[]
    >();
    expect(mine).toEqual([expect.objectContaining({ name: 'Nuit calme', ...layout })]);
    const theirs = await app.http.inject({ method: 'GET', url: '/api/me/wall-layouts', headers: colleague });
    expect(theirs.json<WallLayout[]>()).toEqual([]);

    const stranger = await app.http.inject({
      method: 'PUT',
      url: '/api/me/wall-layouts/x',
      headers: first,
      payload: { grid: 1, tiles: [{ cameraIds: ['00000000-0000-4000-8000-000000000000'] }] },
    });
    expect(stranger.json<{ error: { code: string } }>().error.code).toBe('CAMERA_NOT_FOUND');

    const removed = await app.http.inject({
      method: 'DELETE',
      url: `/api/me/wall-layouts/${encodeURIComponent('Nuit calme')}`,
      headers: first,
    });
    expect(removed.statusCode).toBe(204);
    const again = await app.http.inject({ method: 'DELETE', url: '/api/me/wall-layouts/Nuit', headers: first });
    expect(again.json<{ error: { code: string } }>().error.code).toBe('WALL_LAYOUT_NOT_FOUND');
    const trail = await app.http.inject({
      method: 'GET',
      url: '/api/audit?action=wall_layout.saved',
      headers: await loginAs(app, ['dpo']),
    });
    expect(trail.json<unknown[]>()).toHaveLength(1);
  });
});
