import { imagePermissions, rolesGrant, VigieError } from '@vigie/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CoalescedAudit } from '../security/coalesced-audit.js';
import type { AuthService, Caller } from '../services/auth.service.js';
import type { HabilitationService } from '../services/habilitation.service.js';
import type { RecentAccess } from './recent-access.js';
import type { PersonRequester } from './requester.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling, when identified by a session cookie or an API token. */
    caller: Caller | undefined;
  }
}

/** Name of the session cookie (HttpOnly, SameSite=Strict). */
export const sessionCookie = 'vigie_session';

/** Name of the enrolled workstation's key cookie (HttpOnly, SameSite=Strict); API callers send X-Vigie-Workstation. */
export const workstationCookie = 'vigie_workstation';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The caller of a request, from its API token or session cookie; undefined when neither is valid (any more). */
export async function identify(request: FastifyRequest, auth: AuthService): Promise<Caller | undefined> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ') === true) return auth.fromToken(header.slice('Bearer '.length).trim());
  const cookie = request.cookies[sessionCookie];
  return cookie === undefined ? undefined : auth.fromSession(cookie);
}

/** Who the audit trail names for a request. */
export function auditAuthorOf(request: FastifyRequest): { actorId?: string; actorName: string; source: string } {
  const caller = request.caller;
  return caller === undefined
    ? { actorName: 'anonymous', source: request.ip }
    : { actorId: caller.userId, actorName: caller.username, source: request.ip };
}

/** The person calling a route that requires a login: their roles and cameras for access checks, their name for the audit trail. */
export function requesterOf(request: FastifyRequest): PersonRequester & { source: string } {
  const caller = request.caller;
  if (caller === undefined) throw new VigieError('AUTHENTICATION_REQUIRED', 'Log in to use this route.');
  return { userId: caller.userId, roles: caller.roles, ...auditAuthorOf(request) };
}

/** What a grant on a frequent route is remembered under: the route's access, the credential, the workstation. */
function grantKey(request: FastifyRequest, access: string): string {
  const workstation = request.cookies[workstationCookie] ?? request.headers['x-vigie-workstation'];
  const credential = request.headers.authorization ?? `cookie:${request.cookies[sessionCookie] ?? ''}`;
  return `${access}\n${credential}\n${typeof workstation === 'string' ? workstation : ''}`;
}

/** The camera a route names (`/api/cameras/:id/…`), for the habilitation's camera scope. */
function cameraOf(request: FastifyRequest): string | undefined {
  const params = request.params as Record<string, string | undefined>;
  return request.routeOptions.url?.startsWith('/api/cameras/:id') === true ? params.id : undefined;
}

/** Why this caller may not see images here (habilitation, workstation), or undefined when they may. */
async function imageRefusal(
  request: FastifyRequest,
  caller: Caller,
  habilitations: HabilitationService,
): Promise<VigieError | undefined> {
  const header = request.headers['x-vigie-workstation'];
  try {
    await habilitations.assertImageAccess({
      userId: caller.userId,
      cameraId: cameraOf(request),
      workstationKey: request.cookies[workstationCookie] ?? (typeof header === 'string' ? header : undefined),
    });
    return undefined;
  } catch (error) {
    if (error instanceof VigieError) return error;
    throw error;
  }
}

/** What the access check reads: credentials, habilitations, recent grants; where refusals are audited. */
interface AccessControlDeps {
  auth: AuthService;
  refusals: CoalescedAudit;
  habilitations: HabilitationService;
  recent: RecentAccess;
}

/**
 * The one mechanism that enforces the role matrix on every route: identifies the caller, then
 * checks the route's declared access. An /api route that declares nothing is refused (fail closed).
 * Image routes also need a valid habilitation (and an enrolled workstation where required, LEGAL R8–R10).
 * Denied requests to image routes are audited, coalesced per source so that nobody floods the trail;
 * cookie sessions must echo their CSRF token. A frequent route (segments) reuses a grant to the same credential
 * for a few seconds (`RecentAccess`).
 */
export function registerAccessControl(app: FastifyInstance, deps: AccessControlDeps): void {
  app.decorateRequest('caller', undefined);
  // A callback hook: a segment granted a moment ago passes without a promise; the others are checked in `admit`.
  app.addHook('onRequest', (request, _reply, done) => {
    const access = request.routeOptions.config.access;
    const grant =
      request.routeOptions.config.frequent === true && access !== undefined ? grantKey(request, access) : undefined;
    const granted = grant === undefined ? undefined : deps.recent.get(grant);
    if (granted === undefined) return void admit(request, deps, grant).then(() => done(), done);
    request.caller = granted;
    done();
  });
  // Answered: whatever it changed (a logout, a role, a habilitation) applies to the next frequent request too.
  app.addHook('onResponse', (request, _reply, done) => {
    if (unsafeMethods.has(request.method)) deps.recent.forgetAll();
    done();
  });
}

/** Identifies the caller and checks the route's declared access; remembers a frequent route's grant. */
async function admit(request: FastifyRequest, deps: AccessControlDeps, grant: string | undefined): Promise<void> {
  const url = request.routeOptions.url;
  const access = request.routeOptions.config.access;
  request.caller = await identify(request, deps.auth);
  if (url === undefined) return; // no route matched: the not-found handler answers
  if (access === undefined) {
    if (!url.startsWith('/api')) return; // the console's static files
    request.log.error(`Route ${request.method} ${url} declares no access rule; refused.`);
    throw new VigieError('PERMISSION_DENIED', 'This route has no access rule and is refused until it declares one.');
  }
  if (access === 'public') return;
  const caller = request.caller;
  const images =
    request.routeOptions.config.images ?? (access !== 'authenticated' && imagePermissions.includes(access));
  const denied =
    caller === undefined
      ? new VigieError('AUTHENTICATION_REQUIRED', 'Log in to use this route.')
      : access !== 'authenticated' && !rolesGrant(caller.roles, access)
        ? new VigieError('PERMISSION_DENIED', `Your roles (${caller.roles.join(', ')}) do not grant "${access}".`)
        : images
          ? await imageRefusal(request, caller, deps.habilitations)
          : undefined;
  if (denied !== undefined) {
    if (images) {
      await deps.refusals.record({
        action: 'access.denied',
        ...auditAuthorOf(request),
        details: { route: `${request.method} ${url}`, access, code: denied.code },
      });
    }
    throw denied;
  }
  if (
    caller?.via === 'session' &&
    unsafeMethods.has(request.method) &&
    request.headers['x-csrf-token'] !== caller.csrfToken
  ) {
    throw new VigieError('CSRF_TOKEN_INVALID', 'Missing or wrong X-CSRF-Token header for this session.');
  }
  if (grant !== undefined && caller !== undefined) deps.recent.remember(grant, caller);
}
