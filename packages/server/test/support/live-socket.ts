import WebSocket from 'ws';

/** What a WebSocket client of a live stream received until it closed or `enough` said so. */
export interface Received {
  texts: string[];
  binaries: Buffer[];
  closed?: { code: number; reason: string };
}

/** Follows a live stream's WebSocket; `done` resolves once `enough` says so or the socket closes. */
export function follow(
  url: string,
  headers: Record<string, string>,
  enough: (r: Received) => boolean = () => false,
): { socket: WebSocket; done: Promise<Received> } {
  const received: Received = { texts: [], binaries: [] };
  const socket = new WebSocket(url, { headers });
  const done = new Promise<Received>((resolve) => {
    socket.on('message', (data: Buffer, binary: boolean) => {
      if (binary) received.binaries.push(data);
      else received.texts.push(data.toString());
      if (enough(received)) resolve(received);
    });
    socket.on('close', (code, reason) => {
      received.closed = { code, reason: reason.toString() };
      resolve(received);
    });
  });
  return { socket, done };
}

/** The stream (`main` or `sub`) the server said it serves, from a live stream's `init` message. */
export function servedStream(received: Received): string | undefined {
  return received.texts.map((t) => JSON.parse(t) as { type: string; stream?: string }).find((t) => t.type === 'init')
    ?.stream;
}
