import type { Body, Query, Reply } from './schema-types';

// Names for the video, alert, statistics and analytics types of the API (see schema-types.ts).

/** A camera's stream state, from GET /api/cameras/status or the `camera.status` push. */
export type CameraStatus = Reply<'/api/cameras/status', 'get', 200>[number];

/** A camera's measured stream health, from GET /api/cameras/health. */
export type CameraHealth = Reply<'/api/cameras/health', 'get', 200>[number];

/** What the server knows of a camera's stream. */
export type CameraState = CameraStatus['state'];

/** A live session: its HLS playlist is played with hls.js; the session is stopped on leaving. */
export type LiveSession = Reply<'/api/cameras/{id}/live', 'post', 201>;

/** Recorded spans of a camera and the gaps between them (each with why it is missing). */
export type Recordings = Reply<'/api/cameras/{id}/recordings', 'get', 200>;

/** A span of time, ISO 8601 strings. */
export type TimeRange = Recordings['ranges'][number];

/** A span with nothing recorded, and why. */
export type RecordingGap = Recordings['gaps'][number];

/** A playback opened with a reason (audited): a VOD HLS playlist with program date-times. */
export type PlaybackSession = Reply<'/api/cameras/{id}/playback', 'post', 201>;

/** What an export request names: the range, one of the camera's purposes, and why. */
export type ExportRequest = Body<'/api/cameras/{id}/exports', 'post'>;

/** What an export contains and why it was made (the answer of a successful export). */
export type ExportManifest = Reply<'/api/cameras/{id}/exports', 'post', 201>;

/** One file of an export, with its fingerprint. */
export type ExportFile = ExportManifest['files'][number];

/** An alert raised by analytics (or a camera going offline), for a human to decide on. */
export type Alert = Reply<'/api/alerts', 'get', 200>[number];

/** What the history of closed alerts is searched by: camera, type, verdict, opening period, page. */
export type AlertHistoryQuery = Query<'/api/alerts/history', 'get'>;

/** One page of closed alerts and how many match in all. */
export type AlertHistoryPage = Reply<'/api/alerts/history', 'get', 200>;

/** What an alert is about: an analytics event type, `camera_offline`, `camera_degraded` or `storage_low`. */
export type AlertType = Alert['type'];

/** How urgent an alert is. */
export type Severity = Alert['severity'];

/** Where an alert stands. */
export type AlertStatus = Alert['status'];

/** What the operator concluded. */
export type Qualification = NonNullable<Alert['qualification']>;

/** A note an operator added to an alert. */
export type AlertNote = Alert['notes'][number];

/** What an operator does to an alert (POST /api/alerts/:id/actions); qualify and escalate may carry a note. */
export type AlertAction = Body<'/api/alerts/{id}/actions', 'post'>;

/** One anonymous count sample of a series (`line:<id>` or `zone:<id>`) of a camera. */
export type CountSample = Reply<'/api/stats/counts', 'get', 200>[number];

/** How alerts of one type were judged by operators. */
export type AlertTypeStats = Reply<'/api/stats/alerts', 'get', 200>[number];

/** Whether analytics run: halted everywhere, halted camera by camera, running now. */
export type AnalyticsState = Reply<'/api/analytics/state', 'get', 200>;

/** The stop button's request: halt or resume, every camera or one, and why (audited). */
export type AnalyticsPause = Body<'/api/analytics/pause', 'put'>;

type CameraReply = Reply<'/api/cameras', 'get', 200>[number];

/** A camera's prefectoral authorisation as the API reports it; images are locked when expired or missing. */
export type Authorisation = CameraReply['authorisation'];

/** A purpose a camera may be declared for (CSI L251-2). */
export type Purpose = CameraReply['purposes'][number];

/** A wall an operator saved under a name (GET /api/me/wall-layouts). */
export type SavedWall = Reply<'/api/me/wall-layouts', 'get', 200>[number];

/** What saving a wall sends: its grid and its tiles. */
export type WallLayoutInput = Body<'/api/me/wall-layouts/{name}', 'put'>;

/** One tile of a wall: no camera, one camera, or a tour cycling through several. */
export type WallTile = WallLayoutInput['tiles'][number];
