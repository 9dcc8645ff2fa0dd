import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { PushEvent } from './client';

type Listener = (event: PushEvent) => void;

interface PushChannel {
  connected: boolean;
  /** Listens to pushes; `onOpen` runs at each (re)connection, when a listener should reload what it shows. */
  subscribe: (listener: Listener, onOpen: () => void) => () => void;
}

const PushContext = createContext<PushChannel | undefined>(undefined);

/** Reconnection delay: doubling from 0.5 s, capped at 3 s so a returning server is found within seconds, with jitter so a wall of consoles does not knock all at once. */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(3000, 500 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Holds the one WebSocket to /api/events of a logged-in console, reconnecting with capped, jittered backoff. */
export function PushProvider({ children }: { children: ReactNode }) {
  const listeners = useRef(new Set<{ listener: Listener; onOpen: () => void }>());
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    let socket: WebSocket | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let stopped = false;
    function connect(): void {
      const url = new URL('/api/events', window.location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      socket = new WebSocket(url);
      socket.onopen = () => {
        attempt = 0;
        setConnected(true);
        for (const { onOpen } of listeners.current) onOpen();
      };
      socket.onmessage = (message: MessageEvent<string>) => {
        const event = JSON.parse(message.data) as PushEvent;
        for (const { listener } of listeners.current) listener(event);
      };
      socket.onclose = () => {
        setConnected(false);
        if (!stopped) retry = setTimeout(connect, reconnectDelayMs((attempt += 1)));
      };
    }
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      socket?.close();
    };
  }, []);

  const subscribe = useCallback((listener: Listener, onOpen: () => void) => {
    const entry = { listener, onOpen };
    listeners.current.add(entry);
    return () => void listeners.current.delete(entry);
  }, []);
  const value = useMemo(() => ({ connected, subscribe }), [connected, subscribe]);
  return <PushContext.Provider value={value}>{children}</PushContext.Provider>;
}

/**
 * Follows the push channel: `load` runs now and after each reconnection (pushes may have been missed),
 * `onEvent` for each push. Returns whether the channel is connected.
 */
export function usePush(onEvent: Listener, load: () => void): boolean {
  const channel = useContext(PushContext);
  if (channel === undefined) throw new Error('usePush must be used inside <PushProvider>');
  const latest = useRef({ onEvent, load });
  useEffect(() => {
    latest.current = { onEvent, load };
  });
  const { subscribe } = channel;
  useEffect(() => {
    latest.current.load();
    return subscribe(
      (event) => latest.current.onEvent(event),
      () => latest.current.load(),
    );
  }, [subscribe]);
  return channel.connected;
}

/** Whether the console has lost the server: the push channel down for more than `graceMs` (default 1.5 s). */
export function useConnectionLost(graceMs = 1500): boolean {
  const channel = useContext(PushContext);
  if (channel === undefined) throw new Error('useConnectionLost must be used inside <PushProvider>');
  const { connected } = channel;
  const [lost, setLost] = useState(false);
  useEffect(() => {
    if (connected) {
      setLost(false);
      return;
    }
    const timer = setTimeout(() => setLost(true), graceMs);
    return () => clearTimeout(timer);
  }, [connected, graceMs]);
  return lost;
}

/**
 * For what retries on its own (live tiles): `onReturn` runs each time the push channel opens (the server is
 * reachable again); the getter says whether it is open now (undefined outside a PushProvider), so that while
 * the server is lost one socket per console probes it instead of every tile.
 */
export function useServerReturn(onReturn: () => void): () => boolean | undefined {
  const channel = useContext(PushContext);
  const latest = useRef({ onReturn, connected: channel?.connected });
  useEffect(() => {
    latest.current = { onReturn, connected: channel?.connected };
  });
  const subscribe = channel?.subscribe;
  useEffect(
    () =>
      subscribe?.(
        () => undefined,
        () => latest.current.onReturn(),
      ),
    [subscribe],
  );
  return useCallback(() => latest.current.connected, []);
}
