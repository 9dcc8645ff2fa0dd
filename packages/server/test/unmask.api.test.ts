import { execFile } from 'node:child_process';
import { readdir, readFile, mkdtemp, rm, writeFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { UnmaskLift } from '@vigie/core';
import { definedOnly } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import { locateFfmpeg, runFfmpeg } from '@vigie/media';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorise, cameraBody, openTestApp, tokenAs, type TestApp } from './support.js';

const run = promisify(execFile);
const dir = await mkdtemp(join(tmpdir(), 'vigie-unmask-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/**
 * A shop street: dark blue, a red shop window on the left quarter (liftable mask) and a yellow flat
 * window on the right quarter (permanent mask); 1 s keyframes so that sealed segments are short.
 */
const clip = join(dir, 'street.mp4');
await runFfmpeg(locateFfmpeg().path, [
  ...['-y', '-f', 'lavfi', '-i', 'color=c=0x203080:s=320x240:r=10:d=120'],
  '-vf',
  'drawbox=x=0:y=0:w=80:h=240:color=red:t=fill,drawbox=x=240:y=0:w=80:h=240:color=yellow:t=fill,' +
    "drawbox=x='mod(t*40,120)+100':y=100:w=20:h=20:color=green:t=fill",
  ...['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '10', '-pix_fmt', 'yuv420p', clip],
]);

const band = (x0: number, x1: number) => [
  { x: x0, y: 0 },
  { x: x1, y: 0 },
  { x: x1, y: 1 },
  { x: x0, y: 1 },
];
const masks = [
  { id: 'shop', label: 'Shop window', polygon: band(0, 0.25), liftable: true },
  { id: 'flat', label: 'Flat window', polygon: band(0.75, 1) },
];

/** The first frame of a media file as RGB pixels (320×240). */
async function rgbFrame(bytes: Buffer, name: string): Promise<Buffer> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  const { stdout } = await run(
    locateFfmpeg().path,
    ['-v', 'error', '-i', path, '-frames:v', '1', '-vf', 'scale=320:240', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
    { encoding: 'buffer', maxBuffer: 16 * 1024 * 1024 },
  );
  return stdout;
}

/** Share of the pixels in columns [x0, x1) of the width that pass a colour test. */
function share(pixels: Buffer, columns: [number, number], test: (r: number, g: number, b: number) => boolean): number {
  let hits = 0;
  let n = 0;
  for (let y = 0; y < 240; y++) {
    for (let x = Math.floor(columns[0] * 320); x < Math.floor(columns[1] * 320); x++) {
      const at = (y * 320 + x) * 3;
      if (test(pixels[at] ?? 0, pixels[at + 1] ?? 0, pixels[at + 2] ?? 0)) hits++;
      n++;
    }
  }
  return hits / n;
}

const red = (r: number, g: number, b: number): boolean => r > 150 && g < 90 && b < 90;
const yellow = (r: number, g: number, b: number): boolean => r > 150 && g > 150 && b < 110;
const white = (r: number, g: number, b: number): boolean => r > 215 && g > 215 && b > 215;

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Every file under a directory, recursively. */
async function filesUnder(root: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true }).catch(() => [])) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(path)));
    else found.push(path);
  }
  return found;
}

describe.each(testEngines)('two-person unmasking on $name', (engine) => {
  let app: TestApp;
  let cameraId: string;
  // A clock the test moves forward to let a lift expire; recording keeps real time until then.
  let offsetMs = 0;
  let frozenAt: number | undefined;
  const clock = { now: () => new Date(frozenAt ?? Date.now() + offsetMs) };
  let stopFleet: () => Promise<void>;
  let alice: Record<string, string>;
  let bob: Record<string, string>;
  let dpo: Record<string, string>;
  let operator: Record<string, string>;
  const spoolSeen = new Set<string>();

  const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
    app.http.inject({ method, url, headers, ...definedOnly({ payload }) });
  const code = (response: { body: string }): string =>
    (JSON.parse(response.body) as { error: { code: string } }).error.code;

  beforeAll(async () => {
    app = await openTestApp(engine, clock, { unmaskSecret: 'a secret kept off the recording disk, 32+ chars' });
    // Alice asks and could approve (she holds both roles): she still may not approve her own lift.
    alice = await tokenAs(app, ['supervisor', 'dpo']);
    bob = await tokenAs(app, ['supervisor', 'dpo']);
    dpo = await tokenAs(app, ['dpo']);
    operator = await tokenAs(app, ['operator']);
    const created = await call(
      'POST',
      '/api/cameras',
      alice,
      cameraBody({ name: 'Rue commerçante', sourceUrl: `file://${clip}`, masks }),
    );
    expect(created.statusCode, created.body).toBe(201);
    cameraId = created.json<{ id: string }>().id;
    await authorise(app, cameraId);
    const fleet = await app.startRecording({ segmentSeconds: 2, backoff: { initialMs: 200, maxMs: 1000, factor: 2 } });
    stopFleet = () => fleet.stop();
    // Watch the spool while recording: no file in it may ever hold the unmasked picture in clear.
    const watch = setInterval(() => {
      void filesUnder(join(app.mediaDir, 'recordings', '.spool')).then((files) =>
        files.forEach((f) => spoolSeen.add(f)),
      );
    }, 100);
    await until('8 s of sealed footage', async () => {
      const rows = await app.database.db.selectFrom('sealed_segments').select(['started_at', 'ended_at']).execute();
      const seconds = rows.reduce((s, r) => s + (r.ended_at.getTime() - r.started_at.getTime()) / 1000, 0);
      return seconds >= 8 ? true : undefined;
    });
    clearInterval(watch);
  }, 120_000);
  afterAll(async () => {
    await stopFleet?.();
    await app?.close();
  });

  const lastMinute = () => ({
    start: new Date(clock.now().getTime() - 60_000).toISOString(),
    end: clock.now().toISOString(),
  });

  async function requestLift(by: Record<string, string>): Promise<UnmaskLift> {
    const response = await call('POST', '/api/unmask-lifts', by, {
      cameraId,
      ...lastMinute(),
      reason: 'Break-in at the shop: the window is now a crime scene',
      expiresAt: new Date(clock.now().getTime() + 3_600_000).toISOString(),
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<UnmaskLift>();
  }

  it('keeps the unmasked picture only sealed: storage and spool hold ciphertext, never a playable copy', async () => {
    const sealed = await app.database.db.selectFrom('sealed_segments').selectAll().execute();
    expect(sealed.length).toBeGreaterThan(1);
    for (const row of sealed) {
      const bytes = await readFile(join(app.mediaDir, 'recordings', row.key));
      expect(bytes.subarray(0, 15).toString()).toBe('VIGIE-SEALED-1\n');
      expect(bytes.includes(Buffer.from('ftyp'))).toBe(false);
      expect(bytes.includes(Buffer.from('moof'))).toBe(false);
    }
    const masked = new Set(
      (await app.database.db.selectFrom('segments').select('key').execute()).map((r) => r.key.split('/').at(-1)),
    );
    expect(masked.size).toBeGreaterThan(1);
    // Every picture file ever seen in the spool is a masked segment (the red window black in it).
    const pictures = [...spoolSeen].filter((f) => f.endsWith('.mp4'));
    expect(pictures.length).toBeGreaterThan(0);
    for (const file of [...spoolSeen].filter((f) => f.includes('/sealed/'))) expect(file).toMatch(/\.sealed$/);
    const stored = await filesUnder(join(app.mediaDir, 'recordings'));
    for (const file of stored.filter((f) => f.endsWith('.mp4') && !f.includes('.spool'))) {
      const pixels = await rgbFrame(await readFile(file), 'stored.mp4');
      expect(share(pixels, [0, 0.24], red), file).toBe(0);
    }
  });

  it('refuses a lift where the rules say no: no reason, too long, a permanent-only camera, a non-supervisor', async () => {
    const base = {
      cameraId,
      ...lastMinute(),
      reason: 'Break-in at the shop',
      expiresAt: new Date(clock.now().getTime() + 3_600_000).toISOString(),
    };
    const short = await call('POST', '/api/unmask-lifts', alice, { ...base, reason: 'because' });
    expect(short.statusCode).toBe(400);
    const long = await call('POST', '/api/unmask-lifts', alice, {
      ...base,
      expiresAt: new Date(clock.now().getTime() + 73 * 3_600_000).toISOString(),
    });
    expect(code(long)).toBe('LIFT_INVALID');
    expect((await call('POST', '/api/unmask-lifts', operator, base)).statusCode).toBe(403);
    expect((await call('POST', '/api/unmask-lifts', dpo, base)).statusCode).toBe(403);
  });

  it('serves nothing unmasked before approval, refuses self-approval, then shows the requester a watermarked view', async () => {
    const lift = await requestLift(alice);
    expect(lift.state).toBe('requested');
    const early = await call('GET', `/api/unmask-lifts/${lift.id}/video.mp4`, alice);
    expect(early.statusCode).toBe(403);
    expect(code(early)).toBe('LIFT_NOT_APPROVED');
    const self = await call('POST', `/api/unmask-lifts/${lift.id}/approve`, alice, { note: 'I approve my own' });
    expect(self.statusCode).toBe(403);
    expect(code(self)).toBe('LIFT_SELF_APPROVAL');
    expect((await call('POST', `/api/unmask-lifts/${lift.id}/approve`, operator, { note: 'ok' })).statusCode).toBe(403);
    const approved = await call('POST', `/api/unmask-lifts/${lift.id}/approve`, bob, { note: 'Requisition checked' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<UnmaskLift>()).toMatchObject({
      state: 'approved',
      decidedBy: expect.stringMatching(/^supervisor-dpo-token-/) as unknown,
    });
    const again = await call('POST', `/api/unmask-lifts/${lift.id}/refuse`, dpo, { note: 'too late' });
    expect(code(again)).toBe('LIFT_NOT_PENDING');

    // Bob approved it but did not ask for it: he sees nothing.
    const byBob = await call('GET', `/api/unmask-lifts/${lift.id}/video.mp4`, bob);
    expect(byBob.statusCode).toBe(403);
    expect(code(byBob)).toBe('LIFT_NOT_APPROVED');

    const view = await call('GET', `/api/unmask-lifts/${lift.id}/video.mp4`, alice);
    expect(view.statusCode, view.body.slice(0, 200)).toBe(200);
    expect(view.headers['content-type']).toBe('video/mp4');
    const pixels = await rgbFrame(view.rawPayload, `${engine.name}-view.mp4`);
    // Behind the liftable mask: the red shop window; the permanent mask stays black.
    expect(share(pixels, [0.02, 0.23], red)).toBeGreaterThan(0.5);
    expect(share(pixels, [0.77, 0.98], yellow)).toBe(0);
    // The watermark: white text burnt into the frame, where the source has no white at all.
    expect(share(pixels, [0, 1], white)).toBeGreaterThan(0.001);
    const source = await rgbFrame(await readFile(clip), 'source.mp4');
    expect(share(source, [0, 1], white)).toBe(0);
    expect(share(source, [0.77, 0.98], yellow)).toBeGreaterThan(0.9);

    const trail = (await call('GET', `/api/audit?cameraId=${cameraId}`, dpo)).json<
      { action: string; actorName: string; details?: { lift?: string; code?: string } }[]
    >();
    const steps = trail
      .filter((e) => e.details?.lift === lift.id)
      .map((e) => `${e.action}${e.details?.code === undefined ? '' : `:${e.details.code}`}`);
    expect(steps.sort()).toEqual(
      [
        'unmask.requested',
        'unmask.view_refused:LIFT_NOT_APPROVED',
        'unmask.approved',
        'unmask.view_refused:LIFT_NOT_APPROVED',
        'unmask.viewed',
      ].sort(),
    );
  }, 60_000);

  it('serves no unmasked pixel through any other route: live, playback, export, snapshot', async () => {
    const snapshot = await call('GET', `/api/cameras/${cameraId}/snapshot.jpg`, alice);
    expect(snapshot.statusCode).toBe(200);
    const shots: [string, Buffer][] = [['snapshot', snapshot.rawPayload]];
    const live = await call('POST', `/api/cameras/${cameraId}/live`, alice);
    const { playlistUrl } = live.json<{ playlistUrl: string }>();
    const playlist = (await call('GET', playlistUrl, alice)).body;
    const uri = /^(segments\/\d+\.mp4)$/m.exec(playlist)?.[1] ?? '';
    shots.push(['live', (await call('GET', playlistUrl.replace('index.m3u8', uri), alice)).rawPayload]);
    const { start, end } = lastMinute();
    const playback = await call('POST', `/api/cameras/${cameraId}/playback`, alice, {
      from: start,
      to: end,
      reason: 'Checking what the masks show',
    });
    const playbackUrl = playback.json<{ playlistUrl: string }>().playlistUrl;
    const played = (await call('GET', playbackUrl, alice)).body;
    const first = /^(segments\/[^\s]+)$/m.exec(played)?.[1] ?? '';
    shots.push(['playback', (await call('GET', playbackUrl.replace('index.m3u8', first), alice)).rawPayload]);
    const recorded = await app.database.db
      .selectFrom('segments')
      .select(['started_at', 'ended_at'])
      .orderBy('started_at', 'desc')
      .limit(3)
      .execute();
    const exported = await call('POST', `/api/cameras/${cameraId}/exports`, alice, {
      from: recorded[2]?.started_at.toISOString(),
      to: recorded[0]?.ended_at.toISOString(),
      reason: 'Requisition of the judicial police n° 7',
      purpose: 'public_space_safety',
    });
    expect(exported.statusCode, exported.body).toBe(201);
    shots.push([
      'export',
      (await call('GET', `/api/exports/${exported.json<{ id: string }>().id}/video.mp4`, alice)).rawPayload,
    ]);
    for (const [route, bytes] of shots) {
      const pixels = await rgbFrame(bytes, `${engine.name}-${route}`);
      expect(share(pixels, [0.02, 0.23], red), route).toBe(0);
      expect(
        share(pixels, [0.3, 0.7], (r, g, b) => b > 90 && r < 80),
        route,
      ).toBeGreaterThan(0.5);
    }
  }, 60_000);

  it('lets a lift expire on time, and a refused lift shows nothing', async () => {
    const lift = await requestLift(alice);
    const approved = await call('POST', `/api/unmask-lifts/${lift.id}/approve`, dpo, { note: 'Requisition checked' });
    expect(approved.statusCode, approved.body).toBe(200);
    frozenAt = Date.parse(lift.expiresAt) - 1;
    const last = await call('GET', `/api/unmask-lifts/${lift.id}/video.mp4`, alice);
    expect(last.statusCode, last.body.slice(0, 300)).toBe(200);
    frozenAt += 1;
    const late = await call('GET', `/api/unmask-lifts/${lift.id}/video.mp4`, alice);
    expect(code(late)).toBe('LIFT_EXPIRED');
    const listed = (await call('GET', '/api/unmask-lifts', dpo)).json<UnmaskLift[]>();
    expect(listed.find((l) => l.id === lift.id)?.state).toBe('expired');
    expect((await call('GET', '/api/unmask-lifts', operator)).json<UnmaskLift[]>()).toEqual([]);

    frozenAt = undefined;
    const refused = await requestLift(alice);
    await call('POST', `/api/unmask-lifts/${refused.id}/refuse`, dpo, { note: 'No requisition' });
    expect(code(await call('GET', `/api/unmask-lifts/${refused.id}/video.mp4`, alice))).toBe('LIFT_NOT_APPROVED');
  }, 60_000);

  it('purges sealed segments with retention', async () => {
    await stopFleet();
    offsetMs += 400 * 86_400_000;
    const before = (await app.database.db.selectFrom('sealed_segments').select('key').execute()).map((r) => r.key);
    expect(before.length).toBeGreaterThan(0);
    await app.purge.run();
    expect(await app.database.db.selectFrom('sealed_segments').select('key').execute()).toEqual([]);
    for (const key of before) await expect(stat(join(app.mediaDir, 'recordings', key))).rejects.toThrow();
  }, 60_000);
});
