import {
  judgeCameraMasks,
  masksNotFlat,
  type AuditInput,
  type Camera,
  type CameraMaskGateway,
  type CameraMaskReading,
  type CameraMaskVerdict,
  type Clock,
} from '@vigie/core';
import type { CopiedSegments } from './copied-segments.js';
import type { CredentialVault } from './credential-vault.js';
import { ptzTargetOf, type PtzDeviceAccess } from './ptz-mask-follower.js';

/** Where the checks of cameras' own masks report (a server's pino logger, a worker's log adapted to it). */
export interface OwnMaskLog {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** Whether a camera may be recorded by copy with the camera's own masks: what it left is never indexed as it is. */
export function recordsByCopy(camera: Camera): boolean {
  return camera.masksOnCamera === true && camera.masks.length > 0;
}

/**
 * Whether the camera's own masks may stand in for Vigie's: flagged, with masks, all permanent (a camera's mask
 * cannot be lifted) and fixed (masks per PTZ preset follow the head in Vigie's recorder).
 */
export function ownMasksMayApply(camera: Camera, followsHead: boolean): boolean {
  return (
    camera.masksOnCamera === true &&
    camera.masks.length > 0 &&
    !camera.masks.some((mask) => mask.liftable === true) &&
    !followsHead
  );
}

/** What the checks of cameras' own masks need. */
export interface OwnMaskChecksOptions {
  /** Reads the masks a camera applies itself; absent: every camera reads as not supporting them. */
  gateway?: CameraMaskGateway;
  /** The camera's ONVIF device (its address, user and sealed password), if it was added through ONVIF. */
  deviceOf: (cameraId: string) => Promise<PtzDeviceAccess | undefined>;
  vault: CredentialVault;
  clock: Clock;
  log: OwnMaskLog;
  /** Writes an audit entry (`camera.own_masks_checked` at each change of outcome). */
  audit: (entry: AuditInput) => Promise<unknown>;
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
  /**
   * Cameras whose pixels contradicted their listed masks: the listing (JSON) then, and the masks found unmasked. While
   * the camera lists the same masks, its word alone is not taken again (no copy run just to fail once more).
   */
  readonly #belied = new Map<string, { listed: string; uncovered: string[] }>();

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
    const { gateway, deviceOf, vault, log } = this.#options;
    const startedAt = this.#options.clock.now();
    const device = await deviceOf(camera.id);
    const reading =
      gateway === undefined || device === undefined
        ? { supported: false, masks: [] }
        : await gateway.masks(ptzTargetOf(device, vault)).catch((error: unknown) => {
            log.warn({ camera: camera.id }, `camera masks not checked: ${(error as Error).message}`);
            return undefined;
          });
    const copied = this.#options.copiedOf(camera.id);
    const verdict = await this.#pixels(camera, judgeCameraMasks(camera.masks, reading), reading, startedAt);
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
      await this.#options.audit({
        action: 'camera.own_masks_checked',
        actorName: 'system',
        cameraId: camera.id,
        details: { result: verdict.check, uncovered: verdict.uncovered },
      });
    }
    return verdict;
  }

  /**
   * A verdict on what the camera says, checked against what it sends: when its listed masks cover Vigie's, the last
   * frame of the latest copied segment this check would vouch for must be a flat fill under each of Vigie's masks,
   * else the verdict is `not_applied` (kept while the camera lists the same masks). Without such a segment (not
   * copying yet, or nothing stored since the last pass) the listing alone decides, unless it was belied before.
   */
  async #pixels(
    camera: Camera,
    verdict: CameraMaskVerdict,
    reading: CameraMaskReading | undefined,
    startedAt: Date,
  ): Promise<CameraMaskVerdict> {
    if (verdict.check !== 'verified' || reading === undefined) return verdict;
    const listed = JSON.stringify(reading.masks);
    const belied = this.#belied.get(camera.id);
    if (belied?.listed === listed) return { check: 'not_applied', uncovered: belied.uncovered };
    this.#belied.delete(camera.id);
    const frame = await this.#options
      .copiedOf(camera.id)
      ?.lastFrame(startedAt)
      .catch((error: unknown) => {
        this.#options.log.warn({ camera: camera.id }, `copied picture not checked: ${(error as Error).message}`);
        return null;
      });
    if (frame === undefined) return verdict;
    if (frame === null) return { check: 'not_applied', uncovered: camera.masks.map((m) => m.id) };
    const uncovered = masksNotFlat(frame, camera.masks);
    if (uncovered.length === 0) return verdict;
    this.#belied.set(camera.id, { listed, uncovered });
    return { check: 'not_applied', uncovered };
  }
}
