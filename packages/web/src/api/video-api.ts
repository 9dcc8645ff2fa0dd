import { csrfHeader } from './client';
import type {
  Alert,
  AlertAction,
  AlertStatus,
  AlertTypeStats,
  CameraStatus,
  CountPoint,
  ExportResult,
  LiveSession,
  PlaybackSession,
  Recordings,
} from './contract';

// The video, alert and statistics routes are being added on the server (see contract.ts). Until
// `npm run gen:api` types them, they are called here through fetch; a server without them answers
// 404 ROUTE_NOT_FOUND, which screens show as "not available on this server yet".

/** The outcome of a call: the data, or what went wrong in words a person can act on. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; code: string; message: string };

async function call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<ApiResult<T>> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(method === 'GET' ? {} : csrfHeader()),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 204) return { ok: true, data: undefined as T };
  const json = (await response.json().catch(() => undefined)) as unknown;
  if (response.ok) return { ok: true, data: json as T };
  const error = (json as { error?: { code?: string; message?: string } } | undefined)?.error;
  return {
    ok: false,
    status: response.status,
    code: error?.code ?? 'HTTP_ERROR',
    message: error?.message ?? `HTTP ${response.status}`,
  };
}

/** Whether a failure means the server does not offer this route yet (an older server). */
export function notAvailableYet(result: ApiResult<unknown>): boolean {
  return !result.ok && result.code === 'ROUTE_NOT_FOUND';
}

function query(values: Record<string, string | undefined>): string {
  const defined = Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return defined.length === 0 ? '' : `?${new URLSearchParams(defined).toString()}`;
}

const id = encodeURIComponent;

/** The video, alert and statistics API of the contract, one function per route. */
export const videoApi = {
  cameraStatuses: () => call<CameraStatus[]>('GET', '/api/cameras/status'),
  startLive: (cameraId: string) => call<LiveSession>('POST', `/api/cameras/${id(cameraId)}/live`),
  stopLive: (sessionId: string) => call<undefined>('DELETE', `/api/live/${id(sessionId)}`),
  snapshotUrl: (cameraId: string) => `/api/cameras/${id(cameraId)}/snapshot.jpg`,
  recordings: (cameraId: string, window: { from: string; to: string }) =>
    call<Recordings>('GET', `/api/cameras/${id(cameraId)}/recordings${query(window)}`),
  startPlayback: (cameraId: string, request: { from: string; to: string; reason: string }) =>
    call<PlaybackSession>('POST', `/api/cameras/${id(cameraId)}/playback`, request),
  createExport: (cameraId: string, request: { from: string; to: string; reason: string }) =>
    call<ExportResult>('POST', `/api/cameras/${id(cameraId)}/exports`, request),
  exportVideoUrl: (exportId: string) => `/api/exports/${id(exportId)}/video.mp4`,
  alerts: (filter: { status?: AlertStatus; cameraId?: string; type?: string } = {}) =>
    call<Alert[]>('GET', `/api/alerts${query(filter)}`),
  actOnAlert: (alertId: string, action: AlertAction) =>
    call<Alert>('POST', `/api/alerts/${id(alertId)}/actions`, action),
  countStats: (filter: { cameraId?: string; from: string; to: string }) =>
    call<CountPoint[]>('GET', `/api/stats/counts${query(filter)}`),
  alertStats: (window: { from: string; to: string }) =>
    call<AlertTypeStats[]>('GET', `/api/stats/alerts${query(window)}`),
};
