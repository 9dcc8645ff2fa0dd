import type { AlertRecord, DomainEvent } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraBody, loginAs, openTestApp, type SessionHeaders, type TestApp } from './support.js';

interface ErrorBody {
  error: { code: string; message: string };
}

describe.each(testEngines)('shadow mode of an analytics rule on $name', (engine) => {
  let app: TestApp;
  let supervisor: SessionHeaders;
  let operator: SessionHeaders;
  let dpo: SessionHeaders;
  const published: DomainEvent[] = [];
  beforeAll(async () => {
    app = await openTestApp(engine, undefined, { promotionPolicy: { minLabelled: 5, minPrecision: 0.6 } });
    supervisor = await loginAs(app, ['supervisor']);
    operator = await loginAs(app, ['operator']);
    dpo = await loginAs(app, ['dpo']);
    app.domainEvents.subscribe((e) => void published.push(e));
  });
  afterAll(() => app?.close());

  it('keeps a shadow rule’s alerts off the queue, takes labels, and lets it go live only on its precision report', async () => {
    const created = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: supervisor,
      payload: cameraBody({
        analytics: ['abandoned_object'],
        ruleSettings: { abandoned_object: { mode: 'shadow', params: { abandonedAfterS: 30 } } },
      }),
    });
    expect(created.statusCode).toBe(201);
    const camera = created.json<{ id: string; version: number }>();

    // A rule's settings take only its own thresholds.
    const foreign = await app.http.inject({
      method: 'PATCH',
      url: `/api/cameras/${camera.id}`,
      headers: supervisor,
      payload: { ruleSettings: { abandoned_object: { params: { fireMinFraction: 0.1 } } } },
    });
    expect(foreign.statusCode).toBe(400);

    // Eight shadow alerts: recorded and audited, never in the queue nor pushed.
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const at = new Date(Date.now() - (10 - i) * 60_000);
      const alert = await app.alerts.raise({
        cameraId: camera.id,
        type: 'abandoned_object',
        severity: 'high',
        message: 'object still',
        openedAt: at,
        clip: { from: at, to: at },
        situationKey: `k${i}`,
        facts: { subject: 'object', durationS: 30 },
        shadow: true,
      });
      ids.push(alert.id);
    }
    expect(published.filter((e) => e.type === 'alert.opened')).toEqual([]);
    const queue = (await app.http.inject({ method: 'GET', url: '/api/alerts', headers: supervisor })).json<
      AlertRecord[]
    >();
    expect(queue.filter((a) => a.cameraId === camera.id)).toEqual([]);
    const review = await app.http.inject({ method: 'GET', url: '/api/alerts/review', headers: supervisor });
    expect(review.json<AlertRecord[]>().map((a) => a.id)).toEqual([...ids].reverse());
    expect(review.json<AlertRecord[]>()[0]).toMatchObject({ shadow: true });
    expect((await app.http.inject({ method: 'GET', url: '/api/alerts/review', headers: operator })).statusCode).toBe(
      403,
    );

    const label = (id: string, value: string) =>
      app.http.inject({
        method: 'POST',
        url: `/api/alerts/${id}/label`,
        headers: supervisor,
        payload: { label: value },
      });
    const promote = () =>
      app.http.inject({
        method: 'POST',
        url: `/api/cameras/${camera.id}/rules/abandoned_object/promote`,
        headers: supervisor,
      });
    // 3 true, 1 false, 1 irrelevant: 4 labelled true/false, 5 are needed.
    for (const [i, value] of ['true', 'true', 'true', 'false', 'irrelevant'].entries())
      expect((await label(ids[i]!, value)).statusCode).toBe(200);
    const early = await promote();
    expect(early.statusCode).toBe(409);
    expect(early.json<ErrorBody>().error).toMatchObject({ code: 'SHADOW_EVIDENCE_INSUFFICIENT' });
    expect(early.json<ErrorBody>().error.message).toMatch(/Only 4 .* 5 are needed/);
    // Two more false alarms: 5 labelled, precision 3/6 = 0.5 < 0.6.
    await label(ids[5]!, 'false');
    await label(ids[6]!, 'false');
    const imprecise = await promote();
    expect(imprecise.statusCode).toBe(409);
    expect(imprecise.json<ErrorBody>().error.message).toMatch(/Precision in shadow is 50 %; at least 60 %/);
    // A plain edit cannot take it out of shadow either.
    const silent = await app.http.inject({
      method: 'PATCH',
      url: `/api/cameras/${camera.id}`,
      headers: supervisor,
      payload: { ruleSettings: { abandoned_object: { mode: 'live' } } },
    });
    expect(silent.statusCode).toBe(409);
    expect(silent.json<ErrorBody>().error.code).toBe('RULE_PROMOTION_REQUIRED');

    // One relabelled as true: 4 true / 2 false = 0.67 ≥ 0.6.
    await label(ids[6]!, 'true');
    const page = await app.http.inject({
      method: 'GET',
      url: `/api/cameras/${camera.id}/rules/abandoned_object`,
      headers: supervisor,
    });
    expect(page.json()).toMatchObject({
      mode: 'shadow',
      params: { abandonedAfterS: 30, attendedWithinM: 2 },
      shadow: { shadowAlerts: 8, trueAlerts: 4, falseAlarms: 2, irrelevant: 1 },
      policy: { minLabelled: 5, minPrecision: 0.6 },
    });
    expect(page.json<{ shadow: { precision: number } }>().shadow.precision).toBeCloseTo(4 / 6, 5);
    const promoted = await promote();
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json()).toMatchObject({
      camera: { ruleSettings: { abandoned_object: { mode: 'live', params: { abandonedAfterS: 30 } } } },
      report: { labelled: 6, trueAlerts: 4, falseAlarms: 2, irrelevant: 1 },
    });
    expect(published.filter((e) => e.type === 'camera.updated').at(-1)).toMatchObject({
      camera: { id: camera.id, ruleSettings: { abandoned_object: { mode: 'live' } } },
    });
    const trail = (
      await app.http.inject({ method: 'GET', url: '/api/audit?action=analytics.rule_promoted', headers: dpo })
    ).json<{ cameraId: string; details: { report: { precision: number } } }[]>();
    expect(trail).toHaveLength(1);
    expect(trail[0]?.details.report.precision).toBeCloseTo(4 / 6, 5);
    expect((await promote()).json<ErrorBody>().error.code).toBe('RULE_NOT_IN_SHADOW');
    // A live alert cannot be labelled: it is qualified from the queue.
    const live = await app.alerts.raise({
      cameraId: camera.id,
      type: 'abandoned_object',
      severity: 'high',
      message: 'object still',
      openedAt: new Date(),
      clip: { from: new Date(), to: new Date() },
    });
    expect((await label(live.id, 'true')).json<ErrorBody>().error.code).toBe('ALERT_NOT_SHADOW');

    // The record of processing carries the precision per camera, rule, month and mode.
    const record = await app.http.inject({
      method: 'GET',
      url: '/api/compliance/record-of-processing',
      headers: dpo,
    });
    const evaluation = record.json<{ analyticsEvaluation: Record<string, unknown>[] }>().analyticsEvaluation;
    expect(evaluation).toContainEqual(
      expect.objectContaining({ camera: 'Place du marché', type: 'abandoned_object', mode: 'shadow', alerts: 8 }),
    );
    expect(evaluation.find((e) => e['mode'] === 'shadow')?.['precision']).toBeCloseTo(4 / 6, 5);
  });
});
