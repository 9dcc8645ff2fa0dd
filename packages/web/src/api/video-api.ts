import { api } from './client';
import type {
  AlertAction,
  AlertHistoryQuery,
  AlertStatus,
  AnalyticsPause,
  ExportRequest,
  WallLayoutInput,
} from './contract';

/** The outcome of a call: the data, or what went wrong in words a person can act on. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; code: string; message: string };

/** Turns a typed client call into an ApiResult carrying the server's error code and message. */
export async function outcome<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<ApiResult<T>> {
  const { data, error, response } = await call;
  if (response.ok) return { ok: true, data: data as T };
  const body = (error as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return {
    ok: false,
    status: response.status,
    code: typeof body?.code === 'string' ? body.code : 'HTTP_ERROR',
    message: typeof body?.message === 'string' ? body.message : `HTTP ${response.status}`,
  };
}

/** The video, alert, statistics and analytics routes the console calls, through the typed client. */
export const videoApi = {
  cameraStatuses: () => outcome(api.GET('/api/cameras/status')),
  cameraHealth: () => outcome(api.GET('/api/cameras/health')),
  cameraHealthOf: (cameraId: string) =>
    outcome(api.GET('/api/cameras/{id}/health', { params: { path: { id: cameraId } } })),
  startLive: (cameraId: string) => outcome(api.POST('/api/cameras/{id}/live', { params: { path: { id: cameraId } } })),
  stopLive: (sessionId: string) =>
    outcome(api.DELETE('/api/live/{session}', { params: { path: { session: sessionId } } })),
  recordings: (cameraId: string, window: { from: string; to: string }) =>
    outcome(api.GET('/api/cameras/{id}/recordings', { params: { path: { id: cameraId }, query: window } })),
  startPlayback: (cameraId: string, body: { from: string; to: string; reason: string }) =>
    outcome(api.POST('/api/cameras/{id}/playback', { params: { path: { id: cameraId } }, body })),
  createExport: (cameraId: string, body: ExportRequest) =>
    outcome(api.POST('/api/cameras/{id}/exports', { params: { path: { id: cameraId } }, body })),
  alerts: (query: { status?: AlertStatus; cameraId?: string } = {}) =>
    outcome(api.GET('/api/alerts', { params: { query } })),
  alertHistory: (query: AlertHistoryQuery) => outcome(api.GET('/api/alerts/history', { params: { query } })),
  actOnAlert: (alertId: string, body: AlertAction) =>
    outcome(api.POST('/api/alerts/{id}/actions', { params: { path: { id: alertId } }, body })),
  countStats: (query: { cameraId?: string; from: string; to: string }) =>
    outcome(api.GET('/api/stats/counts', { params: { query } })),
  alertStats: (query: { from: string; to: string }) => outcome(api.GET('/api/stats/alerts', { params: { query } })),
  analyticsState: () => outcome(api.GET('/api/analytics/state')),
  pauseAnalytics: (body: AnalyticsPause) => outcome(api.PUT('/api/analytics/pause', { body })),
  wallLayouts: () => outcome(api.GET('/api/me/wall-layouts')),
  saveWallLayout: (name: string, body: WallLayoutInput) =>
    outcome(api.PUT('/api/me/wall-layouts/{name}', { params: { path: { name } }, body })),
  deleteWallLayout: (name: string) =>
    outcome(api.DELETE('/api/me/wall-layouts/{name}', { params: { path: { name } } })),
};
