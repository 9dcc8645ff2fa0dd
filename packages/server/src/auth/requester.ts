import type { Role } from '@vigie/core';

/** How the audit trail names whoever acts: every requester is one, and so is the command line at the machine. */
export interface AuditAuthor {
  /** The account the audit trail names, when a person with an account acts. */
  actorId?: string;
  /** The name the audit trail shows. */
  actorName: string;
  /** Where the action came from (IP address, or `local` for the command line). */
  source?: string;
}

/**
 * A person asking, identified by a session cookie or an API token: what they may see follows their
 * roles and, for operators, the cameras assigned to them; the audit trail names them.
 */
export interface PersonRequester extends AuditAuthor {
  userId: string;
  roles: readonly Role[];
}

/**
 * Vigie itself asking, not a person: a fleet, the demo setup, the ingestion of workers' reports. It
 * sees every camera; the audit trail shows it as `system (<task>)`.
 */
export interface SystemRequester extends AuditAuthor {
  /** What part of Vigie asks, e.g. `demo setup`. */
  system: string;
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
