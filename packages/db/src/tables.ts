import type { CountMethod } from '@vigie/core';
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** JSON column: written as a string, read back parsed. */
type Json<T> = ColumnType<T, string, string>;

/** The cameras table. */
export interface CameraTable {
  id: Generated<string>;
  name: string;
  source_url: string;
  sub_stream_url: ColumnType<string | null, string | null | undefined, string | null>;
  site: ColumnType<string | null, string | null | undefined, string | null>;
  lat: number;
  lon: number;
  heading: number;
  field_of_view: number;
  zones: Json<unknown[]>;
  masks: Json<unknown[]>;
  lines: Json<unknown[]>;
  retention_days: number;
  purposes: Json<string[]>;
  enabled: boolean;
  analytics: ColumnType<string[], string | undefined, string>;
  rule_settings: ColumnType<Record<string, unknown>, string | undefined, string>;
  calibration: ColumnType<unknown, string | null | undefined, string | null>;
  masks_on_camera: ColumnType<boolean, boolean | undefined, boolean>;
  version: Generated<number>;
  created_at: ColumnType<Date, Date | string, Date | string>;
  updated_at: ColumnType<Date, Date | string, Date | string>;
}

/** The users table (accounts of the supervision centre). */
export interface UserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  roles: Json<string[]>;
  password_hash: string;
  created_at: ColumnType<Date, Date | string, Date | string>;
  totp_secret: string | null;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  /** The time step (30 s periods since 1970) of the last one-time code accepted: a code is usable once. */
  totp_last_step: number | null;
}

/** Logged-in browser sessions; the id is the SHA-256 of the cookie value. */
export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  source: string | null;
}

/** API tokens for machines; only their SHA-256 is stored. */
export interface ApiTokenTable {
  id: Generated<string>;
  token_hash: string;
  name: string;
  user_id: string;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
}

/** Which cameras an operator is assigned to. */
export interface CameraAssignmentTable {
  user_id: string;
  camera_id: string;
}

/** The hash-chained audit trail (append-only). */
export interface AuditLogTable {
  seq: ColumnType<string | number | bigint, number, never>;
  at: ColumnType<Date, string, never>;
  action: string;
  actor_id: string | null;
  actor_name: string;
  camera_id: string | null;
  range_start: ColumnType<Date | null, string | null, never>;
  range_end: ColumnType<Date | null, string | null, never>;
  reason: string | null;
  source: string | null;
  details: ColumnType<Record<string, unknown> | null, string | null, never>;
  prev_hash: string;
  hash: string;
}

/** The newest audit entry. */
export interface AuditHeadTable {
  id: number;
  seq: ColumnType<string | number | bigint, number, number>;
  hash: string;
}

/** Signed checkpoints of the audit trail's head (also appended to a file outside the database). */
export interface AuditCheckpointTable {
  id: Generated<string | number | bigint>;
  at: Timestamp;
  entries: BigCount;
  head_hash: string;
  key_id: string;
  signature: string;
}

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** bigint columns come back as strings from PostgreSQL drivers; written as numbers. */
type BigCount = ColumnType<string | number | bigint, number, number>;

/** The segment index: one row per stored fMP4 segment. */
export interface SegmentTable {
  id: Generated<string | number | bigint>;
  camera_id: string;
  key: string;
  started_at: Timestamp;
  ended_at: Timestamp;
  bytes: BigCount;
  init_bytes: number;
  /** Short hash of the init part (`Segment.initHash`); null on rows indexed before it existed. */
  init_hash: ColumnType<string | null, string | null | undefined, string | null>;
  sha256: string;
  /** The worker node that holds the file; null when it is in this server's own storage. */
  node: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Idempotency keys of the events already stored, so a redelivered event is stored once. */
export interface IngestedEventTable {
  id: string;
  stored_at: ColumnType<Date, Date | string | undefined, never>;
}

/** The analytics stop button (LEGAL R22): scope `*` halts every camera, a camera id halts that one. */
export interface AnalyticsStopTable {
  scope: string;
  stopped_by: string;
  reason: string;
  stopped_at: Timestamp;
}

/** Stretches a camera was meant to record but did not. */
export interface RecordingGapTable {
  id: Generated<string | number | bigint>;
  camera_id: string;
  from_at: Timestamp;
  to_at: Timestamp;
  reason: string;
}

/** The last known state of each camera's stream. */
export interface CameraStatusTable {
  camera_id: string;
  state: string;
  reason: string | null;
  since: Timestamp;
}

/** Exported clips and their manifest fields (LEGAL R5, R12). */
export interface ExportTable {
  id: string;
  camera_id: string;
  camera_name: string;
  from_at: Timestamp;
  to_at: Timestamp;
  purpose: string;
  reason: string;
  exported_by: string;
  exported_at: Timestamp;
  file_key: string;
  bytes: BigCount;
  sha256: string;
  /** The signed manifest's exact bytes (UTF-8 JSON); null for exports made before signing existed. */
  manifest: string | null;
  /** Base64 Ed25519 signature of `manifest` by the installation key. */
  signature: string | null;
}

/** Legal holds: footage kept past retention for a judicial requisition (issue 15). */
export interface LegalHoldTable {
  id: string;
  camera_id: string;
  range_start: Timestamp;
  range_end: Timestamp;
  export_id: string | null;
  requisition: string;
  reason: string;
  placed_by: string;
  placed_at: Timestamp;
  expires_at: Timestamp;
  released_at: Timestamp | null;
  released_by: string | null;
  release_reason: string | null;
}

/** Unmasking lifts: request, decision by another person, expiry (issue 15 #4). */
export interface UnmaskLiftTable {
  id: string;
  camera_id: string;
  range_start: Timestamp;
  range_end: Timestamp;
  reason: string;
  requested_by: string;
  requested_at: Timestamp;
  expires_at: Timestamp;
  state: 'requested' | 'approved' | 'refused';
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
}

/** Sealed segments: the encrypted picture behind liftable masks, indexed like the masked segments. */
export interface SealedSegmentTable {
  id: Generated<string | number | bigint>;
  camera_id: string;
  key: string;
  started_at: Timestamp;
  ended_at: Timestamp;
  bytes: BigCount;
}

/** Incident types and their checklist (issue 15 #5). */
export interface IncidentTypeTable {
  id: string;
  name: string;
  steps: Json<unknown[]>;
  updated_by: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Incidents: alerts of nearby cameras grouped, handled along a checklist; the timeline kept whole. */
export interface IncidentTable {
  id: string;
  type_id: string;
  title: string;
  state: string;
  owner: string | null;
  lat: number;
  lon: number;
  camera_ids: Json<string[]>;
  alert_ids: Json<string[]>;
  opened_at: Timestamp;
  last_alert_at: Timestamp;
  updated_at: Timestamp;
  done_steps: Json<unknown[]>;
  links: Json<unknown[]>;
  timeline: Json<unknown[]>;
}

/** Alerts in the operators' queue. */
export interface AlertTable {
  id: string;
  camera_id: string;
  type: string;
  severity: string;
  status: string;
  qualification: string | null;
  escalated: boolean;
  zone_id: string | null;
  message: string;
  opened_at: Timestamp;
  updated_at: Timestamp;
  clip_from: Timestamp;
  clip_to: Timestamp;
  snapshot: Uint8Array | null;
  details: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  situation_key: string | null;
  last_seen_at: Timestamp | null;
  ended_at: Timestamp | null;
  occurrences: Generated<number>;
  facts: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  duration_s: number | null;
  confidence: number | null;
  group_id: string | null;
  shadow: Generated<boolean>;
  shadow_label: string | null;
  labelled_by: string | null;
  labelled_at: Timestamp | null;
  /** Generated from severity (3 high … 0 info): the queue's first sort key. */
  severity_rank: Generated<number>;
  claimed_by: string | null;
  claimed_at: Timestamp | null;
}

/** Walls operators saved, by name, each the operator's own. */
export interface WallLayoutTable {
  user_id: string;
  name: string;
  grid: number;
  tiles: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}

/** Notes operators add to alerts. */
export interface AlertNoteTable {
  id: Generated<string | number | bigint>;
  alert_id: string;
  by_name: string;
  at: Timestamp;
  text: string;
}

/** Anonymous count samples (line crossings, occupancy, density). */
export interface CountSampleTable {
  id: Generated<string | number | bigint>;
  camera_id: string;
  series: string;
  at: Timestamp;
  in_count: number | null;
  out_count: number | null;
  occupancy: number | null;
  density: number | null;
  method: CountMethod | null;
}

/** Each camera's legal registry entry (authorisation, signage, facing). Dates are read back as text. */
export interface CameraRegistryTable {
  camera_id: string;
  authorisation_reference: string;
  authorisation_issued_on: ColumnType<unknown, string, string>;
  authorisation_expires_on: ColumnType<unknown, string, string>;
  authorisation_expires_at: Date;
  authorisation_renewal_due_at: Date;
  signage_status: string;
  signage_notes: string | null;
  facing: string;
  private_regions: ColumnType<unknown, string | null, string | null>;
  dpia: ColumnType<unknown, string | null, string | null>;
  version: Generated<number>;
  updated_at: Date;
  updated_by: string;
}

/** Dated decisions under which alert analytics run (LEGAL R18). */
export interface AnalysisAuthorisationTable {
  id: string;
  reference: string;
  legal_basis: string;
  occasion: string;
  responsible_service: string;
  camera_ids: ColumnType<unknown, string, string>;
  event_types: ColumnType<unknown, string, string>;
  starts_at: Date;
  ends_at: Date;
  public_notice: string;
  created_at: Date;
  created_by: string;
  started_audited: Generated<boolean>;
  ended_audited: Generated<boolean>;
}

/** The model registry (LEGAL R23). */
export interface DetectionModelTable {
  sha256: string;
  name: string;
  version: string;
  file_name: string;
  purpose: string;
  provenance: string;
  licence: string;
  capabilities: ColumnType<unknown, string, string>;
  evaluation: ColumnType<unknown, string, string>;
  attestation: string | null;
  registered_at: Date;
  registered_by: string;
}

/** A photo of a camera's sign (JPEG or PNG bytes, size-limited). */
export interface CameraSignagePhotoTable {
  camera_id: string;
  content_type: string;
  bytes: Uint8Array;
  sha256: string;
  uploaded_at: Date;
}

/** Data subjects' access requests. */
export interface AccessRequestTable {
  id: Generated<string>;
  reference: string;
  status: string;
  received_at: Date;
  due_at: Date;
  window_start: Date;
  window_end: Date;
  place: string | null;
  camera_hint: string | null;
  description: string;
  contact_name: string;
  contact_email: string;
  rejection_reason: string | null;
  updated_at: Date;
  /** When the deadline was extended (once), and the reason the requester was told. */
  extended_at: Date | null;
  extension_reason: string | null;
  /** When the reminder before the deadline was sent. */
  reminded_at: Date | null;
}

/** The history of each access request, one row per step. */
export interface AccessRequestStepTable {
  id: Generated<number>;
  request_id: string;
  at: Date;
  status: string;
  actor_name: string;
  note: string | null;
}

/** Footage matched to an access request: held from the purge while `hold`, later exported and reviewed. */
export interface AccessRequestRangeTable {
  id: Generated<string>;
  request_id: string;
  camera_id: string;
  range_start: Date;
  range_end: Date;
  hold: Generated<boolean>;
  export_id: string | null;
  needs_review: Generated<boolean>;
  added_at: Date;
  added_by: string;
}

/** A person's designation act, camera scope and training dates (LEGAL R8); calendar dates as YYYY-MM-DD. */
export interface HabilitationTable {
  user_id: string;
  designation_act: string;
  designated_on: string;
  designation_expires_on: string;
  camera_scope: Json<'all' | string[]>;
  data_protection_training_on: string;
  data_protection_training_expires_on: string;
  ai_literacy_training_on: string | null;
  ai_literacy_training_expires_on: string | null;
  recorded_by: string;
  recorded_at: Date;
}

/** A supervision-room workstation allowed to show images (LEGAL R10); its key is stored only as a hash. */
export interface WorkstationTable {
  id: string;
  name: string;
  key_hash: string;
  enrolled_by: string;
  enrolled_at: Date;
  revoked_at: Date | null;
}

/** Every table Vigie stores, for Kysely's typing. */
export interface Tables {
  cameras: CameraTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  camera_assignments: CameraAssignmentTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  audit_checkpoints: AuditCheckpointTable;
  segments: SegmentTable;
  recording_gaps: RecordingGapTable;
  camera_status: CameraStatusTable;
  exports: ExportTable;
  legal_holds: LegalHoldTable;
  unmask_lifts: UnmaskLiftTable;
  sealed_segments: SealedSegmentTable;
  incident_types: IncidentTypeTable;
  incidents: IncidentTable;
  alerts: AlertTable;
  alert_notes: AlertNoteTable;
  count_samples: CountSampleTable;
  camera_registry: CameraRegistryTable;
  camera_signage_photos: CameraSignagePhotoTable;
  access_requests: AccessRequestTable;
  access_request_steps: AccessRequestStepTable;
  access_request_ranges: AccessRequestRangeTable;
  ingested_events: IngestedEventTable;
  analytics_stops: AnalyticsStopTable;
  analysis_authorisations: AnalysisAuthorisationTable;
  detection_models: DetectionModelTable;
  wall_layouts: WallLayoutTable;
  onvif_devices: OnvifDeviceTable;
  habilitations: HabilitationTable;
  workstations: WorkstationTable;
  camera_stream_secrets: CameraStreamSecretTable;
  ptz_preset_masks: PtzPresetMaskTable;
  rule_replays: RuleReplayTable;
}

/** The ONVIF device a camera was added from, with the account Vigie uses on it (password sealed). */
export interface OnvifDeviceTable {
  camera_id: string;
  address: string;
  urn: string | null;
  username: string;
  password_sealed: string;
  manufacturer: string;
  model: string;
  serial_number: string;
  main_profile: string;
  sub_profile: string | null;
  ptz: boolean;
  added_at: ColumnType<Date, Date | string, Date | string>;
}

/** A camera stream's password, sealed by the server's credential vault (never in the camera's URL). */
export interface CameraStreamSecretTable {
  camera_id: string;
  role: 'main' | 'sub';
  password_sealed: string;
}

/** A camera row as read. */
export type CameraRow = Selectable<CameraTable>;
/** A camera row as written. */
export type NewCameraRow = Insertable<CameraTable>;

/** The privacy masks of one PTZ preset, with where the preset points. */
export interface PtzPresetMaskTable {
  camera_id: string;
  preset: string;
  name: string;
  pan: number;
  tilt: number;
  zoom: number;
  masks: Json<unknown[]>;
  updated_at: ColumnType<Date, Date | string, Date | string>;
}

/** A replay of stored footage through a rule, as the API gives it. */
export interface RuleReplayTable {
  id: string;
  camera_id: string;
  status: string;
  started_at: ColumnType<Date, Date | string, Date | string>;
  updated_at: ColumnType<Date, Date | string, Date | string>;
  body: Json<unknown>;
}
