// Part of `npm run bench:video` (issue 11): recorded segments served by Vigie's playback route (token, session,
// camera rights, index lookup, storage) against a plain Node file server (`node:http` + `fs.createReadStream`, no
// check at all) on the same files, over real HTTP on this machine, the two alternated in the same run (which goes
// first alternates too). Segments: BENCH_SERVING_SEGMENTS (60) files of BENCH_SERVING_MB (1: a 4 s segment at
// 2 Mbit/s) indexed as one camera's last minutes; each request asks for what a player asks for, the segment's media
// part as a byte range (the playlist's `#EXT-X-BYTERANGE`). A client process of its own (`serving-client.ts`) keeps
// BENCH_SERVING_CONCURRENCY (4) requests in flight for BENCH_SERVING_SECONDS (10) per side and round,
// BENCH_SERVING_ROUNDS (3) rounds. Goal: Vigie's throughput ≥ 0.9× the plain server's; also CPU-ms per MB served by
// each server's process, and Vigie's CPU per segment against the plain server's.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { benchOperator, openBenchServer, registerBenchCameras } from './bench-cameras.js';

const segmentCount = Number(process.env['BENCH_SERVING_SEGMENTS'] ?? 60);
const segmentBytes = Math.round(Number(process.env['BENCH_SERVING_MB'] ?? 1) * 2 ** 20);
const concurrency = Number(process.env['BENCH_SERVING_CONCURRENCY'] ?? 4);
const seconds = Number(process.env['BENCH_SERVING_SECONDS'] ?? 10);
const rounds = Number(process.env['BENCH_SERVING_ROUNDS'] ?? 3);
const segmentMs = 4000;
const initBytes = 800;
const out = (line: string) => process.stdout.write(`${line}\n`);
const client = join(dirname(fileURLToPath(import.meta.url)), 'serving-client.js');

/** One side's window: what the client got, and the CPU the serving process (this one) spent meanwhile. */
interface Served {
  mbPerSecond: number;
  requestsPerSecond: number;
  cpuMsPerMb: number;
  cpuMsPerRequest: number;
  failures: number;
}

/** Runs the client against these URLs for one window, this process serving them. */
async function serve(urls: { url: string; range?: string }[], headers: Record<string, string>): Promise<Served> {
  const cpu = process.cpuUsage();
  const child = spawn(process.execPath, [client, JSON.stringify({ urls, headers, concurrency, seconds })], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  const used = process.cpuUsage(cpu);
  if (code !== 0) throw new Error(`the bench client exited with ${String(code)}`);
  const result = JSON.parse(output) as { requests: number; bytes: number; seconds: number; failures: number };
  const mb = result.bytes / 2 ** 20;
  return {
    mbPerSecond: mb / result.seconds,
    requestsPerSecond: result.requests / result.seconds,
    cpuMsPerMb: (used.user + used.system) / 1000 / Math.max(mb, 1e-9),
    cpuMsPerRequest: (used.user + used.system) / 1000 / Math.max(result.requests, 1),
    failures: result.failures,
  };
}

/** The last part of a URL or path. */
const fileName = (uri: string): string => uri.slice(uri.lastIndexOf('/') + 1);

/** A file server with no checks: the URL's last part names the file, byte ranges as Node's streams take them. */
async function plainFileServer(files: ReadonlyMap<string, string>): Promise<Server> {
  const server = createServer((request, response) => {
    const path = files.get(fileName(request.url ?? ''));
    if (path === undefined) return void response.writeHead(404).end();
    const range = /^bytes=(\d+)-(\d+)$/.exec(request.headers.range ?? '');
    const [start, end] = range === null ? [0, segmentBytes - 1] : [Number(range[1]), Number(range[2])];
    response.writeHead(range === null ? 200 : 206, {
      'content-type': 'video/mp4',
      'content-length': end - start + 1,
      ...(range === null ? {} : { 'content-range': `bytes ${start}-${end}/${segmentBytes}` }),
    });
    createReadStream(path, { start, end }).pipe(response);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

const dir = await mkdtemp(join(tmpdir(), 'vigie-bench-serving-'));
const { database, app } = await openBenchServer(dir);
try {
  const [cameraId = ''] = await registerBenchCameras(app, ['rtsp://127.0.0.1:8554/bench']);
  const headers = await benchOperator(app, [cameraId]);
  // The segments: random bytes (nothing reads inside them), indexed as the camera's last minutes.
  const endMs = Date.now() - 10_000;
  const firstMs = endMs - segmentCount * segmentMs;
  for (let n = 0; n < segmentCount; n++) {
    const key = `${cameraId}/${n}.mp4`;
    const path = join(dir, 'recordings', key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, randomBytes(segmentBytes));
    const startedAt = new Date(firstMs + n * segmentMs);
    await sql`insert into segments (camera_id, key, started_at, ended_at, bytes, init_bytes, sha256)
      values (${cameraId}, ${key}, ${startedAt}, ${new Date(startedAt.getTime() + segmentMs)}, ${segmentBytes},
        ${initBytes}, ${'a'.repeat(64)})`.execute(database.db);
  }
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`;
  const opened = await fetch(`${origin}/api/cameras/${cameraId}/playback`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      from: new Date(firstMs).toISOString(),
      to: new Date(endMs).toISOString(),
      reason: 'Bench: segment serving',
    }),
  });
  if (opened.status !== 201) throw new Error(`playback open: HTTP ${opened.status} ${await opened.text()}`);
  const { playlistUrl } = (await opened.json()) as { playlistUrl: string };
  const playlist = await (await fetch(`${origin}${playlistUrl}`, { headers })).text();
  const base = `${origin}${playlistUrl.slice(0, playlistUrl.lastIndexOf('/') + 1)}`;
  const media = playlist.split('\n').filter((line) => line.startsWith('segments/'));
  if (media.length !== segmentCount) throw new Error(`the playlist lists ${media.length} of ${segmentCount} segments`);
  const range = `bytes=${initBytes}-${segmentBytes - 1}`;
  const vigieUrls = media.map((uri) => ({ url: `${base}${uri}`, range }));
  // The plain server's files, under the names Vigie's playlist gives them (the same order, the same bytes).
  const plainFiles = new Map(media.map((uri, n) => [fileName(uri), join(dir, 'recordings', `${cameraId}/${n}.mp4`)]));
  const plain = await plainFileServer(plainFiles);
  const plainOrigin = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
  const plainUrls = media.map((uri) => ({ url: `${plainOrigin}/${fileName(uri)}`, range }));
  try {
    out(
      `Segment serving: ${segmentCount} segments of ${(segmentBytes / 2 ** 20).toFixed(1)} MiB, the media part as a byte ` +
        `range, ${concurrency} requests in flight, ${seconds} s per side and round, alternated; Node's flags: ` +
        `${process.execArgv.join(' ') || 'none'}.`,
    );
    out(
      '| round | plain file server MiB/s (req/s) | Vigie MiB/s (req/s) | Vigie / plain | CPU-ms per MiB plain / Vigie | load |',
    );
    out('| --- | --- | --- | --- | --- | --- |');
    // A first pass of each, not counted: connections, code and page cache warmed alike.
    await serve(plainUrls.slice(0, 8), {});
    await serve(vigieUrls.slice(0, 8), headers);
    /** One round: the plain server's window and Vigie's, the plain one first in odd rounds, last in even ones. */
    const bothSides = async (round: number): Promise<{ theirs: Served; ours: Served }> => {
      // Alternated, so that a drift of the machine over the run weighs on both sides alike.
      if (round % 2 === 1) return { theirs: await serve(plainUrls, {}), ours: await serve(vigieUrls, headers) };
      const ours = await serve(vigieUrls, headers);
      return { theirs: await serve(plainUrls, {}), ours };
    };
    const ratios: number[] = [];
    const perRequest = { plain: [] as number[], vigie: [] as number[] };
    for (let round = 1; round <= rounds; round++) {
      const { theirs, ours } = await bothSides(round);
      if (theirs.failures + ours.failures > 0)
        throw new Error(`failed requests: plain ${theirs.failures}, Vigie ${ours.failures}`);
      ratios.push(ours.mbPerSecond / theirs.mbPerSecond);
      perRequest.plain.push(theirs.cpuMsPerRequest);
      perRequest.vigie.push(ours.cpuMsPerRequest);
      out(
        `| ${round} | ${theirs.mbPerSecond.toFixed(0)} (${theirs.requestsPerSecond.toFixed(0)}) | ` +
          `${ours.mbPerSecond.toFixed(0)} (${ours.requestsPerSecond.toFixed(0)}) | ` +
          `${(ours.mbPerSecond / theirs.mbPerSecond).toFixed(2)}× | ${theirs.cpuMsPerMb.toFixed(2)} / ${ours.cpuMsPerMb.toFixed(2)} | ` +
          `${(loadavg()[0] ?? 0).toFixed(1)} |`,
      );
    }
    const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)] ?? Number.NaN;
    out(`Median Vigie / plain: ${median.toFixed(2)}× (goal ≥ 0.90×).`);
    // Where Vigie's time per segment goes: the same token on a request that does no video work at all.
    const signedIn = await serve([{ url: `${origin}/api/auth/me` }], headers);
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    out(
      `CPU-ms per request of the serving process: plain file server ${mean(perRequest.plain).toFixed(2)}, ` +
        `Vigie's segment ${mean(perRequest.vigie).toFixed(2)}, Vigie's GET /api/auth/me with the same token ` +
        `${signedIn.cpuMsPerRequest.toFixed(2)} (${signedIn.requestsPerSecond.toFixed(0)} requests/s); ` +
        `Vigie / plain ${(mean(perRequest.vigie) / mean(perRequest.plain)).toFixed(2)}× the CPU per segment.`,
    );
  } finally {
    plain.close();
  }
} finally {
  await app.http.close();
  await database.close();
  await rm(dir, { recursive: true, force: true });
}
