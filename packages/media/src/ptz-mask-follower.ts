import {
  masksInForce,
  masksToApply,
  SerialQueue,
  type Clock,
  type HeadState,
  type Mask,
  type MasksInForce,
  type PresetMasks,
  type PtzGateway,
  type PtzTarget,
} from '@vigie/core';
import type { CredentialVault } from './credential-vault.js';

/** What the follower drives: a recorder whose masks can be changed while it runs (`SegmentRecorder.remask`). */
export interface Remaskable {
  remask(masks: readonly Pick<Mask, 'polygon'>[]): Promise<void>;
}

/** What a follower needs. */
export interface PtzMaskFollowerOptions {
  recorder: Remaskable;
  /** Reads where the head is (ONVIF GetStatus); a failure counts as "position unknown". */
  head: () => Promise<HeadState>;
  presets: readonly PresetMasks[];
  clock: Clock;
  /** How often the head is read (default 500 ms). */
  pollMs?: number;
  /** How long the head must be seen still on a preset before its masks replace the whole-picture mask (default 1 s). */
  settleMs?: number;
  onProblem?: (message: string) => void;
}

function sameDecision(a: MasksInForce, b: MasksInForce): boolean {
  return a.kind === 'full' ? b.kind === 'full' : b.kind === 'preset' && a.preset === b.preset;
}

/**
 * Makes a PTZ camera's privacy masks follow its head (LEGAL R6), fail-safe: the recorder starts with the whole
 * picture masked; the preset's masks are placed only after the head has been read still on that preset for
 * `settleMs`, from reads begun after the last command; any other read (moving, between presets, unknown, failed)
 * masks the whole picture again. A command from Vigie goes through `aroundMove`: the whole picture is masked —
 * the recording process holding the old masks has exited — before the command is sent. A move made from
 * elsewhere (the camera's own web page, a tour) is caught by the next read only: the reason to keep `pollMs` short.
 */
export class PtzMaskFollower {
  readonly #options: PtzMaskFollowerOptions;
  /** What the recorder applies (it starts with the whole picture masked). */
  #current: MasksInForce = { kind: 'full', reason: 'position unknown' };
  /** Changes of masks, one after the other, in the order they were decided. */
  readonly #changes: SerialQueue;
  /** Commands in flight: no read counts until they are done. */
  #moves = 0;
  /** Bumped by every command: a read begun before it proves nothing about the head after it. */
  #generation = 0;
  /** A preset the head was last read still on, and since when (ms). */
  #candidate: { preset: string; sinceMs: number } | undefined;
  #timer: NodeJS.Timeout | undefined;
  #reading = false;

  constructor(options: PtzMaskFollowerOptions) {
    this.#options = options;
    this.#changes = new SerialQueue((error) => options.onProblem?.(`masks not changed: ${String(error)}`));
  }

  /** Starts reading the head. */
  start(): void {
    this.#timer = setInterval(() => void this.#read(), this.#options.pollMs ?? 500);
  }

  /** Stops reading the head (the recorder keeps its last masks until it stops). */
  stop(): void {
    clearInterval(this.#timer);
  }

  /** Masks the whole picture, then runs the command that moves the head; the masks follow it again afterwards. */
  async aroundMove<T>(move: () => Promise<T>): Promise<T> {
    this.#moves += 1;
    this.#generation += 1;
    this.#candidate = undefined;
    try {
      await this.#apply({ kind: 'full', reason: 'head commanded to move' });
      return await move();
    } finally {
      this.#moves -= 1;
      this.#generation += 1;
    }
  }

  async #read(): Promise<void> {
    if (this.#reading) return;
    this.#reading = true;
    const generation = this.#generation;
    let head: HeadState;
    try {
      head = await this.#options.head();
    } catch (error) {
      this.#options.onProblem?.(`PTZ position unreadable, whole picture masked: ${String(error)}`);
      head = { kind: 'unknown' };
    } finally {
      this.#reading = false;
    }
    if (this.#moves > 0 || generation !== this.#generation) return;
    const decision = masksInForce(head, this.#options.presets);
    if (decision.kind === 'full') {
      this.#candidate = undefined;
      await this.#apply(decision);
      return;
    }
    const nowMs = this.#options.clock.now().getTime();
    if (this.#candidate?.preset !== decision.preset) this.#candidate = { preset: decision.preset, sinceMs: nowMs };
    if (nowMs - this.#candidate.sinceMs >= (this.#options.settleMs ?? 1000)) await this.#apply(decision);
  }

  /** Queues a change of masks at once (so changes keep the order they were decided in); resolves when it is in force. */
  #apply(decision: MasksInForce): Promise<void> {
    return this.#changes.run(async () => {
      if (sameDecision(decision, this.#current)) return;
      this.#current = decision;
      // Preset masks are permanent: a liftable mask would need the sealed stream of the camera's fixed masks.
      await this.#options.recorder.remask(masksToApply(decision).map(({ polygon }) => ({ polygon })));
    });
  }
}

/** The fields of a camera's stored ONVIF device that reach its PTZ service. */
export interface PtzDeviceAccess {
  ptz: boolean;
  address: string;
  username: string;
  /** Sealed by the credential vault. */
  passwordSealed: string;
  mainProfile: string;
}

/** The PTZ service of a camera's ONVIF device, its password opened from the vault only now. */
export function ptzTargetOf(device: PtzDeviceAccess, vault: CredentialVault): PtzTarget {
  return {
    address: device.address,
    credentials: { username: device.username, password: vault.open(device.passwordSealed) },
    profileToken: device.mainProfile,
  };
}

/**
 * What a recorder needs to follow a PTZ camera's head: its presets' masks and a head reader; undefined for a camera
 * without preset masks. Without a vault the camera's account cannot be opened: every read fails, the whole picture
 * stays masked.
 */
export function headFollowOf(
  device: PtzDeviceAccess | undefined,
  presets: readonly PresetMasks[],
  access: { gateway: PtzGateway; vault?: CredentialVault | undefined },
): Pick<PtzMaskFollowerOptions, 'presets' | 'head'> | undefined {
  if (device?.ptz !== true || presets.length === 0) return undefined;
  const { gateway, vault } = access;
  return {
    presets: presets.map(({ preset, position, masks }) => ({ preset, position, masks })),
    head: () =>
      vault === undefined
        ? Promise.reject(new Error('no credential vault to open the camera account'))
        : gateway.head(ptzTargetOf(device, vault)),
  };
}
