import type { Role } from '@vigie/core';

/**
 * A person asking, identified by a session cookie or an API token: what they may see follows their
 * roles and, for operators, the cameras assigned to them; the audit trail names them.
 */
export interface PersonRequester {
  userId: string;
  roles: readonly Role[];
  /** The account the audit trail names (the same as `userId`). */
  actorId?: string;
  /** The username the audit trail shows. */
  actorName: string;
  /** Where the request came from (IP address). */
  source?: string;
}

/**
 * Vigie itself asking, not a person: a fleet, the demo setup, the ingestion of workers' reports. It
 * sees every camera; the audit trail shows it as `system (<task>)`.
 */
export interface SystemRequester {
  /** What part of Vigie asks, e.g. `demo setup`. */
  system: string;
  actorName: string;
}

/** Who asks a service for something: always named, never left out (an internal call says it is one). */
export type Requester = PersonRequester | SystemRequester;

/** The identity of an internal call, named after the task that makes it. */
export function systemRequester(task: string): SystemRequester {
  return { system: task, actorName: `system (${task})` };
}

/** Whether Vigie itself asks (no person, no role check). */
export function isSystem(requester: Requester): requester is SystemRequester {
  return 'system' in requester;
}
