// Types of the video and alert API the lead is adding (/tmp/notes video-api contract). Once those routes
// exist, `npm run gen:api` types them in schema.d.ts; these then become aliases of the generated ones.

/** What the server knows of a camera's stream. */
export type CameraState = 'online' | 'offline' | 'error' | 'disabled' | 'starting';

/** A camera's stream state, from GET /api/cameras/status or the `camera.status` push. */
export interface CameraStatus {
  cameraId: string;
  state: CameraState;
  reason?: string;
  since: string;
}

/** A live session: its HLS playlist is played with hls.js; the session is stopped on leaving. */
export interface LiveSession {
  sessionId: string;
  playlistUrl: string;
}

/** A span of time, ISO 8601 strings. */
export interface TimeRange {
  start: string;
  end: string;
}

/** Recorded spans of a camera and the gaps between them. */
export interface Recordings {
  ranges: TimeRange[];
  gaps: TimeRange[];
}

/** A playback opened with a reason (audited): a VOD HLS playlist with program date-times. */
export interface PlaybackSession {
  playbackId: string;
  playlistUrl: string;
}

/** One file of an export, with its fingerprint. */
export interface ExportFile {
  name: string;
  bytes: number;
  sha256: string;
}

/** What an export contains and why it was made. */
export interface ExportManifest {
  id: string;
  cameraId: string;
  cameraName: string;
  from: string;
  to: string;
  reason: string;
  exportedBy: string;
  exportedAt: string;
  files: ExportFile[];
}

/** The result of an export request. */
export interface ExportResult {
  id: string;
  status: 'ready' | 'failed';
  manifest: ExportManifest;
}

/** How urgent an alert is. */
export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** Where an alert stands. */
export type AlertStatus = 'open' | 'acknowledged' | 'closed';

/** What the operator concluded. */
export type Qualification = 'true_alert' | 'false_alarm' | 'needs_follow_up';

/** A note an operator added to an alert. */
export interface AlertNote {
  by: string;
  at: string;
  text: string;
}

/** An alert raised by analytics (or a camera going offline), for a human to decide on. */
export interface Alert {
  id: string;
  cameraId: string;
  /** An analytics event type (core `analyticsEventTypes`) or `camera_offline`. */
  type: string;
  severity: Severity;
  status: AlertStatus;
  qualification?: Qualification;
  escalated: boolean;
  zoneId?: string;
  message: string;
  openedAt: string;
  clip: { from: string; to: string };
  snapshotUrl?: string;
  notes: AlertNote[];
}

/** What an operator does to an alert (POST /api/alerts/:id/actions). */
export type AlertAction =
  | { action: 'acknowledge' }
  | { action: 'qualify'; qualification: Qualification }
  | { action: 'note'; note: string }
  | { action: 'escalate' };

/** One counting report of a zone or line. */
export interface CountPoint {
  cameraId: string;
  zoneId?: string;
  lineId?: string;
  at: string;
  in?: number;
  out?: number;
  occupancy?: number;
  density?: number;
}

/** How alerts of one type were judged by operators. */
export interface AlertTypeStats {
  type: string;
  total: number;
  trueAlerts: number;
  falseAlarms: number;
  precision: number | null;
}

/** Pushes of the coming APIs over /api/events. */
export type VideoPushEvent =
  | { type: 'camera.status'; cameraId: string; state: CameraState; reason?: string; since: string }
  | { type: 'alert.opened' | 'alert.updated'; alert: Alert };
