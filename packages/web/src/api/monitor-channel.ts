import { useCallback, useEffect, useRef } from 'react';
import {
  isShowAlertMessage,
  monitorChannelName,
  monitorPath,
  monitorWindowName,
  type MonitorView,
  type ShowAlertMessage,
} from '../logic/monitor';

/**
 * Opens a detached monitor in a second window of the same origin, so it shares the session cookie; the
 * opener's sessionStorage (the CSRF token live sessions need) is copied into it, which `noopener` would
 * prevent. Opening the same monitor again brings its window back rather than adding one.
 */
export function openMonitor(view: MonitorView): void {
  const popup = window.open(monitorPath(view), monitorWindowName(view), 'popup,width=1920,height=1080');
  popup?.focus();
}

/** Sends messages to the console's other windows (its detached monitors); nothing where BroadcastChannel is missing. */
export function useMonitorBroadcast(): (message: ShowAlertMessage) => void {
  const channel = useRef<BroadcastChannel | undefined>(undefined);
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const opened = new BroadcastChannel(monitorChannelName);
    channel.current = opened;
    return () => {
      channel.current = undefined;
      opened.close();
    };
  }, []);
  return useCallback((message: ShowAlertMessage) => channel.current?.postMessage(message), []);
}

/** Receives what the console's other windows send to monitors (well-formed messages only). */
export function useMonitorMessages(onMessage: (message: ShowAlertMessage) => void): void {
  const latest = useRef(onMessage);
  useEffect(() => {
    latest.current = onMessage;
  });
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(monitorChannelName);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (isShowAlertMessage(event.data)) latest.current(event.data);
    };
    return () => channel.close();
  }, []);
}
