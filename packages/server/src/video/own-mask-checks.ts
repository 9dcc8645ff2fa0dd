import { judgeCameraMasks, type Camera, type CameraMaskGateway, type CameraMaskVerdict, type Clock } from '@vigie/core';
import type { UnitOfWork } from '@vigie/db';
import { ptzTargetOf, type CredentialVault } from '@vigie/media';
import type { FastifyBaseLogger } from 'fastify';
import type { CopiedSegments } from './copied-segments.js';

/** What the checks of cameras' own masks need. */
export interface OwnMaskChecksOptions {
  /** Reads the masks a camera applies itself; absent: every camera reads as not supporting them. */
  gateway?: CameraMaskGateway;
  work: UnitOfWork;
  vault: CredentialVault;
  clock: Clock;
  log: FastifyBaseLogger;
  /** The camera's copy run now, if it is recorded by copy. */
  copiedOf: (cameraId: string) => CopiedSegments | undefined;
}

/**
 * The checks of the privacy masks cameras apply themselves (ONVIF Media2) against Vigie's: the last verdict per
 * camera, one check per camera at a time, every change of outcome logged and audited. A pass vouches for the
 * copied segments that ended before the check began; any failure distrusts them all.
 */
export class OwnMaskChecks {
  readonly #options: OwnMaskChecksOptions;
  /** The last check of each flagged camera's own masks, with the masks it was checked against. */
  readonly #verdicts = new Map<string, { masks: string; verdict: CameraMaskVerdict }>();
  /** Cameras being checked now. */
  readonly #checking = new Set<string>();

  /** Checks nothing yet. */
  constructor(options: OwnMaskChecksOptions) {
    this.#options = options;
  }

  /** The camera's verdict, read now unless already checked against these masks (the periodic check refreshes it). */
  async verdict(camera: Camera): Promise<CameraMaskVerdict> {
    const known = this.#verdicts.get(camera.id);
    if (known?.masks === JSON.stringify(camera.masks)) return known.verdict;
    return this.#check(camera);
  }

  /**
   * Asks the camera again, unless a check of it is still running (an answer from an older check must not land after
   * a newer one): undefined then, or when the check itself failed.
   */
  async recheck(camera: Camera): Promise<CameraMaskVerdict | undefined> {
    if (this.#checking.has(camera.id)) return undefined;
    this.#checking.add(camera.id);
    return this.#check(camera)
      .catch((error: unknown) => {
        this.#options.log.error({ camera: camera.id, err: error }, 'camera masks check failed');
        return undefined;
      })
      .finally(() => this.#checking.delete(camera.id));
  }

  /** Asks the camera for its masks and judges them; unsupported without an ONVIF device or gateway. */
  async #check(camera: Camera): Promise<CameraMaskVerdict> {
    const { gateway, work, vault, log } = this.#options;
    const startedAt = this.#options.clock.now();
    const device = await work(({ onvifDevices }) => onvifDevices.get(camera.id));
    const reading =
      gateway === undefined || device === undefined
        ? { supported: false, masks: [] }
        : await gateway.masks(ptzTargetOf(device, vault)).catch((error: unknown) => {
            log.warn({ camera: camera.id }, `camera masks not checked: ${(error as Error).message}`);
            return undefined;
          });
    const verdict = judgeCameraMasks(camera.masks, reading);
    const copied = this.#options.copiedOf(camera.id);
    if (verdict.check === 'verified') copied?.passed(startedAt);
    else copied?.distrust();
    const masks = JSON.stringify(camera.masks);
    const previous = this.#verdicts.get(camera.id);
    this.#verdicts.set(camera.id, { masks, verdict });
    if (previous?.verdict.check !== verdict.check || previous.masks !== masks) {
      if (verdict.check !== 'verified') {
        log.warn(
          { camera: camera.id, cameraMasks: verdict.check, uncovered: verdict.uncovered },
          'camera masks missing or smaller than configured: Vigie masks the picture',
        );
      }
      await work(({ audit }) =>
        audit.append({
          action: 'camera.own_masks_checked',
          actorName: 'system',
          cameraId: camera.id,
          details: { result: verdict.check, uncovered: verdict.uncovered },
        }),
      );
    }
    return verdict;
  }
}
