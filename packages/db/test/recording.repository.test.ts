import { randomUUID } from 'node:crypto';
import { cameraSettingsFromInput, frenchProfile, systemClock } from '@vigie/core';
import { AlertRepository, CameraRepository, RecordingRepository, type VigieDatabase } from '@vigie/db';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const camera = randomUUID();
const other = randomUUID();
const t = (iso: string): Date => new Date(`2026-11-23T${iso}Z`);

function segment(cameraId: string, start: string, end: string, n: number) {
  return {
    cameraId,
    key: `${cameraId}/${n}.mp4`,
    startedAt: t(start),
    endedAt: t(end),
    bytes: 5_000_000_000 + n,
    sha256: 'ab'.repeat(32),
    initBytes: 800,
  };
}

describe.each(testEngines)('recording and alert repositories on $name', (engine) => {
  let database: VigieDatabase | undefined;
  let recordings: RecordingRepository;
  let alerts: AlertRepository;

  beforeAll(async () => {
    database = await engine.open();
    recordings = new RecordingRepository(database.db);
    alerts = new AlertRepository(database.db);
    await recordings.insertSegment(segment(camera, '10:00:00', '10:00:04', 1));
    await recordings.insertSegment(segment(camera, '10:00:04', '10:00:08', 2));
    await recordings.insertSegment({ ...segment(camera, '10:00:08', '10:00:12', 3), initHash: '0123456789abcdef' });
    await recordings.insertSegment(segment(other, '10:00:00', '10:00:04', 4));
  });
  afterAll(async () => {
    await database?.close();
  });

  it('finds the segments overlapping a range, in order, with sizes above 4 GiB intact', async () => {
    const found = await recordings.segmentsBetween(camera, { from: t('10:00:05'), to: t('10:00:09') }, t('00:00:00'));
    expect(found.map((s) => s.key)).toEqual([`${camera}/2.mp4`, `${camera}/3.mp4`]);
    expect(found[0]?.bytes).toBe(5_000_000_002);
    expect(found[0]?.startedAt.toISOString()).toBe('2026-11-23T10:00:04.000Z');
    // The init part's hash, when the recorder gave one (playlists map shared init sections once).
    expect(found.map((s) => s.initHash)).toEqual([undefined, '0123456789abcdef']);
    // What a playback playlist reads: the same segments, with only what the playlist shows and its session serves.
    const listed = await recordings.playlistSegmentsBetween(
      camera,
      { from: t('10:00:05'), to: t('10:00:09') },
      t('00:00:00'),
    );
    expect(listed).toEqual(
      found.map(({ id, key, startedAt, endedAt, bytes, initBytes, initHash }) => ({
        id,
        key,
        startedAt,
        endedAt,
        bytes,
        initBytes,
        ...(initHash === undefined ? {} : { initHash }),
      })),
    );
  });

  it('finds a long segment that began well before the range (the range scan is bounded, not blind)', async () => {
    await recordings.insertSegment(segment(other, '08:00:00', '08:50:00', 5));
    const found = await recordings.segmentsBetween(other, { from: t('08:45:00'), to: t('08:46:00') }, t('00:00:00'));
    expect(found.map((s) => s.key)).toEqual([`${other}/5.mp4`]);
    const listed = await recordings.playlistSegmentsBetween(
      other,
      { from: t('08:45:00'), to: t('08:46:00') },
      t('00:00:00'),
    );
    expect(listed.map((s) => s.id)).toEqual(found.map((s) => s.id));
    expect(await recordings.hasSegmentBetween(other, { from: t('08:45:00'), to: t('08:46:00') }, t('00:00:00'))).toBe(
      true,
    );
    expect(await recordings.hasSegmentBetween(other, { from: t('08:50:00'), to: t('09:00:00') }, t('00:00:00'))).toBe(
      false,
    );
  });

  it('never returns a segment that ended before the retention bound', async () => {
    const found = await recordings.segmentsBetween(camera, { from: t('09:00:00'), to: t('11:00:00') }, t('10:00:06'));
    expect(found.map((s) => s.key)).toEqual([`${camera}/2.mp4`, `${camera}/3.mp4`]);
    const first = (
      await recordings.segmentsBetween(camera, { from: t('09:00:00'), to: t('11:00:00') }, t('00:00:00'))
    )[0];
    expect(await recordings.segment(camera, first?.id ?? '', t('10:00:06'))).toBeUndefined();
    expect(await recordings.segment(camera, first?.id ?? '', t('10:00:00'))).toMatchObject({ key: `${camera}/1.mp4` });
    expect(await recordings.segment(other, first?.id ?? '', t('00:00:00'))).toBeUndefined();
    expect(await recordings.segment(camera, 'not-a-number', t('00:00:00'))).toBeUndefined();
  });

  it('gives the live window and its media sequence', async () => {
    const window = await recordings.latestSegments(camera, 2, t('00:00:00'));
    expect(window.map((s) => s.key)).toEqual([`${camera}/2.mp4`, `${camera}/3.mp4`]);
    expect(
      await recordings.countStartedBetween(camera, { from: t('10:00:00'), to: window[0]?.startedAt ?? new Date() }),
    ).toBe(1);
    expect(await recordings.countStartedBetween(camera, { from: t('10:00:04'), to: t('10:00:08') })).toBe(1);
    // A camera that recorded nothing for long: its window is empty, not a scan of its history.
    expect(await recordings.latestSegments(camera, 2, t('12:00:00'))).toEqual([]);
  });

  it('lists expired segments, deletes them, and reports the oldest per camera', async () => {
    const expired = await recordings.segmentsEndedBefore(camera, t('10:00:05'), 100);
    expect(expired.map((s) => s.key)).toEqual([`${camera}/1.mp4`]);
    await recordings.deleteSegments(expired.map((s) => s.id));
    const oldest = await recordings.oldestSegmentPerCamera();
    expect(oldest.get(camera)?.toISOString()).toBe('2026-11-23T10:00:04.000Z');
    expect((await recordings.camerasWithSegments()).sort()).toEqual([camera, other].sort());
  });

  it('stores gaps and camera status', async () => {
    await recordings.insertGap({ cameraId: camera, from: t('10:00:12'), to: t('10:00:20'), reason: 'stream lost' });
    expect(await recordings.gapsBetween(camera, { from: t('10:00:00'), to: t('10:01:00') })).toEqual([
      { cameraId: camera, from: t('10:00:12'), to: t('10:00:20'), reason: 'stream lost' },
    ]);
    await recordings.deleteGapsBefore(camera, t('10:00:30'));
    expect(await recordings.gapsBetween(camera, { from: t('10:00:00'), to: t('10:01:00') })).toEqual([]);
  });

  it('keeps alerts with notes, verdicts, snapshots and per-type precision figures', async () => {
    const id = randomUUID();
    await alerts.insert({
      id,
      cameraId: camera,
      type: 'intrusion',
      severity: 'high',
      zoneId: 'quay',
      message: 'Person in the forbidden zone',
      openedAt: t('10:00:10'),
      clip: { from: t('10:00:00'), to: t('10:00:20') },
      snapshot: new Uint8Array([0xff, 0xd8, 0xff]),
    });
    await alerts.update(id, { status: 'closed', qualification: 'true_alert', escalated: false, at: t('10:01:00') });
    await alerts.addNote(id, { by: 'Agent A', at: t('10:01:00'), text: 'Seen, patrol informed' });
    const stored = await alerts.get(id);
    expect(stored).toMatchObject({
      status: 'closed',
      qualification: 'true_alert',
      zoneId: 'quay',
      hasSnapshot: true,
      notes: [{ by: 'Agent A', text: 'Seen, patrol informed' }],
    });
    expect([...((await alerts.snapshot(id)) ?? [])]).toEqual([0xff, 0xd8, 0xff]);
    expect(await alerts.list({ status: 'open', limit: 10 })).toEqual([]);
    expect(await alerts.list({ cameraIds: [other], limit: 10 })).toEqual([]);
    expect(await alerts.statsByType({ from: t('00:00:00'), to: t('23:00:00') }, [camera])).toEqual([
      { type: 'intrusion', total: 1, trueAlerts: 1, falseAlarms: 0 },
    ]);
    expect(await alerts.statsByType({ from: t('00:00:00'), to: t('23:00:00') }, [other])).toEqual([]);
    expect(await alerts.deleteSnapshotsBefore(camera, t('11:00:00'))).toBe(1);
    expect((await alerts.get(id))?.hasSnapshot).toBe(false);

    // One alert per situation: found by its key, its progress recorded, filtered on its facts.
    const bag = randomUUID();
    const facts = { subject: 'object' as const, durationS: 10, confidence: 0.4 };
    await alerts.insert({
      id: bag,
      cameraId: camera,
      type: 'abandoned_object',
      severity: 'high',
      message: 'Object still',
      openedAt: t('10:05:00'),
      clip: { from: t('10:04:50'), to: t('10:05:10') },
      situationKey: 'abandoned_object/-/object:1@x',
      facts,
      groupId: id,
    });
    expect(await alerts.bySituation(camera, 'abandoned_object/-/object:1@x')).toMatchObject({
      id: bag,
      groupId: id,
      occurrences: 1,
      lastSeenAt: t('10:05:00').toISOString(),
      facts,
    });
    expect(await alerts.latestOfKind({ cameraId: camera, type: 'abandoned_object' }, t('10:06:00'))).toMatchObject({
      id: bag,
      groupId: id,
    });
    expect(await alerts.latestOfKind({ cameraId: camera, type: 'intrusion', zoneId: 'quay' }, t('10:00:00'))).toBe(
      undefined,
    );
    expect((await alerts.list({ ongoing: true, limit: 10 })).map((a) => a.id)).toEqual([bag]);
    const ended = {
      lastSeenAt: t('10:30:00'),
      endedAt: t('10:30:00'),
      occurrences: 7,
      facts: { ...facts, durationS: 1510, confidence: 0.8 },
      clipTo: t('10:30:10'),
      at: t('10:30:15'),
    };
    expect(await alerts.progress(bag, ended)).toBe(true);
    // An earlier "still there", stored after the end (batches side by side), does not reopen it.
    const earlier = { lastSeenAt: t('10:20:00'), occurrences: 5, facts, clipTo: t('10:20:10'), at: t('10:30:16') };
    expect(await alerts.progress(bag, earlier)).toBe(false);
    expect(await alerts.get(bag)).toMatchObject({
      endedAt: t('10:30:00').toISOString(),
      occurrences: 7,
      clip: { to: t('10:30:10').toISOString() },
      facts: { durationS: 1510 },
    });
    expect(await alerts.list({ ongoing: true, limit: 10 })).toEqual([]);
    expect((await alerts.list({ minConfidence: 0.5, minDurationS: 600, limit: 10 })).map((a) => a.id)).toEqual([bag]);
    expect(await alerts.list({ minConfidence: 0.9, limit: 10 })).toEqual([]);
  });

  it('pages through the queue most severe then newest first, each alert once, saying whether it has a snapshot', async () => {
    const queued = randomUUID();
    const severities = ['low', 'high', 'medium', 'high', 'info', 'medium', 'high'] as const;
    const ids = severities.map(() => randomUUID());
    for (const [n, severity] of severities.entries())
      await alerts.insert({
        id: ids[n] ?? '',
        cameraId: queued,
        type: 'intrusion',
        severity,
        message: `alert ${n}`,
        // Two share their opening time: the id breaks the tie, so no page repeats or skips one.
        openedAt: t(`12:00:0${Math.min(n, 5)}`),
        clip: { from: t('12:00:00'), to: t('12:00:10') },
        ...(n % 2 === 0 ? { snapshot: new Uint8Array([0xff, 0xd8, 0xff]) } : {}),
      });
    const rank = { high: 3, medium: 2, low: 1, info: 0 };
    const pages: string[][] = [];
    let after: { rank: number; openedAt: Date; id: string } | undefined;
    for (;;) {
      const page = await alerts.queue({ cameraIds: [queued], limit: 3 }, after);
      pages.push(page.map((a) => a.message));
      const last = page.at(-1);
      if (last === undefined || page.length < 3) break;
      after = { rank: rank[last.severity], openedAt: new Date(last.openedAt), id: last.id };
    }
    const expected = ids
      .map((id, n) => ({ id, n, severity: severities[n] ?? 'info', at: Math.min(n, 5) }))
      .sort((a, b) => rank[b.severity] - rank[a.severity] || b.at - a.at || (a.id < b.id ? 1 : -1))
      .map((a) => `alert ${a.n}`);
    expect(pages.flat()).toEqual(expected);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    const first = await alerts.queue({ cameraIds: [queued], limit: 7 });
    expect(first.map((a) => a.hasSnapshot)).toEqual(
      first.map((a) => Number(a.message.slice('alert '.length)) % 2 === 0),
    );
  });

  it('stores anonymous count samples as a time series', async () => {
    await alerts.insertCounts([
      { cameraId: camera, series: 'line:door', at: t('10:00:10'), in: 3, out: 1 },
      { cameraId: camera, series: 'zone:square', at: t('10:00:20'), occupancy: 12, density: 0.4, method: 'tiled' },
    ]);
    const samples = await alerts.counts([camera], { from: t('10:00:00'), to: t('10:01:00') });
    expect(samples).toEqual([
      { cameraId: camera, series: 'line:door', at: t('10:00:10'), in: 3, out: 1 },
      {
        cameraId: camera,
        series: 'zone:square',
        at: t('10:00:20'),
        occupancy: 12,
        density: expect.closeTo(0.4, 5) as number,
        method: 'tiled',
      },
    ]);
  });

  it('keeps the most recent camera status when reports arrive out of order', async () => {
    const { id } = await new CameraRepository(database!.db, systemClock).create(
      cameraSettingsFromInput(
        { name: 'Beffroi', sourceUrl: 'rtsp://cam/beffroi', location: { lat: 50.36, lon: 3.52 }, purposes: [] },
        frenchProfile,
      ),
    );
    const status = (state: 'online' | 'offline', at: string) => ({ cameraId: id, state, since: t(at) });
    expect(await recordings.setStatusIfNewer(status('online', '10:00:00'))).toBe(true);
    expect(await recordings.setStatusIfNewer(status('offline', '10:05:00'))).toBe(true);
    expect(await recordings.setStatusIfNewer(status('online', '10:01:00'))).toBe(false);
    expect((await recordings.statuses()).find((s) => s.cameraId === id)).toMatchObject({
      state: 'offline',
      since: t('10:05:00').toISOString(),
    });
    expect(await recordings.setStatusIfNewer(status('online', '10:06:00'))).toBe(true);
    expect((await recordings.statuses()).find((s) => s.cameraId === id)?.state).toBe('online');
  });
});
