/** How an error should be understood by a caller; the server maps each kind to one HTTP status. */
export type ErrorKind =
  'invalid' | 'not_found' | 'conflict' | 'unauthenticated' | 'forbidden' | 'rate_limited' | 'unavailable';

/** Every error Vigie reports, with its kind and what a person should do about it. */
export const errorRegistry = {
  VALIDATION_FAILED: {
    kind: 'invalid',
    hint: 'Correct the fields listed in details and send the request again.',
  },
  TEXT_CONTAINS_NUL: {
    kind: 'invalid',
    hint: 'Remove the NUL character (\\u0000) from the fields listed in details: no text field takes one.',
  },
  CAMERA_NOT_FOUND: {
    kind: 'not_found',
    hint: 'List cameras with GET /api/cameras to find a valid id.',
  },
  CAMERA_NAME_TAKEN: {
    kind: 'conflict',
    hint: 'Choose another name, or edit the existing camera instead.',
  },
  CAMERA_HOLDS_EVIDENCE: {
    kind: 'conflict',
    hint: 'Release or close what holds its footage first (the message names the access requests and legal holds), or keep the camera and switch it off.',
  },
  CAMERA_VERSION_CONFLICT: {
    kind: 'conflict',
    hint: 'Someone else changed this camera; reload it and apply your change again.',
  },
  ONVIF_DEVICE_UNREACHABLE: {
    kind: 'unavailable',
    hint: 'Check that the device is powered, on the network and that its ONVIF service is switched on; then try again.',
  },
  ONVIF_NOT_AUTHORISED: {
    kind: 'invalid',
    hint: 'Check the ONVIF user name and password (an ONVIF account of the camera, often not its web login).',
  },
  ONVIF_NO_VIDEO_PROFILE: {
    kind: 'invalid',
    hint: 'Create an H.264 or H.265 media profile on the camera (its web interface), then add it again.',
  },
  ONVIF_PROFILE_NOT_FOUND: {
    kind: 'invalid',
    hint: 'Choose the main and sub streams among the profiles the device lists (read them again: the camera may have been reconfigured).',
  },
  PTZ_NOT_AVAILABLE: {
    kind: 'conflict',
    hint: 'Only cameras added from an ONVIF device with a PTZ service can be steered; add the camera through ONVIF discovery.',
  },
  PTZ_CONTROL_HELD: {
    kind: 'conflict',
    hint: 'Wait until the holder named in the message releases the controls or stops steering (they expire after 30 s without a command), or ask a supervisor.',
  },
  PTZ_PRESET_NOT_FOUND: {
    kind: 'not_found',
    hint: 'List the presets with GET /api/cameras/{id}/ptz/presets to find a valid token.',
  },
  PTZ_MASKS_NOT_FOLLOWED: {
    kind: 'conflict',
    hint: 'This camera has masks per preset, and no recorder of this server follows its head now (it is recorded by a worker, or not recorded): a move could show the new view before the masks follow, so it is refused. Steer it while this server records it, or remove its preset masks.',
  },
  PTZ_PRESET_POSITION_UNKNOWN: {
    kind: 'conflict',
    hint: 'The camera does not say where this preset points, so its masks could never be placed: save the preset again from the console, or use a camera that reports preset positions.',
  },
  UNSUPPORTED_SOURCE_URL: {
    kind: 'invalid',
    hint: 'Use an rtsp://, rtsps://, http:// or https:// URL of the camera (file:// for the demo only).',
  },
  SOURCE_URL_REFUSED: {
    kind: 'invalid',
    hint: 'Give the camera’s address on the camera network. Loopback, link-local and cloud-metadata addresses, the server itself and local files are refused unless the configuration allows them (VIGIE_CAMERA_NETWORKS, VIGIE_DEMO).',
  },
  RETENTION_EXCEEDS_LEGAL_MAXIMUM: {
    kind: 'invalid',
    hint: 'Lower retentionDays to the legal maximum the message names (the active legal profile’s; one month in France, CSI L252-5).',
  },
  DUPLICATE_PURPOSE: { kind: 'invalid', hint: 'List each purpose once.' },
  PURPOSE_NOT_IN_PROFILE: {
    kind: 'invalid',
    hint: 'Declare only purposes of the legal profile this installation runs under (the message lists them; GET /api/console/settings too).',
  },
  TIME_RANGE_INVALID: {
    kind: 'invalid',
    hint: 'Send ISO 8601 times with "from" before "to", within the camera retention period.',
  },
  PURPOSE_NOT_DECLARED: {
    kind: 'invalid',
    hint: "Give as purpose one of the camera's declared purposes (LEGAL R2); GET /api/cameras/{id} lists them.",
  },
  NO_RECORDING: {
    kind: 'not_found',
    hint: 'Choose a time range inside the recorded ranges (GET /api/cameras/{id}/recordings).',
  },
  VIEWING_SESSION_NOT_FOUND: {
    kind: 'not_found',
    hint: 'The live or playback session ended or belongs to someone else; open a new one.',
  },
  EXPORT_NOT_FOUND: { kind: 'not_found', hint: 'List the camera exports in the audit trail to find a valid id.' },
  HOLD_INVALID: {
    kind: 'invalid',
    hint: 'Give the requisition reference, a held range that ends after it starts, and an expiry within a year.',
  },
  INCIDENT_NOT_FOUND: { kind: 'not_found', hint: 'List incidents with GET /api/incidents to find a valid id.' },
  INCIDENT_TYPE_NOT_FOUND: {
    kind: 'not_found',
    hint: 'List incident types with GET /api/incident-types to find a valid id.',
  },
  INCIDENT_TYPE_INVALID: { kind: 'invalid', hint: 'Give every step of the checklist its own id.' },
  INCIDENT_TRANSITION_INVALID: {
    kind: 'conflict',
    hint: 'An incident goes new → in progress → resolved → closed; a resolved one may be reopened.',
  },
  INCIDENT_STEP_UNKNOWN: { kind: 'invalid', hint: 'Tick a step of the incident type’s checklist.' },
  INCIDENT_CLOSED: { kind: 'conflict', hint: 'A closed incident only takes notes; open a new one if needed.' },
  LIFT_INVALID: {
    kind: 'invalid',
    hint: 'Ask for a camera with a liftable mask, a past range, a written reason and an expiry within 72 hours.',
  },
  LIFT_NOT_PENDING: { kind: 'conflict', hint: 'Only a requested lift, not yet expired, can be approved or refused.' },
  LIFT_SELF_APPROVAL: { kind: 'forbidden', hint: 'Ask another person holding the approving role to decide.' },
  LIFT_NOT_APPROVED: { kind: 'forbidden', hint: 'Only the requester of an approved lift may see behind the mask.' },
  LIFT_EXPIRED: { kind: 'forbidden', hint: 'Ask for a new lift, with its reason; it needs a new approval.' },
  LIFT_NOT_FOUND: { kind: 'not_found', hint: 'List lifts with GET /api/unmask-lifts to find a valid id.' },
  LIFT_UNAVAILABLE: {
    kind: 'conflict',
    hint: 'Set VIGIE_UNMASK_SECRET so that the picture behind liftable masks is kept (sealed), then record the range.',
  },
  HOLD_NOT_FOUND: { kind: 'not_found', hint: 'List legal holds with GET /api/holds to find a valid id.' },
  HOLD_RELEASED: { kind: 'conflict', hint: 'This hold was already released; place a new one if footage must be kept.' },
  EXPORT_NOT_PACKAGED: {
    kind: 'conflict',
    hint: 'Export the same range again: exports made since signing exists come as a verifiable package.',
  },
  ALERT_NOT_FOUND: { kind: 'not_found', hint: 'List alerts with GET /api/alerts to find a valid id.' },
  ALERT_CLOSED: { kind: 'conflict', hint: 'A closed alert only takes notes; reload the queue.' },
  WALL_LAYOUT_NOT_FOUND: {
    kind: 'not_found',
    hint: 'List your saved walls with GET /api/me/wall-layouts to find its name.',
  },
  ALERT_NOT_SHADOW: {
    kind: 'conflict',
    hint: 'Only alerts of a rule running in shadow take a label; qualify a live alert instead.',
  },
  RULE_PROMOTION_REQUIRED: {
    kind: 'conflict',
    hint: 'Promote the rule with POST /api/cameras/{id}/rules/{type}/promote once enough shadow alerts are labelled.',
  },
  FIRE_MODEL_MISSING: {
    kind: 'unavailable',
    hint: 'Train the fire model (npm run train:fire), register it in the model registry and set VIGIE_FIRE_MODEL to its path on the server and the workers, then restart them; until then fire_smoke does not run (it never raises on colour alone).',
  },
  CALIBRATION_REQUIRED: {
    kind: 'conflict',
    hint: 'In the camera editor, mark four points on the ground of the snapshot and give where they lie in metres (e.g. the corners of a rectangle of known size), save, then switch the rule on.',
  },
  RULE_NOT_IN_SHADOW: {
    kind: 'conflict',
    hint: 'Only a rule switched on and running in shadow can be promoted; reload the camera.',
  },
  REPLAY_NOT_FOUND: {
    kind: 'not_found',
    hint: 'The 20 newest replays are kept; this one is older or never existed: start it again.',
  },
  REPLAY_NOT_RUNNING: {
    kind: 'conflict',
    hint: 'Only a running replay can be cancelled; this one already finished (read it with GET /api/replays/{id}).',
  },
  REPLAY_INTERRUPTED: {
    kind: 'unavailable',
    hint: 'The server stopped while the replay ran; start it again.',
  },
  REPLAY_NOT_LAWFUL: {
    kind: 'conflict',
    hint: 'A replay is an analysis of the camera’s images: record its authorisation, an impact assessment covering the rule and, for alert analytics, an active analysis authorisation in the legal registry; resume analytics if they were stopped.',
  },
  REPLAY_BUSY: {
    kind: 'conflict',
    hint: 'One replay runs at a time on a server; wait for the one under way to finish (its progress is on GET /api/replays/{id}).',
  },
  SHADOW_EVIDENCE_INSUFFICIENT: {
    kind: 'conflict',
    hint: 'Label more of the rule’s shadow alerts (true / false / irrelevant) on the review list, or recalibrate it, then try again.',
  },
  MEDIA_UNAVAILABLE: {
    kind: 'unavailable',
    hint: 'Check that ffmpeg is installed (apt-get install ffmpeg) and that the camera is recording.',
  },
  DUPLICATE_ID: {
    kind: 'invalid',
    hint: 'Give each zone, mask and line a distinct id.',
  },
  AUTHORISATION_PERIOD_INVALID: {
    kind: 'invalid',
    hint: 'Copy the dates from the prefectoral order: signed no later than today, expiring after that and at most five years later (CSI L252-4).',
  },
  REGISTRY_ENTRY_NOT_FOUND: {
    kind: 'not_found',
    hint: 'A DPO records the camera’s authorisation, signage and facing with PUT /api/cameras/{id}/registry.',
  },
  CAMERA_NOT_AUTHORISED: {
    kind: 'forbidden',
    hint: 'A DPO must record the camera’s current prefectoral authorisation (PUT /api/cameras/{id}/registry); its images stay locked until then.',
  },
  HABILITATION_MISSING: {
    kind: 'forbidden',
    hint: 'An administrator must record your individual designation act and training dates (PUT /api/users/{username}/habilitation) before you see images.',
  },
  HABILITATION_EXPIRED: {
    kind: 'forbidden',
    hint: 'Your designation or training has lapsed (the message says which): renew it, then ask an administrator to record the new dates.',
  },
  HABILITATION_OUT_OF_SCOPE: {
    kind: 'forbidden',
    hint: 'Your designation act does not name this camera; ask for it to be extended, or use a camera it covers.',
  },
  HABILITATION_INVALID: {
    kind: 'invalid',
    hint: 'Copy the dates from the designation act and the training certificates (the details say what is inconsistent).',
  },
  WORKSTATION_NOT_ENROLLED: {
    kind: 'forbidden',
    hint: 'Images are shown only on the supervision room’s enrolled workstations: use one, or have an administrator enrol this one (vigie workstation enrol).',
  },
  WORKSTATION_NOT_FOUND: { kind: 'not_found', hint: 'List enrolled workstations with GET /api/workstations.' },
  EXPORT_RECIPIENT_KEY_INVALID: {
    kind: 'invalid',
    hint: 'Give the recipient’s age public key (age1…), or a passphrase of at least 12 characters to tell them by another channel.',
  },
  ACCESS_REQUEST_EXTENSION_REFUSED: {
    kind: 'conflict',
    hint: 'A deadline can be extended once, before it passes, and only for an open request; give the reason the requester will read.',
  },
  PRIVATE_SPACE_UNMASKED: {
    kind: 'forbidden',
    hint: 'Draw privacy masks over the dwellings and entrances in view (PATCH /api/cameras/{id}, "masks"), then try again.',
  },
  MASK_TOO_SMALL: {
    kind: 'invalid',
    hint: 'Draw each privacy mask (or private region) over at least 0.05 % of the picture: a mask of three near-equal points hides nothing.',
  },
  MASKS_LEAVE_PRIVATE_SPACE_VISIBLE: {
    kind: 'invalid',
    hint: 'The camera faces private space: keep masks that hide all of every private region the DPO declared (GET /api/cameras/{id}/registry), then save again.',
  },
  SIGNAGE_PHOTO_INVALID: {
    kind: 'invalid',
    hint: 'Send one JPEG or PNG image of at most 4 MiB as the raw body, with Content-Type image/jpeg or image/png.',
  },
  SIGNAGE_PHOTO_NOT_FOUND: {
    kind: 'not_found',
    hint: 'Upload a photo of the sign with PUT /api/cameras/{id}/registry/signage-photo.',
  },
  ANALYTIC_NOT_JUSTIFIED: {
    kind: 'invalid',
    hint: 'Enable only analytics that one of the camera’s declared purposes justifies (the details name them), or declare that purpose if it is authorised.',
  },
  ANALYSIS_AUTHORISATION_INVALID: {
    kind: 'invalid',
    hint: 'Copy the decision as it was signed: its end after its start and within the longest period the legal profile allows, and only the event types it lists (the details name what is wrong).',
  },
  MODEL_REGISTRATION_INVALID: {
    kind: 'invalid',
    hint: 'Give what the legal profile asks of a model (the details name it), e.g. the reference of its attestation of conformity.',
  },
  MODEL_NOT_REGISTERED: {
    kind: 'forbidden',
    hint: 'Register the model file with `vigie registry model <file> …` (DPO), or restore the registered file; analytics that need it stay off until then.',
  },
  TIME_WINDOW_INVALID: {
    kind: 'invalid',
    hint: 'Give a time window that starts before it ends, is not in the future, and spans at most a day.',
  },
  ACCESS_REQUEST_NOT_FOUND: {
    kind: 'not_found',
    hint: 'List requests with GET /api/access-requests to find a valid id.',
  },
  ACCESS_REQUEST_RANGE_NOT_FOUND: {
    kind: 'not_found',
    hint: 'Read the request (GET /api/access-requests/{id}) to see its matched ranges.',
  },
  ACCESS_REQUEST_TRANSITION_INVALID: {
    kind: 'conflict',
    hint: 'Follow the workflow: received → searching → footage_found or no_footage → export_ready → delivered; or rejected with a reason.',
  },
  TOO_MANY_REQUESTS: {
    kind: 'rate_limited',
    hint: 'Wait before sending another request; if you need to, write to the data protection officer instead.',
  },
  DATABASE_IN_USE: {
    kind: 'unavailable',
    hint: 'Stop the other Vigie process using this data directory.',
  },
  USERNAME_TAKEN: { kind: 'conflict', hint: 'Choose another username.' },
  USER_NOT_FOUND: { kind: 'not_found', hint: 'List accounts with GET /api/users to find a valid id.' },
  CAPABILITY_REFUSED_BY_LAW: {
    kind: 'invalid',
    hint: 'Vigie will not do this in any configuration; see docs/lawful-by-design.md for what it offers instead.',
  },
  AUTHENTICATION_REQUIRED: { kind: 'unauthenticated', hint: 'Log in (POST /api/auth/login) or send an API token.' },
  INVALID_CREDENTIALS: {
    kind: 'unauthenticated',
    hint: 'Check the username, the password and, for roles that view images, the 6-digit code of your authenticator app (each code works once).',
  },
  TOKEN_NOT_FOUND: {
    kind: 'not_found',
    hint: 'List API tokens with GET /api/tokens (or `vigie user tokens`) to find a valid id.',
  },
  ACCOUNT_LOCKED: { kind: 'forbidden', hint: 'Wait until the lock ends, or ask an administrator.' },
  PERMISSION_DENIED: { kind: 'forbidden', hint: 'Ask a supervisor or administrator for the role this action needs.' },
  CSRF_TOKEN_INVALID: {
    kind: 'forbidden',
    hint: 'Send the csrfToken returned at login in the X-CSRF-Token header, or log in again.',
  },
  ROUTE_NOT_FOUND: {
    kind: 'not_found',
    hint: 'Check the URL; the API is described at /api/openapi.json.',
  },
  EVENT_INVALID: {
    kind: 'invalid',
    hint: 'Run the same Vigie release on every server and worker; the event was set aside, not applied.',
  },
  BUS_UNAVAILABLE: {
    kind: 'unavailable',
    hint: 'Check that NATS is running with JetStream (nats-server -js) at NATS_URL, or unset NATS_URL to run on one machine.',
  },
  SEGMENT_NODE_UNREACHABLE: {
    kind: 'unavailable',
    hint: 'The worker that holds this recording is down or unreachable; start it again, or wait for it to come back.',
  },
  ORIGIN_NOT_ALLOWED: {
    kind: 'forbidden',
    hint: 'Open the console from the address the server is served at; other sites may not use its event socket.',
  },
  DATABASE_UNAVAILABLE: {
    kind: 'unavailable',
    hint: 'The database connection was lost; Vigie reconnects by itself. Try again in a few seconds; if it persists, check that PostgreSQL is running (GET /api/health tells).',
  },
  INTERNAL_ERROR: {
    kind: 'unavailable',
    hint: 'Try again; if it persists, an administrator should read the server log.',
  },
} as const satisfies Record<string, { kind: ErrorKind; hint: string }>;

/** A stable error code from the registry. */
export type ErrorCode = keyof typeof errorRegistry;

/** One problem with one field of an input, addressed by a JSON pointer such as `/zones/0/polygon`. */
export interface FieldProblem {
  path: string;
  reason: string;
}

/** A typed, coded error raised by domain rules and services; never carries HTTP notions. */
export class VigieError extends Error {
  readonly code: ErrorCode;
  readonly details: readonly FieldProblem[];

  constructor(code: ErrorCode, message: string, details: readonly FieldProblem[] = []) {
    super(message);
    this.name = 'VigieError';
    this.code = code;
    this.details = details;
  }

  /** The kind of failure, from the registry. */
  get kind(): ErrorKind {
    return errorRegistry[this.code].kind;
  }

  /** What the caller should do next, from the registry. */
  get hint(): string {
    return errorRegistry[this.code].hint;
  }
}

/** Tells whether a value is a VigieError (also across package copies). */
export function isVigieError(value: unknown): value is VigieError {
  return value instanceof VigieError;
}
