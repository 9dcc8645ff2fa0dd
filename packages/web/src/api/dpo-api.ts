import { api, csrfHeader } from './client';
import type { Body, Query, Reply } from './schema-types';

// The DPO's routes (legal registry, compliance exports, access requests), through the typed client; the
// types come from the API's OpenAPI document (schema.d.ts, `npm run gen:api`).

/** A camera's entry in the legal registry, with its authorisation state computed by the server. */
export type RegistryEntry = Reply<'/api/cameras/{id}/registry', 'get', 200>;

/** What the DPO records for a camera (replaces the entry). */
export type RegistryEntryInput = Body<'/api/cameras/{id}/registry', 'put'>;

/** A camera's data-protection impact assessment. */
export type Dpia = NonNullable<RegistryEntryInput['dpia']>;

/** An analytic an impact assessment may cover. */
export type CoveredAnalytic = Dpia['coveredAnalytics'][number];

/** A sign's status: installed, planned, missing. */
export type SignageStatus = RegistryEntryInput['signage']['status'];

/** What a camera looks at: public space only, or private space in part. */
export type Facing = RegistryEntryInput['facing'];

/** A stored sign photo's metadata. */
export type SignPhoto = NonNullable<RegistryEntry['signage']['photo']>;

/** A citizen's access request in the DPO's list. */
export type AccessRequestSummary = Reply<'/api/access-requests', 'get', 200>[number];

/** A citizen's access request in full: description, contact, history, matched footage. */
export type AccessRequest = Reply<'/api/access-requests/{id}', 'get', 200>;

/** Where an access request stands. */
export type AccessRequestStatus = AccessRequest['status'];

/** Footage matched to a request, with its hold and its anonymised copy. */
export type MatchedRange = AccessRequest['ranges'][number];

/** How the DPO moves a request on. */
export type StatusChange = Body<'/api/access-requests/{id}/status', 'post'>;

/** Footage the DPO attaches to a request. */
export type MatchedRangeInput = Body<'/api/access-requests/{id}/ranges', 'post'>;

/** The DPO's change to matched footage: release or restore its hold, or mark its copy reviewed. */
export type MatchedRangePatch = Body<'/api/access-requests/{id}/ranges/{rangeId}', 'patch'>;

/** The anonymised copy just made: its manifest and what was pixelated, and how. */
export type AnonymisedCopy = Reply<'/api/access-requests/{id}/ranges/{rangeId}/export', 'post', 201>;

/** A field the server named as wrong, and why. */
export interface FieldProblem {
  path: string;
  reason: string;
}

/** What went wrong, as the server said it: code, message, and the fields to correct. */
export interface ApiFailure {
  status: number;
  code: string;
  message: string;
  details: FieldProblem[];
}

/** The outcome of a call: its data, or the server's error with its field details. */
export type Outcome<T> = { ok: true; data: T } | ({ ok: false } & ApiFailure);

/** Reads the server's JSON error body (`{error:{code,message,details}}`), or names the HTTP status. */
export function failureOf(body: unknown, status: number): ApiFailure {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  const details = Array.isArray(error?.details)
    ? (error.details as unknown[]).filter(
        (d): d is FieldProblem =>
          typeof (d as FieldProblem | undefined)?.path === 'string' &&
          typeof (d as FieldProblem | undefined)?.reason === 'string',
      )
    : [];
  return {
    status,
    code: typeof error?.code === 'string' ? error.code : 'HTTP_ERROR',
    message: typeof error?.message === 'string' ? error.message : `HTTP ${status}`,
    details,
  };
}

/** Turns an openapi-fetch call into an `Outcome`: its data, or the server's error. */
export async function outcome<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<Outcome<T>> {
  const { data, error, response } = await call;
  return response.ok ? { ok: true, data: data as T } : { ok: false, ...failureOf(error, response.status) };
}

const id = encodeURIComponent;

/** Each requirement of the active legal profile, with pass / fail / manual for this installation. */
export type ComplianceChecklist = Reply<'/api/compliance/checklist', 'get', 200>;

/** The language the checklist is written in (the console's). */
export type ChecklistLanguage = NonNullable<Query<'/api/compliance/checklist', 'get'>['lang']>;

/** One requirement's verdict, its findings and what to do. */
export type ComplianceCheck = ComplianceChecklist['checks'][number];

/** The DPO's calls: registry entries and sign photos, access requests and their anonymised copies. */
export const dpoApi = {
  /** The checklist written in the console's language. */
  checklist: (lang: ChecklistLanguage) =>
    outcome(api.GET('/api/compliance/checklist', { params: { query: { lang } } })),
  registry: (cameraId: string) =>
    outcome(api.GET('/api/cameras/{id}/registry', { params: { path: { id: cameraId } } })),
  recordRegistry: (cameraId: string, body: RegistryEntryInput) =>
    outcome(api.PUT('/api/cameras/{id}/registry', { params: { path: { id: cameraId } }, body })),
  /** Sends the photo's raw bytes with its own type; the server checks the bytes are a JPEG or PNG. */
  uploadSignPhoto: async (cameraId: string, photo: Blob): Promise<Outcome<SignPhoto>> => {
    const response = await fetch(`/api/cameras/${id(cameraId)}/registry/signage-photo`, {
      method: 'PUT',
      headers: { 'content-type': photo.type, ...csrfHeader() },
      body: photo,
    });
    const body: unknown = await response.json().catch(() => undefined);
    return response.ok ? { ok: true, data: body as SignPhoto } : { ok: false, ...failureOf(body, response.status) };
  },
  requests: (query: { status?: AccessRequestStatus; overdue?: 'true' }) =>
    outcome(api.GET('/api/access-requests', { params: { query } })),
  request: (requestId: string) =>
    outcome(api.GET('/api/access-requests/{id}', { params: { path: { id: requestId } } })),
  changeStatus: (requestId: string, body: StatusChange) =>
    outcome(api.POST('/api/access-requests/{id}/status', { params: { path: { id: requestId } }, body })),
  addRange: (requestId: string, body: MatchedRangeInput) =>
    outcome(api.POST('/api/access-requests/{id}/ranges', { params: { path: { id: requestId } }, body })),
  updateRange: (requestId: string, rangeId: string, body: MatchedRangePatch) =>
    outcome(
      api.PATCH('/api/access-requests/{id}/ranges/{rangeId}', { params: { path: { id: requestId, rangeId } }, body }),
    ),
  makeCopy: (requestId: string, rangeId: string) =>
    outcome(
      api.POST('/api/access-requests/{id}/ranges/{rangeId}/export', { params: { path: { id: requestId, rangeId } } }),
    ),
};

/** The photo of a camera's sign; the fingerprint in the address shows a new photo at once. */
export const signPhotoUrl = (cameraId: string, sha256: string) =>
  `/api/cameras/${id(cameraId)}/registry/signage-photo?v=${sha256.slice(0, 16)}`;

/** The anonymised copy of a matched range, for review and delivery (download audited). */
export const accessCopyUrl = (requestId: string, rangeId: string) =>
  `/api/access-requests/${id(requestId)}/ranges/${id(rangeId)}/video.mp4`;

/** The compliance exports registry readers may open: record of processing and retention report, JSON and HTML. */
export const complianceLinks = [
  {
    report: 'recordOfProcessing',
    json: '/api/compliance/record-of-processing',
    html: '/api/compliance/record-of-processing.html',
  },
  { report: 'retention', json: '/api/compliance/retention', html: '/api/compliance/retention.html' },
] as const;
