import Type, { type Static } from 'typebox';
import Value from 'typebox/value';

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
  'camera.discovery_run',
  'camera.stream_password_sealed',
  'camera.own_masks_checked',
  'camera.segments_remasked',
  'ptz.control_taken',
  'ptz.control_released',
  'ptz.moved',
  'ptz.preset_recalled',
  'ptz.preset_saved',
  'ptz.preset_masks_saved',
  'user.created',
  'habilitation.recorded',
  'workstation.enrolled',
  'workstation.revoked',
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
  'storage.low',
  'storage.recovered',
  'setting.changed',
  'snapshot.viewed',
  'export.downloaded',
  'export.transmitted',
  'alert.opened',
  'alert.acted',
  'alert.ended',
  'alert.labelled',
  'analytics.rule_promoted',
  'analytics.rule_replayed',
  'analytics.rule_replay_cancelled',
  'analytics.paused',
  'analytics.resumed',
  'registry.recorded',
  'registry.photo_uploaded',
  'access_request.received',
  'access_request.status_changed',
  'access_request.range_added',
  'access_request.range_changed',
  'access_request.export_attached',
  'access_request.deadline_extended',
  'access_request.reminder_sent',
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
  'wall_layout.saved',
  'wall_layout.deleted',
  'unmask.requested',
  'unmask.approved',
  'unmask.refused',
  'unmask.viewed',
  'unmask.view_refused',
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

/**
 * A signed statement of the trail's head at a time: how many entries it had and the last one's hash.
 * Signed with the installation key (kept outside the database) and kept outside the database too, so
 * that a rewrite of the trail, even with every following hash recomputed, no longer matches it.
 */
export const AuditCheckpointSchema = Type.Object(
  {
    entries: Type.Integer({ minimum: 0, description: "Entries in the trail when signed (the head's seq)." }),
    headHash: Type.String({
      pattern: '^[0-9a-f]{64}$',
      description: 'SHA-256 of entry `entries` (64 zeros for an empty trail).',
    }),
    at: Type.String({ format: 'date-time' }),
    keyId: Type.String({ description: 'Fingerprint of the signing key.' }),
    signature: Type.String({ description: 'Ed25519 signature of the checkpoint text, base64.' }),
  },
  { additionalProperties: false },
);

/** A signed checkpoint of the audit trail's head. */
export type AuditCheckpoint = Static<typeof AuditCheckpointSchema>;

/** A checkpoint read from one line of the checkpoint file; undefined when the line is not one. */
export function parseAuditCheckpoint(line: string): AuditCheckpoint | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return Value.Check(AuditCheckpointSchema, value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The exact text a checkpoint's signature covers. */
export function auditCheckpointText(checkpoint: Omit<AuditCheckpoint, 'signature'>): string {
  return `vigie-audit-checkpoint/1\n${checkpoint.entries}\n${checkpoint.headHash}\n${checkpoint.at}\n${checkpoint.keyId}`;
}

/** What a checkpoint says is wrong with the trail, or with itself. */
export interface AuditCheckpointBreak {
  /** When the checkpoint was signed. */
  at: string;
  entries: number;
  /** `unreadable`: a line of the checkpoint file is not a checkpoint. */
  problem: 'signature_invalid' | 'entries_missing' | 'rewritten' | 'unreadable';
}

/** The chain's own checks, and the trail held to its signed checkpoints. */
export interface AuditTrailVerification extends AuditVerification {
  /** Checkpoints whose signature holds. */
  checkpoints: number;
  /** Entries covered by the newest valid checkpoint (later ones are only chain-checked). */
  anchoredEntries: number;
  checkpointBreaks: AuditCheckpointBreak[];
}

/**
 * Checks the chain, then holds it to each checkpoint whose signature `verifySignature` accepts: the
 * trail must still have the entry the checkpoint counted, with the hash it signed. Truncation, a
 * deleted or changed entry with every later hash recomputed, or a wiped trail all fail that.
 */
export function verifyAuditTrail(
  chain: { entries: readonly AuditEntry[]; head: { seq: number; hash: string } | undefined },
  checkpoints: readonly AuditCheckpoint[],
  crypto: { digest: (text: string) => string; verifySignature: (checkpoint: AuditCheckpoint) => boolean },
): AuditTrailVerification {
  const result = verifyAuditChain(chain.entries, chain.head, crypto.digest);
  const bySeq = new Map(chain.entries.map((entry) => [entry.seq, entry]));
  const checkpointBreaks: AuditCheckpointBreak[] = [];
  let valid = 0;
  let anchoredEntries = 0;
  for (const checkpoint of checkpoints) {
    const { at, entries } = checkpoint;
    if (!crypto.verifySignature(checkpoint)) {
      checkpointBreaks.push({ at, entries, problem: 'signature_invalid' });
      continue;
    }
    valid += 1;
    anchoredEntries = Math.max(anchoredEntries, entries);
    if (entries === 0) continue;
    const entry = bySeq.get(entries);
    if (entry === undefined || chain.entries.length < entries)
      checkpointBreaks.push({ at, entries, problem: 'entries_missing' });
    else if (entry.hash !== checkpoint.headHash) checkpointBreaks.push({ at, entries, problem: 'rewritten' });
  }
  return {
    ...result,
    valid: result.valid && checkpointBreaks.length === 0,
    checkpoints: valid,
    anchoredEntries,
    checkpointBreaks,
  };
}
