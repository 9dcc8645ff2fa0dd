/** What the audit trail records; one entry per action, written in the same transaction as the action. */
export const auditActions = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.locked',
  'access.denied',
  'camera.created',
  'camera.updated',
  'camera.deleted',
  'user.created',
  'user.roles_changed',
  'user.cameras_assigned',
  'token.created',
  'token.revoked',
  'live.started',
  'live.stopped',
  'playback.viewed',
  'export.created',
  'recording.purged',
  'recording.recovered',
  'setting.changed',
  'snapshot.viewed',
  'export.downloaded',
  'alert.opened',
  'alert.acted',
  'alert.ended',
  'alert.labelled',
  'analytics.rule_promoted',
  'analytics.paused',
  'analytics.resumed',
  'registry.recorded',
  'registry.photo_uploaded',
  'access_request.received',
  'access_request.status_changed',
  'access_request.range_added',
  'access_request.range_changed',
  'access_request.export_attached',
  'analysis_authorisation.recorded',
  'analysis_authorisation.started',
  'analysis_authorisation.ended',
  'hold.placed',
  'hold.released',
  'incident.opened',
  'incident.alert_added',
  'incident.acted',
  'incident.step_skipped',
  'incident_type.saved',
  'model.registered',
] as const;

/** An action the audit trail records. */
export type AuditAction = (typeof auditActions)[number];

/** What a caller asks to record. */
export interface AuditInput {
  action: AuditAction;
  /** Account that acted; undefined for the system or an anonymous caller. */
  actorId?: string;
  /** Name shown in the trail (kept even if the account is deleted). */
  actorName: string;
  cameraId?: string;
  rangeStart?: string;
  rangeEnd?: string;
  /** Why: required for playback and export. */
  reason?: string;
  /** Where from (IP address). */
  source?: string;
  details?: Record<string, unknown>;
}

/** A stored entry: its position in the chain, time, and the hashes that chain it. */
export interface AuditEntry extends AuditInput {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

/** The hash that starts the chain. */
export const auditGenesisHash = '0'.repeat(64);

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The exact text hashed for an entry: the previous hash, then every field in a canonical order. */
export function auditHashInput(entry: Omit<AuditEntry, 'hash'>): string {
  const { prevHash, ...fields } = entry;
  return `${prevHash}\n${canonical(fields)}`;
}

/** A break in the chain: where it is and what is wrong. */
export interface AuditBreak {
  seq: number;
  problem: 'modified' | 'reordered_or_inserted' | 'missing';
}

/** The outcome of checking the whole chain. */
export interface AuditVerification {
  valid: boolean;
  entries: number;
  breaks: AuditBreak[];
}

/**
 * Checks a chain read in seq order: each hash must match its content, each entry must point at the
 * previous hash, seqs must be contiguous, and the last entry must be the recorded head (so deleting
 * the newest entries is detected too). `digest` is SHA-256 in hex, injected to keep core free of I/O.
 */
export function verifyAuditChain(
  entries: readonly AuditEntry[],
  head: { seq: number; hash: string } | undefined,
  digest: (text: string) => string,
): AuditVerification {
  const breaks: AuditBreak[] = [];
  let previous = auditGenesisHash;
  let expectedSeq = 1;
  for (const entry of entries) {
    const { hash, ...rest } = entry;
    if (entry.seq !== expectedSeq)
      breaks.push({ seq: entry.seq, problem: entry.seq > expectedSeq ? 'missing' : 'reordered_or_inserted' });
    else if (entry.prevHash !== previous) breaks.push({ seq: entry.seq, problem: 'reordered_or_inserted' });
    if (digest(auditHashInput(rest)) !== hash) breaks.push({ seq: entry.seq, problem: 'modified' });
    previous = hash;
    expectedSeq = entry.seq + 1;
  }
  const last = entries.at(-1);
  if (head !== undefined && (last === undefined || last.seq !== head.seq || last.hash !== head.hash)) {
    breaks.push({
      seq: head.seq,
      problem: last !== undefined && last.seq > head.seq ? 'reordered_or_inserted' : 'missing',
    });
  }
  return { valid: breaks.length === 0, entries: entries.length, breaks };
}
