import {
  errorRegistry,
  isVigieError,
  refusedCapabilityNamed,
  type ErrorCode,
  type ErrorKind,
  type FieldProblem,
  type LegalProfile,
} from '@vigie/core';
import { isConnectionLoss } from '@vigie/db';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';

const statusByKind: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

/** The JSON body of every error response. */
export const ErrorBodySchema = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    hint: Type.String(),
    details: Type.Array(Type.Object({ path: Type.String(), reason: Type.String() })),
  }),
});

/** Builds an error body from a registry code. */
export function errorBody(code: ErrorCode, message: string, details: readonly FieldProblem[] = []) {
  return {
    error: {
      code,
      message,
      hint: errorRegistry[code].hint,
      details: [...details],
    },
  };
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
  /** The rejected value (Ajv's `verbose` option). */
  data?: unknown;
}

/** A refused capability named by a field's name, or by a value outside a closed list (`"plate_reading"`). */
function refusedIn(error: AjvError, path: string, profile: LegalProfile) {
  return (
    refusedCapabilityNamed(path.split('/').at(-1) ?? '', profile) ??
    (error.keyword === 'enum' && typeof error.data === 'string'
      ? refusedCapabilityNamed(error.data, profile)
      : undefined)
  );
}

/** Turns schema-validation errors into field problems a person can act on. */
export function validationProblems(errors: readonly AjvError[], part: string): FieldProblem[] {
  return errors.map((e) => {
    const extra =
      e.keyword === 'required'
        ? `/${String(e.params['missingProperty'])}`
        : e.keyword === 'additionalProperties'
          ? `/${String(e.params['additionalProperty'])}`
          : '';
    const reason =
      e.keyword === 'required'
        ? 'is required'
        : e.keyword === 'additionalProperties'
          ? 'is not a known field'
          : e.keyword === 'enum'
            ? `must be one of: ${(e.params['allowedValues'] as string[]).join(', ')}`
            : (e.message ?? 'is invalid');
    return {
      path: `${part === 'body' ? '' : `/${part}`}${e.instancePath}${extra}` || '/',
      reason,
    };
  });
}

/**
 * The one place where errors become HTTP responses; never sends a stack trace. A refused capability
 * is answered with the texts the active legal profile quotes.
 */
export function errorHandler(
  profile: LegalProfile,
): (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => FastifyReply {
  return (error, request, reply) => handleError(error, { request, reply, profile });
}

function handleError(
  error: FastifyError,
  context: { request: FastifyRequest; reply: FastifyReply; profile: LegalProfile },
): FastifyReply {
  const { request, reply, profile } = context;
  // A refused WebSocket upgrade must not leave its connection open (the server would wait for it on close).
  if (request.headers.upgrade !== undefined) {
    void reply.header('connection', 'close');
    reply.raw.once('finish', () => request.raw.socket.destroy());
  }
  if (isVigieError(error)) {
    return reply.status(statusByKind[error.kind]).send(errorBody(error.code, error.message, error.details));
  }
  if (error.validation) {
    const part = error.validationContext ?? 'body';
    const details = validationProblems(error.validation, part);
    // A refused capability (face recognition, plate reading…) gets the legal reason, not just "unknown field".
    for (const [index, detail] of details.entries()) {
      const raw = error.validation[index];
      const refused = raw === undefined ? undefined : refusedIn(raw, detail.path, profile);
      if (refused !== undefined) {
        const problem = { path: detail.path, reason: `${refused.id} is refused by design` };
        return reply.status(400).send(errorBody('CAPABILITY_REFUSED_BY_LAW', refused.reason, [problem]));
      }
    }
    const summary = details.map((d) => `${d.path} ${d.reason}`).join('; ');
    return reply.status(400).send(errorBody('VALIDATION_FAILED', `Invalid request ${part}: ${summary}.`, details));
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    // Framework-level client errors (malformed JSON, wrong content type, body too large).
    const message =
      error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
        ? `Unsupported content-type "${request.headers['content-type'] ?? ''}": send JSON with Content-Type: application/json.`
        : error.message;
    return reply.status(error.statusCode).send(errorBody('VALIDATION_FAILED', message));
  }
  if (isConnectionLoss(error)) {
    // Not a bug of this request: the database is away; Retry-After tells clients when to try again.
    request.log.warn({ err: error }, 'database unavailable');
    return reply
      .status(503)
      .header('retry-after', '5')
      .send(errorBody('DATABASE_UNAVAILABLE', 'The database is unreachable for the moment; try again shortly.'));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send(errorBody('INTERNAL_ERROR', 'The server could not complete this request.'));
}
