import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, tokenAs, type TestApp } from './support.js';

let now = new Date('2026-06-15T10:00:00Z');
const clock: Clock = { now: () => now };

const citizen = {
  date: '2026-06-14',
  from: '08:00',
  to: '08:30',
  place: 'Parvis de la gare',
  description: 'Veste rouge, sac à dos bleu.',
  contact: { name: 'Camille Martin', email: 'camille.martin@example.org' },
};

/** The messages in the outbox, decoded: recipient, subject and text. */
async function outbox(app: TestApp): Promise<{ to: string; subject: string; text: string }[]> {
  const folder = join(app.mediaDir, 'outbox');
  const names = (await readdir(folder).catch(() => [])).sort();
  return Promise.all(
    names.map(async (name) => {
      const [head = '', body = ''] = (await readFile(join(folder, name), 'utf8')).split('\r\n\r\n');
      const field = (key: string) => /^(.*)$/m.exec(head.split(`${key}: `)[1] ?? '')?.[1] ?? '';
      const subject = /=\?UTF-8\?B\?(.*)\?=/.exec(field('Subject'))?.[1] ?? '';
      return {
        to: field('To'),
        subject: Buffer.from(subject, 'base64').toString(),
        text: Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString(),
      };
    }),
  );
}

describe.each(testEngines)('access-request deadlines: extension and reminder (LEGAL R15) on $name', (engine) => {
  let app: TestApp;
  let dpo: Record<string, string>;

  beforeAll(async () => {
    app = await openTestApp(engine, clock);
    dpo = await tokenAs(app, ['dpo']);
  });
  afterAll(() => app?.close());

  it('extends a deadline by two months once, telling the requester why; reminds the DPO five days before', async () => {
    now = new Date('2026-06-15T10:00:00Z');
    const receipt = await app.http.inject({ method: 'POST', url: '/api/access-requests', payload: citizen });
    const { reference } = receipt.json<{ reference: string }>();
    const list = await app.http.inject({ method: 'GET', url: '/api/access-requests', headers: dpo });
    const id = list.json<{ id: string; reference: string }[]>().find((r) => r.reference === reference)?.id ?? '';

    // Twenty-six days on, the deadline (15 July) is within five days: the DPO is reminded, once.
    now = new Date('2026-07-09T10:00:00Z');
    expect(await app.accessRequests.remindDeadlines()).toEqual([]);
    now = new Date('2026-07-11T10:00:00Z');
    expect(await app.accessRequests.remindDeadlines()).toEqual([reference]);
    expect(await app.accessRequests.remindDeadlines()).toEqual([]);

    const reason = 'Les images de trois caméras doivent être floutées une à une : la demande est complexe.';
    const extended = await app.http.inject({
      method: 'POST',
      url: `/api/access-requests/${id}/extension`,
      headers: dpo,
      payload: { reason },
    });
    expect(extended.statusCode, extended.body).toBe(200);
    expect(extended.json()).toMatchObject({
      dueAt: '2026-09-15T10:00:00.000Z',
      extension: { at: '2026-07-11T10:00:00.000Z', reason },
      overdue: false,
    });
    const again = await app.http.inject({
      method: 'POST',
      url: `/api/access-requests/${id}/extension`,
      headers: dpo,
      payload: { reason },
    });
    expect(again.json<{ error: { code: string } }>().error.code).toBe('ACCESS_REQUEST_EXTENSION_REFUSED');

    // The extended deadline gets its own reminder, five days before 15 September.
    expect(await app.accessRequests.remindDeadlines()).toEqual([]);
    now = new Date('2026-09-11T10:00:00Z');
    expect(await app.accessRequests.remindDeadlines()).toEqual([reference]);

    // Two reminders to the DPO, one letter to the requester (files of the same instant come in any order).
    const messages = await outbox(app);
    expect(messages.map((m) => m.to).sort()).toEqual([
      'camille.martin@example.org',
      'dpo@example.org',
      'dpo@example.org',
    ]);
    const letter = messages.find((m) => m.to === 'camille.martin@example.org');
    expect(letter?.text).toContain(reason);
    expect(letter?.text).toContain('2026-09-15');
    expect(messages.find((m) => m.to === 'dpo@example.org')?.subject).toContain(reference);
    const trail = await app.http.inject({
      method: 'GET',
      url: '/api/audit?action=access_request.deadline_extended',
      headers: dpo,
    });
    expect(trail.json<{ details: Record<string, unknown> }[]>().map((e) => e.details)).toEqual([
      { requestId: id, reference, from: '2026-07-15T10:00:00.000Z', to: '2026-09-15T10:00:00.000Z' },
    ]);
  });

  it('refuses to extend a deadline already past', async () => {
    now = new Date('2026-06-15T10:00:00Z');
    const receipt = await app.http.inject({
      method: 'POST',
      url: '/api/access-requests',
      payload: citizen,
      remoteAddress: '192.0.2.77',
    });
    const { reference } = receipt.json<{ reference: string }>();
    const list = await app.http.inject({ method: 'GET', url: '/api/access-requests', headers: dpo });
    const id = list.json<{ id: string; reference: string }[]>().find((r) => r.reference === reference)?.id ?? '';
    now = new Date('2026-07-16T10:00:00Z');
    const late = await app.http.inject({
      method: 'POST',
      url: `/api/access-requests/${id}/extension`,
      headers: dpo,
      payload: { reason: 'Trop tard pour prolonger ce délai.' },
    });
    expect(late.json<{ error: { code: string } }>().error.code).toBe('ACCESS_REQUEST_EXTENSION_REFUSED');
  });
});
