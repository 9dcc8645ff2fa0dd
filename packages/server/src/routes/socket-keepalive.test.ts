import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepAlive, type KeptAliveSocket } from './socket-keepalive.js';

/** A socket whose peer answers pings only while `answering` is true. */
function fakeSocket() {
  const listeners = { pong: [] as (() => void)[], close: [] as (() => void)[] };
  const socket = {
    answering: true,
    pings: 0,
    terminated: false,
    ping() {
      socket.pings += 1;
      if (socket.answering) for (const listener of listeners.pong) listener();
    },
    terminate() {
      socket.terminated = true;
      for (const listener of listeners.close) listener();
    },
    on(event: 'pong' | 'close', listener: () => void) {
      listeners[event].push(listener);
    },
  } satisfies KeptAliveSocket & Record<string, unknown>;
  return socket;
}

describe('keepAlive', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps a socket whose peer answers, and sends a heartbeat at each period', () => {
    const socket = fakeSocket();
    const heartbeat = vi.fn();
    keepAlive(socket, { intervalMs: 1000, deadAfterMs: 3000, heartbeat });
    vi.advanceTimersByTime(60_000);
    expect(socket.terminated).toBe(false);
    expect(socket.pings).toBe(60);
    expect(heartbeat).toHaveBeenCalledTimes(60);
  });

  it('terminates a socket whose peer went silent, once the grace has passed, and stops pinging it', () => {
    const socket = fakeSocket();
    keepAlive(socket, { intervalMs: 1000, deadAfterMs: 3000 });
    vi.advanceTimersByTime(5000);
    socket.answering = false;
    vi.advanceTimersByTime(3000);
    expect(socket.terminated).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(socket.terminated).toBe(true);
    const pings = socket.pings;
    vi.advanceTimersByTime(10_000);
    expect(socket.pings).toBe(pings);
  });
});
