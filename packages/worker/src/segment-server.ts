import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { nodeAuthHeader, verifyNodeRequest } from '@vigie/bus';
import type { ByteRange, Clock, SegmentStorage } from '@vigie/core';

/** What the segment server serves and whom it trusts. */
export interface SegmentServerOptions {
  storage: SegmentStorage;
  /** Secret shared with the servers; a request not signed with it is refused. */
  secret: string;
  clock: Clock;
  host: string;
  port: number;
}

/** A running segment server. */
export interface RunningSegmentServer {
  /** Its base URL, e.g. `http://10.0.0.5:8090`: the node name recorded with each segment. */
  url: string;
  close(): Promise<void>;
}

const segmentPath = /^\/segments\/([^?#]+)$/;
const rangeHeader = /^bytes=(\d+)-(\d*)$/;

/**
 * Serves this worker's recorded segments to the servers (live, playback, export), by storage key, with
 * byte ranges, and deletes them for the retention purge. Only requests signed with the shared node secret are answered: the video never leaves
 * the worker for anyone else. Keys are storage keys, never file paths (`..` is refused).
 */
export async function startSegmentServer(options: SegmentServerOptions): Promise<RunningSegmentServer> {
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '';
    const match = segmentPath.exec(path);
    const header = request.headers[nodeAuthHeader];
    if ((request.method !== 'GET' && request.method !== 'DELETE') || match === null) {
      response.writeHead(404).end();
      return;
    }
    if (
      !verifyNodeRequest(options.secret, {
        path,
        header: typeof header === 'string' ? header : undefined,
        now: options.clock.now(),
      })
    ) {
      response.writeHead(401).end();
      return;
    }
    const key = decodeURIComponent(match[1] ?? '');
    if (key.split('/').some((part) => part === '..' || part === '')) {
      response.writeHead(400).end();
      return;
    }
    if (request.method === 'DELETE') {
      // The retention purge runs on the server and reaches this disk through here.
      options.storage.remove(key).then(
        (existed) => response.writeHead(existed ? 204 : 404).end(),
        () => response.writeHead(500).end(),
      );
      return;
    }
    const range = parseRange(request.headers.range);
    void (async () => {
      try {
        const chunks = options.storage.read(key, range);
        let first = true;
        for await (const chunk of chunks) {
          if (first) response.writeHead(range === undefined ? 200 : 206, { 'content-type': 'video/mp4' });
          first = false;
          response.write(chunk);
        }
        if (first) response.writeHead(200, { 'content-type': 'video/mp4' });
        response.end();
      } catch {
        if (!response.headersSent) response.writeHead(404);
        response.end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function parseRange(value: string | undefined): ByteRange | undefined {
  const match = value === undefined ? null : rangeHeader.exec(value);
  if (match === null) return undefined;
  const start = Number(match[1]);
  return { start, end: match[2] === '' ? Number.MAX_SAFE_INTEGER : Number(match[2]) };
}
