import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A TCP relay in front of a server whose open WebSockets can be made to go silent without closing. */
export interface FreezableProxy {
  /** The proxy's base URL (http://127.0.0.1:port). */
  url: string;
  /** Stops relaying on every open WebSocket, leaving it open (a link dead without a reset); new ones work. */
  freezeWebSockets(): void;
  close(): Promise<void>;
}

/** Starts a relay to `target` (http://host:port), as a network between the browser and the server. */
export async function startFreezableProxy(target: string): Promise<FreezableProxy> {
  const { hostname, port } = new URL(target);
  const open = new Set<Socket>();
  const webSockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        open.delete(socket);
        webSockets.delete(socket);
      });
    }
    client.once('data', (head: Buffer) => {
      if (/^upgrade: websocket/im.test(head.toString('latin1'))) for (const s of [client, upstream]) webSockets.add(s);
    });
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    freezeWebSockets: () => {
      for (const socket of webSockets) {
        socket.unpipe();
        socket.pause();
      }
    },
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
