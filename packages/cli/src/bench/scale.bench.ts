// `npm run bench:scale`: scale-out figures on this machine, against real PostgreSQL and NATS JetStream.
// 1. events stored per second into PostgreSQL, against a baseline of the same run: the same rows written by
//    plain multi-row INSERTs (no idempotency keys, no bus);
// 2. alert latency from the frame's time to the browser push, through NATS and the server, against a
//    baseline of the same run: a plain NATS message of the same size, publish to subscriber;
// 3. cameras handled by 1, 2 and 4 `vigie worker` processes, scaling efficiency, failover time.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { JetStreamBus, JetStreamLeases } from '@vigie/bus';
import { domainEvent, idempotencyKeys, systemClock, type DomainEvent, type DomainEventOf } from '@vigie/core';
import { openFreshPostgresWithUrl } from '@vigie/db/testing';
import { demoClipArgs, locateFfmpeg, runFfmpeg } from '@vigie/media';
import type { VigieDatabase } from '@vigie/db';
import { buildApp, fullAudience } from '@vigie/server';
import { Outbox } from '@vigie/worker';
import { sql } from 'kysely';
import { cpuMsOf, killProcessesUsing, processesUsing } from './orphans.js';

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

/** Events per second in wall time, and the CPU spent by this process and by the database's server processes. */
interface Rate {
  count: number;
  perSecond: number;
  cpuMsPer1000: number;
  pgCpuMsPer1000: number;
}

/** CPU milliseconds (user + system) of the PostgreSQL backends serving this benchmark's database (same machine). */
async function postgresCpuMs(database: VigieDatabase): Promise<Map<number, number>> {
  const pids = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database()`.execute(
    database.db,
  );
  return cpuMsOf(pids.rows.map((r) => r.pid));
}

async function measure(database: VigieDatabase): Promise<(count: number) => Promise<Rate>> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const pgBefore = await postgresCpuMs(database);
  return async (count) => {
    const used = process.cpuUsage(cpu);
    const wall = performance.now() - start;
    let pg = 0;
    for (const [pid, ms] of await postgresCpuMs(database)) pg += ms - (pgBefore.get(pid) ?? 0);
    return {
      count,
      perSecond: count / (wall / 1000),
      cpuMsPer1000: (used.user + used.system) / 1000 / (count / 1000),
      pgCpuMsPer1000: pg / (count / 1000),
    };
  };
}

const loadNow = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function storedCount(database: VigieDatabase): Promise<number> {
  const row = await sql<{ n: string }>`select count(*) as n from ingested_events`.execute(database.db);
  return Number(row.rows[0]?.n ?? 0);
}

/** Rows stored so far in the tables the events fill, cheaply (two index lookups: a count would weigh on the figures). */
async function storedRows(database: VigieDatabase): Promise<number> {
  const row = await sql<{ n: string }>`select coalesce((select max(id) from segments), 0)
    + coalesce((select max(id) from count_samples), 0) as n`.execute(database.db);
  return Number(row.rows[0]?.n ?? 0);
}

/**
 * The baseline: the rows that storing `events` writes, by plain multi-row `INSERT … VALUES` in one
 * transaction, without idempotency keys nor bus: what PostgreSQL does at least, whatever the path.
 */
async function rawInsert(database: VigieDatabase, events: readonly DomainEvent[]): Promise<void> {
  const segments = events.flatMap((e) =>
    e.type === 'segment.recorded'
      ? [
          {
            camera_id: e.segment.cameraId,
            key: e.segment.key,
            started_at: new Date(e.segment.startedAt),
            ended_at: new Date(e.segment.endedAt),
            bytes: e.segment.bytes,
            init_bytes: e.segment.initBytes,
            sha256: e.segment.sha256,
            node: e.segment.node,
          },
        ]
      : [],
  );
  const counts = events.flatMap((e) =>
    e.type === 'counts.sampled'
      ? e.samples.map((c) => ({
          camera_id: c.cameraId,
          series: c.series,
          at: new Date(c.at),
          in_count: c.in ?? null,
          out_count: c.out ?? null,
        }))
      : [],
  );
  await database.db.transaction().execute(async (tx) => {
    if (segments.length > 0) await tx.insertInto('segments').values(segments).execute();
    if (counts.length > 0) await tx.insertInto('count_samples').values(counts).execute();
  });
}

async function ingestion(): Promise<void> {
  const loadAtStart = loadNow();
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
    // The benchmark's camera points at this machine (nothing is pulled from it).
    sourcePolicy: { allowFiles: false, allowedNetworks: ['127.0.0.0/8'] },
  });
  try {
    const cameras = Array.from({ length: 300 }, () => randomUUID());
    const events = (count: number, offset: number): DomainEvent[] =>
      Array.from({ length: count }, (_, i) => {
        const n = offset + i;
        const camera = cameras[n % cameras.length] as string;
        return n % 5 === 4 ? countsFact(camera, n) : segmentFact(camera, n);
      });

    // Baseline: the same rows by plain multi-row INSERTs, 1,000 events per transaction.
    const plain = events(50_000, 30_000_000);
    let run = await measure(database);
    for (let i = 0; i < plain.length; i += 1000) await rawInsert(database, plain.slice(i, i + 1000));
    const baseline = await run(plain.length);

    // One transaction per event, keys included (how not to do it).
    const single = events(500, 0);
    run = await measure(database);
    for (const e of single) await app.ingestor.store([e]);
    const oneByOne = await run(single.length);

    // Batched, straight into the store, one batch after the other (1,000 per statement: keys and rows).
    const batched = events(50_000, 10_000_000);
    run = await measure(database);
    for (let i = 0; i < batched.length; i += 1000) await app.ingestor.store(batched.slice(i, i + 1000));
    const direct = await run(batched.length);

    // Through NATS JetStream: a backlog published through a worker's outbox (batch envelopes of up to
    // 1,000 events, each acknowledged by the stream), then consumed by the server's ingest group in
    // batches, acknowledged after each batch's commit.
    const before = await storedCount(database);
    const rowsBefore = await storedRows(database);
    const viaBus = events(50_000, 20_000_000);
    const outbox = new Outbox({ bus, clock: systemClock, onError: (error) => out(`outbox: ${String(error)}`) });
    run = await measure(database);
    for (const event of viaBus) outbox.publish(event);
    await outbox.flushed();
    // Republished: a worker retrying after a lost acknowledgement, in other envelopes (the stream cannot
    // tell), and the same envelope twice (the stream drops the second); stored once all the same.
    for (const event of viaBus.slice(0, 500)) outbox.publish(event);
    await outbox.flushed();
    await bus.publishAll(viaBus.slice(1000, 1500));
    await bus.publishAll(viaBus.slice(1000, 1500));
    const published = await run(viaBus.length + 1000);
    run = await measure(database);
    await app.background.start();
    while ((await storedRows(database)) - rowsBefore < viaBus.length) await new Promise((r) => setTimeout(r, 20));
    const drained = await run(viaBus.length);
    const stored = (await storedCount(database)) - before;

    out('\n## Events stored into PostgreSQL (300 cameras, 80 % segments, 20 % counts)');
    out(`load average at start of this part: ${loadAtStart} (${cpus().length} cores)`);
    out(
      '| path | events | events/s (wall) | × baseline (plain INSERTs, same run) | CPU ms per 1,000 events: Node / PostgreSQL | events per CPU-second (Node + PostgreSQL) |',
    );
    out('| --- | ---: | ---: | ---: | ---: | ---: |');
    const row = (label: string, r: Rate) =>
      out(
        `| ${label} | ${r.count} | ${r.perSecond.toFixed(0)} | ${(r.perSecond / baseline.perSecond).toFixed(2)} | ${r.cpuMsPer1000.toFixed(1)} / ${r.pgCpuMsPer1000.toFixed(1)} | ${(1e6 / (r.cpuMsPer1000 + r.pgCpuMsPer1000)).toFixed(0)} |`,
      );
    row('baseline: plain multi-row INSERT … VALUES, 1,000 events per transaction, no keys, no bus', baseline);
    row('one transaction per event, keys included', oneByOne);
    row('batched store, one batch at a time (1,000 events per statement: keys and rows, JSON recordsets)', direct);
    row('publish to JetStream (a worker outbox, batch envelopes of up to 1,000 events)', published);
    row('JetStream backlog → ingest group (4 batches at once) → PostgreSQL', drained);
    out(
      `exactly once: ${viaBus.length} distinct events published (1,000 of them twice: 500 in other envelopes, 500 in the same envelope), ${stored} stored`,
    );
    out(
      `goal ≥ 20,000 events/s stored: batched store ${direct.perSecond.toFixed(0)}/s, through JetStream ${drained.perSecond.toFixed(0)}/s (wall, at this load; events per CPU-second in the last column)`,
    );

    // Alert latency: an alert raised at a frame's time, to the console's push, while another process
    // (standing for the workers) publishes 1,000 segment and count events per second beside.
    const alertCount = 100;
    const latencies: number[] = [];
    // Where the time goes: when each alert reached a follower of the bus (NATS alone), before being stored.
    const transit: number[] = [];
    const raised = await bus.follow((e) => void transit.push(Date.now() - Date.parse(e.at)), {
      types: ['alert.raised'],
    });
    // Baseline: a plain NATS message of an alert's size (no JetStream, no database), publish to subscriber.
    const plainNats: number[] = [];
    const pingSubject = `${prefix}-baseline.ping`;
    const pings = bus.connection.subscribe(pingSubject, {
      callback: (error, message) => {
        if (error === null)
          plainNats.push(Date.now() - new DataView(message.data.buffer, message.data.byteOffset).getFloat64(0, true));
      },
    });
    const unsubscribe = app.events.subscribe(
      () => fullAudience,
      (e) => {
        if (e.type === 'alert.opened') latencies.push(Date.now() - Date.parse(e.alert.openedAt));
      },
    );
    // BENCH_ALERT_CAMERAS: how many cameras raise the alerts, in turn (default 10: a city's alerts come
    // from many cameras; 1 puts every alert in one camera's order).
    const alertCameras = Number(process.env['BENCH_ALERT_CAMERAS'] ?? 10);
    const alerting: string[] = [];
    for (let i = 0; i < alertCameras; i++) {
      const created = await app.cameras.create(
        {
          name: `Bench ${i}`,
          sourceUrl: 'rtsp://127.0.0.1:1/x',
          location: { lat: 50, lon: 3 },
          purposes: ['public_space_safety'],
        },
        { actorName: 'bench' },
      );
      alerting.push(created.id);
    }
    const publisher = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
      env: { ...process.env, BENCH_SEGMENT_PUBLISHER: prefix },
      stdio: 'ignore',
    });
    await new Promise((r) => setTimeout(r, 2000));
    run = await measure(database);
    for (let i = 0; i < alertCount; i++) {
      const openedAt = new Date().toISOString();
      const alert = {
        cameraId: alerting[i % alerting.length] as string,
        type: 'abandoned_object' as const,
        severity: 'high' as const,
        message: 'bench',
        openedAt,
        clip: { from: openedAt, to: openedAt },
        snapshot: Buffer.alloc(40_000, 1).toString('base64'),
        details: {},
      };
      await bus.publish(
        domainEvent<DomainEventOf<'alert.raised'>>(
          { id: idempotencyKeys.alert(alert), type: 'alert.raised', alert },
          new Date(),
        ),
      );
      await new Promise((r) => setTimeout(r, 100));
      // The alert's event is about 54 kB of JSON (its 40 kB snapshot in base64); the sending time leads.
      const ping = Buffer.alloc(54_000, 1);
      ping.writeDoubleLE(Date.now(), 0);
      bus.connection.publish(pingSubject, ping);
      await new Promise((r) => setTimeout(r, 100));
    }
    while (latencies.length < alertCount) await new Promise((r) => setTimeout(r, 50));
    const spent = await run(alertCount);
    publisher.kill();
    await raised.close();
    pings.unsubscribe();
    unsubscribe();
    out('\n## Alert latency, frame time → browser push (through NATS, ingest, PostgreSQL, push projection)');
    out(
      `p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms, max ${Math.max(...latencies)} ms: ${alertCount} alerts (5 per second from ${alertCameras} camera(s) in turn, 40 kB snapshot each) while another process publishes 1,000 segment and count events per second through a worker outbox; load average ${loadNow()}`,
    );
    out(
      `baseline, same run: a plain NATS message of the same size (54 kB), publish → subscriber in this process: p50 ${percentile(plainNats, 50)} ms, p95 ${percentile(plainNats, 95)} ms (${plainNats.length} messages); alert p95 = ${(percentile(latencies, 95) / Math.max(1, percentile(plainNats, 95))).toFixed(1)} × the baseline's p95; goal p95 < 300 ms`,
    );
    out(
      `of which NATS (publish → a follower of the bus): p50 ${percentile(transit, 50)} ms, p95 ${percentile(transit, 95)} ms; the rest is the alert's transaction (key, grouping, alert, audit entry) and the push projection`,
    );
    out(
      `CPU per alert while measuring (this server storing the alerts and the 1,000 events/s beside): Node ${(spent.cpuMsPer1000 / 1000).toFixed(1)} ms, PostgreSQL ${(spent.pgCpuMsPer1000 / 1000).toFixed(1)} ms`,
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
  // BENCH_WORKER_LOGS=<folder> keeps each worker's log lines there (to see why a camera was not handled).
  const logs = process.env['BENCH_WORKER_LOGS'];
  const log = logs === undefined ? undefined : createWriteStream(join(logs, `${basename(dir)}-w${n}.log`));
  // As the `vigie` command runs a worker: V8's memory reducer off (packages/cli/bin/vigie.js).
  const child = spawn(process.execPath, ['--no-memory-reducer', cli, 'worker'], {
    env: { ...process.env, ...env, VIGIE_DATA_DIR: join(dir, `w${n}`) },
    stdio: ['ignore', 'pipe', log === undefined ? 'ignore' : 'pipe'],
  });
  if (log !== undefined) child.stderr?.pipe(log);
  const node = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      log?.write(`${line}\n`);
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
  const rows: { workers: number; cameras: number; handled: number; rate: number; cores: number; load: string }[] = [];
  let failoverMs = NaN;
  // BENCH_WORKER_COUNTS=1,2 runs fewer configurations (default 1, 2 and 4 workers).
  for (const count of (process.env['BENCH_WORKER_COUNTS'] ?? '1,2,4').split(',').map(Number)) {
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
      // Room to take a failed worker's cameras; the fair share (cameras / workers) still gives each its part.
      VIGIE_WORKER_CAPACITY: String(perWorker * 2),
      VIGIE_SEGMENT_SECONDS: '2',
      // The cameras read a clip on disk: workers check sources themselves too.
      VIGIE_FILE_SOURCES: 'true',
    };
    const procs = await Promise.all(
      Array.from({ length: count }, (_, n) => spawnWorker(env, n, join(dir, `r${count}`))),
    );
    try {
      await new Promise((r) => setTimeout(r, 30_000));
      const windowS = 30;
      const since = new Date();
      // CPU of the workers and their ffmpeg processes over the window (this machine's /proc).
      const tree = () => [...procs.map((p) => p.child.pid ?? 0), ...processesUsing(dir, 'ffmpeg')];
      const cpuBefore = cpuMsOf(tree());
      await new Promise((r) => setTimeout(r, windowS * 1000));
      const until = new Date();
      let cpuMs = 0;
      for (const [pid, ms] of cpuMsOf(tree())) cpuMs += ms - (cpuBefore.get(pid) ?? 0);
      // Segments ending in the window are reported when they close: a few seconds later.
      await new Promise((r) => setTimeout(r, 8000));
      const perCamera = await sql<{ camera_id: string; seconds: string }>`
        select camera_id, sum(extract(epoch from (least(ended_at, ${until}) - greatest(started_at, ${since})))) as seconds
        from segments where ended_at > ${since} and started_at < ${until} group by camera_id`.execute(database.db);
      // A camera is handled when at least 90 % of the window is recorded.
      const handled = perCamera.rows.filter((r) => Number(r.seconds) >= windowS * 0.9).length;
      const rate = perCamera.rows.reduce((sum, r) => sum + Number(r.seconds), 0) / windowS;
      rows.push({ workers: count, cameras, handled, rate, cores: cpuMs / 1000 / windowS, load: loadNow() });
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
    '| workers | cameras offered | cameras handled (≥ 90 % recorded) | camera-seconds recorded per second | scaling efficiency | cores used (workers + ffmpeg) | cores per camera | load average |',
  );
  out('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of rows) {
    out(
      `| ${r.workers} | ${r.cameras} | ${r.handled} | ${r.rate.toFixed(1)} | ${((r.handled / (r.workers * one)) * 100).toFixed(0)} % | ${r.cores.toFixed(2)} | ${(r.cores / Math.max(1, r.handled)).toFixed(3)} | ${r.load} |`,
    );
  }
  out(`failover (2 workers, SIGKILL one): its cameras claimed by the other after ${failoverMs} ms`);
}

/** The alert-latency run's background (a child process, as workers are): 1,000 events per second until killed. */
async function publishSegments(prefix: string): Promise<void> {
  const bus = await JetStreamBus.connect({ url: natsUrl, prefix });
  const outbox = new Outbox({ bus, clock: systemClock, onError: () => undefined });
  const cameras = Array.from({ length: 300 }, () => randomUUID());
  for (let n = 0; ; n += 50) {
    const tick = new Promise((r) => setTimeout(r, 50));
    for (let i = 0; i < 50; i++) {
      const camera = cameras[(n + i) % cameras.length] as string;
      outbox.publish((n + i) % 5 === 4 ? countsFact(camera, n + i) : segmentFact(camera, n + i));
    }
    await tick;
  }
}

const publisherOf = process.env['BENCH_SEGMENT_PUBLISHER'];
if (publisherOf !== undefined) await publishSegments(publisherOf);
else {
  out(`# bench:scale — ${new Date().toISOString()}`);
  // BENCH_PART=ingestion or workers runs one part only.
  const part = process.env['BENCH_PART'];
  if (part !== 'workers') await ingestion();
  if (part !== 'ingestion') await workers();
}
