import type { OnvifCredentials } from './onvif.js';
import type { Role } from './permissions.js';
import type { HeadState, PtzPosition } from './ptz-masks.js';

/** Who holds a PTZ camera's controls, and until when (renewed by each of their commands). */
export interface PtzLease {
  holderId: string;
  holderName: string;
  /** The holder's rank: a claimant of higher rank takes the controls over, one of equal or lower rank waits. */
  priority: number;
  /** Epoch milliseconds after which the controls are free again. */
  expiresAt: number;
}

/** What a claim on the controls gives: the lease (and whom it was taken from), or who holds them still. */
export type PtzClaim =
  { kind: 'granted'; lease: PtzLease; takenFrom?: PtzLease } | { kind: 'refused'; holder: PtzLease };

/** Rank of each role at the controls: a supervisor takes over from an operator; other roles never steer. */
export const ptzRolePriority: Readonly<Record<Role, number>> = {
  supervisor: 2,
  operator: 1,
  dpo: 0,
  admin: 0,
  public: 0,
};

/** How long the controls stay with someone who stopped sending commands. */
export const ptzControlTimeoutMs = 30_000;

/** The highest rank among a person's roles (0: may not steer a camera). */
export function ptzPriorityOf(roles: readonly Role[]): number {
  return Math.max(0, ...roles.map((role) => ptzRolePriority[role]));
}

/**
 * Decides a claim on a camera's PTZ controls (pure: the caller keeps the lease and audits the outcome): free or
 * expired controls are granted, the holder's own claim renews them, a claimant of strictly higher rank takes
 * them over, anyone else is refused and told who holds them until when.
 */
export function claimPtzControl(
  current: PtzLease | undefined,
  claimant: { id: string; name: string; roles: readonly Role[] },
  nowMs: number,
  timeoutMs: number = ptzControlTimeoutMs,
): PtzClaim {
  const lease: PtzLease = {
    holderId: claimant.id,
    holderName: claimant.name,
    priority: ptzPriorityOf(claimant.roles),
    expiresAt: nowMs + timeoutMs,
  };
  if (current === undefined || current.expiresAt <= nowMs || current.holderId === claimant.id) {
    return { kind: 'granted', lease };
  }
  if (lease.priority > current.priority) return { kind: 'granted', lease, takenFrom: current };
  return { kind: 'refused', holder: current };
}

/** A move of the head: speeds in ONVIF generic velocity spaces (−1…1 each; 0 leaves that axis still). */
export interface PtzVelocity {
  pan: number;
  tilt: number;
  zoom: number;
}

/** A position stored on the camera, called by its token. */
export interface PtzPreset {
  token: string;
  name: string;
  /** Where the head points at this preset, when the camera says. */
  position?: PtzPosition;
}

/** The PTZ service of one camera's ONVIF device, reached with its account, steering one media profile's head. */
export interface PtzTarget {
  address: string;
  credentials: OnvifCredentials;
  profileToken: string;
}

/** Port to a camera's PTZ head (implemented in media with the `onvif` library); throws ONVIF_* errors. */
export interface PtzGateway {
  /** Starts moving at the given speeds until `stop` (ContinuousMove). */
  move(target: PtzTarget, velocity: PtzVelocity): Promise<void>;
  /** Stops pan, tilt and zoom. */
  stop(target: PtzTarget): Promise<void>;
  /** The presets the camera stores. */
  presets(target: PtzTarget): Promise<PtzPreset[]>;
  /** Sends the head to a preset (it may still be on its way when this returns). */
  gotoPreset(target: PtzTarget, token: string): Promise<void>;
  /** Stores where the head points now as a new preset; returns its token. */
  savePreset(target: PtzTarget, name: string): Promise<string>;
  /** Where the head is and whether it moves. */
  head(target: PtzTarget): Promise<HeadState>;
}
