import {
  claimPtzControl,
  VigieError,
  type AuditAction,
  type Clock,
  type Mask,
  type PtzGateway,
  type PtzLease,
  type PtzPreset,
  type PtzTarget,
  type PtzVelocity,
} from '@vigie/core';
import type { StoredPresetMasks, UnitOfWork } from '@vigie/db';
import { ptzTargetOf, type CredentialVault } from '@vigie/media';
import type { PersonRequester } from '../auth/requester.js';
import type { CameraService } from './camera.service.js';

/** What steering asks of recording: masks that follow the head (the recorder fleet, once recording runs). */
export interface HeadMasking {
  /** Masks the camera's whole picture, then runs the command that moves its head (`PtzMaskFollower.aroundMove`). */
  aroundMove<T>(cameraId: string, move: () => Promise<T>): Promise<T>;
  /** Whether a recorder of this process makes the camera's masks follow its head now. */
  follows(cameraId: string): boolean;
  /** The camera's preset masks changed: its recorder takes them up. */
  presetMasksChanged(cameraId: string): Promise<void>;
}

/** Who holds a camera's controls now, as a console shows it. */
export interface PtzControlView {
  holder?: { name: string; expiresAt: string; you: boolean };
}

/**
 * PTZ steering of ONVIF cameras: one person at a time holds a camera's controls (`claimPtzControl`: renewed by
 * each command, taken over by a supervisor from an operator, free again 30 s after the last command); every
 * hand-over, move, preset call and preset saved is audited. Leases are kept by this server process.
 */
export class PtzService {
  readonly #deps: {
    work: UnitOfWork;
    clock: Clock;
    gateway: PtzGateway;
    vault: CredentialVault;
    cameras: CameraService;
    masking?: HeadMasking;
  };
  readonly #leases = new Map<string, PtzLease>();

  constructor(deps: {
    work: UnitOfWork;
    clock: Clock;
    gateway: PtzGateway;
    vault: CredentialVault;
    cameras: CameraService;
    masking?: HeadMasking;
  }) {
    this.#deps = deps;
  }

  /** The device's PTZ service for a camera the requester may see; throws CAMERA_NOT_FOUND or PTZ_NOT_AVAILABLE. */
  async #target(cameraId: string, requester: PersonRequester): Promise<PtzTarget> {
    const camera = await this.#deps.cameras.get(cameraId, requester);
    const device = await this.#deps.work(({ onvifDevices }) => onvifDevices.get(cameraId));
    if (device?.ptz !== true) {
      throw new VigieError(
        'PTZ_NOT_AVAILABLE',
        `Camera "${camera.name}" cannot be steered: it was not added from an ONVIF device with a PTZ service.`,
      );
    }
    return ptzTargetOf(device, this.#deps.vault);
  }

  #holder(cameraId: string): PtzLease | undefined {
    const lease = this.#leases.get(cameraId);
    return lease !== undefined && lease.expiresAt > this.#deps.clock.now().getTime() ? lease : undefined;
  }

  /** Claims (or renews) the controls for the requester; audits a new holder; throws PTZ_CONTROL_HELD. */
  async #claim(cameraId: string, requester: PersonRequester): Promise<void> {
    const now = this.#deps.clock.now().getTime();
    const current = this.#holder(cameraId);
    const claim = claimPtzControl(
      current,
      { id: requester.userId, name: requester.actorName, roles: requester.roles },
      now,
    );
    if (claim.kind === 'refused') {
      const seconds = Math.ceil((claim.holder.expiresAt - now) / 1000);
      throw new VigieError(
        'PTZ_CONTROL_HELD',
        `${claim.holder.holderName} is steering this camera; the controls are free in ${seconds} s unless they keep steering.`,
      );
    }
    this.#leases.set(cameraId, claim.lease);
    if (current?.holderId === requester.userId) return;
    await this.#audit(cameraId, requester, 'ptz.control_taken', {
      ...(claim.takenFrom === undefined ? {} : { takenFrom: claim.takenFrom.holderName }),
    });
  }

  async #audit(
    cameraId: string,
    requester: PersonRequester,
    action: AuditAction,
    details: Record<string, unknown>,
  ): Promise<void> {
    const { userId: _userId, roles: _roles, ...actor } = requester;
    await this.#deps.work(({ audit }) => audit.append({ action, ...actor, cameraId, details }));
  }

  /**
   * A command that moves the head, sent only once the recording's whole picture is masked (when masks follow it).
   * Fail-safe (R6): a camera with preset masks that no recorder of this process follows (recorded by a worker, or
   * not recorded) is not moved, since nothing here could mask its picture before the head turns.
   */
  async #aroundMove(cameraId: string, move: () => Promise<void>): Promise<void> {
    const { masking, work } = this.#deps;
    if (masking?.follows(cameraId) === true) return masking.aroundMove(cameraId, move);
    const presetMasks = await work(({ ptzMasks }) => ptzMasks.list(cameraId));
    if (presetMasks.length > 0) {
      throw new VigieError(
        'PTZ_MASKS_NOT_FOLLOWED',
        'This camera has privacy masks per preset, but no recorder of this server follows its head now: the move is refused so that the new view is never shown or stored before its masks.',
      );
    }
    return move();
  }

  /** Who holds the controls now (nobody once the lease has expired). */
  async control(cameraId: string, requester: PersonRequester): Promise<PtzControlView> {
    await this.#target(cameraId, requester);
    const lease = this.#holder(cameraId);
    if (lease === undefined) return {};
    return {
      holder: {
        name: lease.holderName,
        expiresAt: new Date(lease.expiresAt).toISOString(),
        you: lease.holderId === requester.userId,
      },
    };
  }

  /** Takes the controls (a supervisor takes them over from an operator). */
  async take(cameraId: string, requester: PersonRequester): Promise<PtzControlView> {
    await this.#target(cameraId, requester);
    await this.#claim(cameraId, requester);
    return this.control(cameraId, requester);
  }

  /** Gives the controls back, if the requester holds them; audited. */
  async release(cameraId: string, requester: PersonRequester): Promise<void> {
    await this.#target(cameraId, requester);
    if (this.#holder(cameraId)?.holderId !== requester.userId) return;
    this.#leases.delete(cameraId);
    await this.#audit(cameraId, requester, 'ptz.control_released', {});
  }

  /** Starts moving the head (the controls are claimed first); audited with the speeds. */
  async move(cameraId: string, velocity: PtzVelocity, requester: PersonRequester): Promise<void> {
    const target = await this.#target(cameraId, requester);
    await this.#claim(cameraId, requester);
    await this.#aroundMove(cameraId, () => this.#deps.gateway.move(target, velocity));
    await this.#audit(cameraId, requester, 'ptz.moved', { ...velocity });
  }

  /** Stops the head (the controls are claimed first: a stop is a command too). */
  async stop(cameraId: string, requester: PersonRequester): Promise<void> {
    const target = await this.#target(cameraId, requester);
    await this.#claim(cameraId, requester);
    await this.#deps.gateway.stop(target);
  }

  /** The presets stored on the camera. */
  async presets(cameraId: string, requester: PersonRequester): Promise<PtzPreset[]> {
    return this.#deps.gateway.presets(await this.#target(cameraId, requester));
  }

  /** Sends the head to a preset; throws PTZ_PRESET_NOT_FOUND; audited. */
  async gotoPreset(cameraId: string, token: string, requester: PersonRequester): Promise<void> {
    const target = await this.#target(cameraId, requester);
    const preset = (await this.#deps.gateway.presets(target)).find((p) => p.token === token);
    if (preset === undefined) {
      throw new VigieError('PTZ_PRESET_NOT_FOUND', `The camera has no preset "${token}".`);
    }
    await this.#claim(cameraId, requester);
    await this.#aroundMove(cameraId, () => this.#deps.gateway.gotoPreset(target, token));
    await this.#audit(cameraId, requester, 'ptz.preset_recalled', { preset: token, name: preset.name });
  }

  /** Stores where the head points now as a named preset (supervisors); audited. */
  async savePreset(cameraId: string, name: string, requester: PersonRequester): Promise<PtzPreset> {
    const target = await this.#target(cameraId, requester);
    await this.#claim(cameraId, requester);
    const token = await this.#deps.gateway.savePreset(target, name);
    await this.#audit(cameraId, requester, 'ptz.preset_saved', { preset: token, name });
    return (await this.#deps.gateway.presets(target)).find((p) => p.token === token) ?? { token, name };
  }

  /** The masks drawn per preset of a camera (presets without any are absent: the whole picture is masked there). */
  async presetMasks(cameraId: string, requester: PersonRequester): Promise<StoredPresetMasks[]> {
    await this.#target(cameraId, requester);
    return this.#deps.work(({ ptzMasks }) => ptzMasks.list(cameraId));
  }

  /**
   * Stores the masks of one preset, with where the camera says it points (supervisors; audited in the same
   * transaction); the camera's recorder takes them up. Throws PTZ_PRESET_NOT_FOUND or PTZ_PRESET_POSITION_UNKNOWN.
   */
  async savePresetMasks(
    cameraId: string,
    change: { token: string; masks: Mask[] },
    requester: PersonRequester,
  ): Promise<StoredPresetMasks> {
    const target = await this.#target(cameraId, requester);
    const preset = (await this.#deps.gateway.presets(target)).find((p) => p.token === change.token);
    if (preset === undefined) {
      throw new VigieError('PTZ_PRESET_NOT_FOUND', `The camera has no preset "${change.token}".`);
    }
    if (preset.position === undefined) {
      throw new VigieError(
        'PTZ_PRESET_POSITION_UNKNOWN',
        `The camera does not report where preset "${preset.name}" points: its masks could never be placed.`,
      );
    }
    const { position } = preset;
    const { userId: _userId, roles: _roles, ...actor } = requester;
    const saved = await this.#deps.work(async ({ ptzMasks, audit }) => {
      const stored = await ptzMasks.save(cameraId, {
        preset: preset.token,
        name: preset.name,
        position,
        masks: change.masks,
      });
      await audit.append({
        action: 'ptz.preset_masks_saved',
        ...actor,
        cameraId,
        details: { preset: preset.token, name: preset.name, masks: change.masks.length },
      });
      return stored;
    });
    await this.#deps.masking?.presetMasksChanged(cameraId);
    return saved;
  }
}
