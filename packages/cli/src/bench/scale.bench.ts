// `npm run bench:scale`: scale-out figures on this machine, against real PostgreSQL and NATS JetStream.
// 1. events stored per second into PostgreSQL: batched ingestion vs one transaction per event (baseline);
// 2. alert latency from the frame's time to the browser push, through NATS and the server;
// 3. cameras handled by 1, 2 and 4 `vigie worker` processes, scaling efficiency, failover time.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { JetStreamBus, JetStreamLeases } from '@vigie/bus';
import { domainEvent, idempotencyKeys, systemClock, type DomainEvent, type DomainEventOf } from '@vigie/core';
import { openFreshPostgresWithUrl } from '@vigie/db/testing';
import { demoClipArgs, locateFfmpeg, runFfmpeg } from '@vigie/media';
import type { VigieDatabase } from '@vigie/db';
import { buildApp, fullAudience } from '@vigie/server';
import { sql } from 'kysely';
import { killProcessesUsing } from './orphans.js';

const natsUrl = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
const cli = fileURLToPath(new URL('../main.js', import.meta.url));
const out = (line: string) => process.stdout.write(`${line}\n`);

function segmentFact(cameraId: string, n: number): DomainEventOf<'segment.recorded'> {
  const startedAt = new Date(Date.UTC(2026, 0, 1) + n * 4000).toISOString();
  const segment = {
    cameraId,
    key: `${cameraId}/2026-01-01/00/${n}.mp4`,
    startedAt,
    endedAt: new Date(Date.parse(startedAt) + 4000).toISOString(),
    bytes: 1_000_000,
    sha256: 'c'.repeat(64),
    initBytes: 800,
    node: 'http://127.0.0.1:1',
  };
  return domainEvent<DomainEventOf<'segment.recorded'>>(
    { id: idempotencyKeys.segment(segment), type: 'segment.recorded', segment },
    new Date(),
  );
}

function countsFact(cameraId: string, n: number): DomainEventOf<'counts.sampled'> {
  const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  return domainEvent(
    {
      id: idempotencyKeys.counts(cameraId, at),
      type: 'counts.sampled',
      samples: [{ cameraId, series: 'l1', at, in: 3, out: 2 }],
    },
    new Date(),
  );
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function storedCount(database: VigieDatabase): Promise<number> {
  const row = await sql<{ n: string }>`select count(*) as n from ingested_events`.execute(database.db);
  return Number(row.rows[0]?.n ?? 0);
}

async function ingestion(): Promise<void> {
  const { database } = await openFreshPostgresWithUrl();
  const prefix = `bench${randomBytes(4).toString('hex')}`;
  const bus = await JetStreamBus.connect({ url: natsUrl, prefix });
  const dir = await mkdtemp(join(tmpdir(), 'vigie-bench-scale-'));
  const app = await buildApp({
    database,
    clock: systemClock,
    webRoot: '/nonexistent',
    mediaDir: dir,
    bus,
    workers: 'remote',
  });
  try {
    const cameras = Array.from({ length: 300 }, () => randomUUID());
    const events = (count: number, offset: number): DomainEvent[] =>
      Array.from({ length: count }, (_, i) => {
        const n = offset + i;
        const camera = cameras[n % cameras.length] as string;
        return n % 5 === 4 ? countsFact(camera, n) : segmentFact(camera, n);
      });

    // Baseline: one transaction per event.
    const single = events(2000, 0);
    let t = performance.now();
    for (const e of single) await app.ingestor.store([e]);
    const baseline = single.length / ((performance.now() - t) / 1000);

    // Batched, straight into the store (1000 per transaction).
    const batched = events(50_000, 10_000_000);
    t = performance.now();
    for (let i = 0; i < batched.length; i += 1000) await app.ingestor.store(batched.slice(i, i + 1000));
    const direct = batched.length / ((performance.now() - t) / 1000);

    // End to end: published on JetStream, consumed by the server's ingest group, stored.
    const before = await storedCount(database);
    const viaBus = events(50_000, 20_000_000);
    await app.background.start();
    t = performance.now();
    for (let i = 0; i < viaBus.length; i += 500) await Promise.all(viaBus.slice(i, i + 500).map((e) => bus.publish(e)));
    // Republished: a worker retrying after a lost acknowledgement; stored once all the same.
    await Promise.all(viaBus.slice(0, 500).map((e) => bus.publish(e)));
    while ((await storedCount(database)) - before < viaBus.length) await new Promise((r) => setTimeout(r, 50));
    const endToEnd = viaBus.length / ((performance.now() - t) / 1000);
    const stored = (await storedCount(database)) - before;

    out('\n## Events stored into PostgreSQL (300 cameras, 80 % segments, 20 % counts)');
    out('| path | events/s | × baseline |');
    out('| --- | ---: | ---: |');
    out(`| baseline: one transaction per event | ${baseline.toFixed(0)} | 1.0 |`);
    out(`| batched store (1,000 per transaction) | ${direct.toFixed(0)} | ${(direct / baseline).toFixed(1)} |`);
    out(
      `| NATS JetStream → ingest group → PostgreSQL | ${endToEnd.toFixed(0)} | ${(endToEnd / baseline).toFixed(1)} |`,
    );
    out(`exactly once: ${viaBus.length} distinct events published (500 of them twice), ${stored} stored`);

    // Alert latency: an alert raised at a frame's time, to the console's push, under a background of segments.
    const latencies: number[] = [];
    const unsubscribe = app.events.subscribe(
      () => fullAudience,
      (e) => {
        if (e.type === 'alert.opened') latencies.push(Date.now() - Date.parse(e.alert.openedAt));
      },
    );
    const camera = cameras[0] as string;
    await app.cameras.create(
      {
        name: 'Bench',
        sourceUrl: 'rtsp://127.0.0.1:1/x',
        location: { lat: 50, lon: 3 },
        purposes: ['public_space_safety'],
      },
      { actorName: 'bench' },
    );
    for (let i = 0; i < 200; i++) {
      const openedAt = new Date().toISOString();
      const alert = {
        cameraId: camera,
        type: 'abandoned_object' as const,
        severity: 'high' as const,
        message: 'bench',
        openedAt,
        clip: { from: openedAt, to: openedAt },
        snapshot: Buffer.alloc(40_000, 1).toString('base64'),
        details: {},
      };
      void Promise.all(events(50, 30_000_000 + i * 50).map((e) => bus.publish(e)));
      await bus.publish(
        domainEvent<DomainEventOf<'alert.raised'>>(
          { id: idempotencyKeys.alert(alert), type: 'alert.raised', alert },
          new Date(),
        ),
      );
      await new Promise((r) => setTimeout(r, 50));
    }
    while (latencies.length < 200) await new Promise((r) => setTimeout(r, 50));
    unsubscribe();
    out('\n## Alert latency, frame time → browser push (through NATS, ingest, PostgreSQL, push projection)');
    out(
      `p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms (200 alerts with a 40 kB snapshot, 1,000 segment events/s beside)`,
    );
  } finally {
    await app.http.close();
    await bus.destroy();
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}

interface Worker {
  child: ChildProcess;
  node: string;
}

async function spawnWorker(env: NodeJS.ProcessEnv, n: number, dir: string): Promise<Worker> {
  const child = spawn(process.execPath, [cli, 'worker'], {
    env: { ...process.env, ...env, VIGIE_DATA_DIR: join(dir, `w${n}`) },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const node = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const entry = JSON.parse(line) as { message?: string; node?: string };
      if (entry.message === 'worker started') resolve(entry.node ?? '');
    });
    child.once('exit', () => reject(new Error('worker exited')));
  });
  return { child, node };
}

async function workers(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'vigie-bench-workers-'));
  const clip = join(dir, 'cam.mp4');
  await runFfmpeg(
    locateFfmpeg().path,
    demoClipArgs({ output: clip, pattern: 'testsrc2', seconds: 20, width: 640, height: 360, fps: 15 }),
  );
  const perWorker = Number(process.env['BENCH_CAMERAS_PER_WORKER'] ?? 6);
  const rows: { workers: number; cameras: number; handled: number; rate: number }[] = [];
  let failoverMs = NaN;
  for (const count of [1, 2, 4]) {
    const { database, url } = await openFreshPostgresWithUrl();
    const prefix = `bench${randomBytes(4).toString('hex')}`;
    const secret = randomBytes(24).toString('hex');
    const bus = await JetStreamBus.connect({ url: natsUrl, prefix });
    const leases = await JetStreamLeases.open({ connection: bus.connection, bucket: `${prefix}_leases` });
    const app = await buildApp({
      database,
      clock: systemClock,
      webRoot: '/nonexistent',
      mediaDir: join(dir, `s${count}`),
      bus,
      workers: 'remote',
      nodeSecret: secret,
      // The benchmark's cameras read a clip on disk, as the demo's do.
      sourcePolicy: { allowFiles: true, allowedNetworks: [] },
    });
    await app.background.start();
    const cameras = perWorker * count;
    const year = new Date().getUTCFullYear();
    for (let i = 0; i < cameras; i++) {
      const camera = await app.cameras.create(
        {
          name: `Cam ${i}`,
          sourceUrl: pathToFileURL(clip).toString(),
          location: { lat: 50, lon: 3 },
          purposes: ['public_space_safety'],
        },
        { actorName: 'bench' },
      );
      await app.registry.record(
        camera.id,
        {
          authorisation: { reference: `B${i}`, issuedOn: `${year - 1}-01-01`, expiresOn: `${year + 3}-12-31` },
          signage: { status: 'installed' },
          facing: 'public',
        },
        { actorName: 'bench' },
      );
    }
    const env = {
      DATABASE_URL: url,
      NATS_URL: natsUrl,
      VIGIE_NODE_SECRET: secret,
      VIGIE_BUS_PREFIX: prefix,
      VIGIE_WORKER_CAPACITY: String(perWorker),
      VIGIE_SEGMENT_SECONDS: '2',
    };
    const procs = await Promise.all(
      Array.from({ length: count }, (_, n) => spawnWorker(env, n, join(dir, `r${count}`))),
    );
    try {
      await new Promise((r) => setTimeout(r, 30_000));
      const windowS = 30;
      const since = new Date();
      await new Promise((r) => setTimeout(r, windowS * 1000));
      const perCamera = await sql<{ camera_id: string; seconds: string }>`
        select camera_id, sum(extract(epoch from (least(ended_at, now()) - greatest(started_at, ${since})))) as seconds
        from segments where ended_at > ${since} group by camera_id`.execute(database.db);
      // A camera is handled when at least 90 % of the window is recorded.
      const handled = perCamera.rows.filter((r) => Number(r.seconds) >= windowS * 0.9).length;
      const rate = perCamera.rows.reduce((sum, r) => sum + Number(r.seconds), 0) / windowS;
      rows.push({ workers: count, cameras, handled, rate });
      out(`(measured: ${count} worker(s), ${cameras} cameras offered, ${handled} handled)`);
      if (count === 2) {
        const held = await leases.holders();
        const victim = procs[0] as Worker;
        const orphaned = [...held]
          .filter(([, holder]) => holder === victim.node)
          .map(([id]) => id)
          .filter((id) => !id.startsWith('node.'));
        const killedAt = Date.now();
        victim.child.kill('SIGKILL');
        for (;;) {
          const now = await leases.holders();
          if (orphaned.every((id) => now.has(id) && now.get(id) !== victim.node)) break;
          if (Date.now() - killedAt > 60_000) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        failoverMs = Date.now() - killedAt;
      }
    } finally {
      for (const p of procs) p.child.kill('SIGKILL');
      killProcessesUsing(dir);
      await app.http.close();
      await leases.destroy();
      await bus.destroy();
      await database.close();
    }
  }
  await new Promise((r) => setTimeout(r, 500));
  killProcessesUsing(dir);
  await rm(dir, { recursive: true, force: true, maxRetries: 5 });
  const one = rows[0]?.handled ?? 1;
  out(
    `\n## Worker processes on this machine (${cpus().length} cores; 640×360 15 fps file cameras, recording by stream copy, ${perWorker} per worker)`,
  );
  out(
    '| workers | cameras offered | cameras handled (≥ 90 % recorded) | camera-seconds recorded per second | scaling efficiency |',
  );
  out('| ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    out(
      `| ${r.workers} | ${r.cameras} | ${r.handled} | ${r.rate.toFixed(1)} | ${((r.handled / (r.workers * one)) * 100).toFixed(0)} % |`,
    );
  }
  out(`failover (2 workers, SIGKILL one): its cameras claimed by the other after ${failoverMs} ms`);
}

out(`# bench:scale — ${new Date().toISOString()}`);
// BENCH_PART=ingestion or workers runs one part only.
const part = process.env['BENCH_PART'];
if (part !== 'workers') await ingestion();
if (part !== 'ingestion') await workers();
