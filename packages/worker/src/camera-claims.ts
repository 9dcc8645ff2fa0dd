import type { Leases } from '@vigie/core';

/** How a worker shares cameras with the others. */
export interface CameraClaimsOptions {
  leases: Leases;
  /** This worker's name, unique in the cluster. */
  node: string;
  /** Most cameras this worker runs (from the measured cost per camera). */
  capacity: number;
  /** The cameras that should run now (enabled, authorised). */
  wanted: () => Promise<string[]>;
  /** A camera this worker now holds: start it. */
  onAcquired: (cameraId: string) => Promise<void>;
  /** A camera this worker no longer holds (given up, lost, or no longer wanted): stop it. */
  onReleased: (cameraId: string) => Promise<void>;
}

const nodeKey = (node: string) => `node.${node}`;

/**
 * The claim loop of a worker: renews its leases, takes free cameras up to its fair share (cameras
 * divided by live workers, at most its capacity) and gives up what exceeds it, so that a joining
 * worker gets its share and a dead worker's cameras (whose leases lapse) are taken by the others.
 */
export class CameraClaims {
  readonly #options: CameraClaimsOptions;
  readonly #held = new Set<string>();

  constructor(options: CameraClaimsOptions) {
    this.#options = options;
  }

  /** The cameras this worker holds. */
  get held(): ReadonlySet<string> {
    return this.#held;
  }

  /** One round: membership, renewals, releases, claims. Run it every second or so. */
  async tick(): Promise<void> {
    const { leases, node, capacity } = this.#options;
    await leases.claim(nodeKey(node), node);
    const wanted = new Set(await this.#options.wanted());
    const holders = await leases.holders();
    const nodes = [...holders.keys()].filter((k) => k.startsWith('node.')).length || 1;
    const share = Math.min(capacity, Math.ceil(wanted.size / nodes));
    for (const cameraId of [...this.#held]) {
      if (!wanted.has(cameraId) || !(await leases.claim(cameraId, node))) await this.#drop(cameraId);
    }
    // Above its share (a worker joined): give back the surplus for the newcomer to take.
    for (const cameraId of [...this.#held].slice(share)) await this.#drop(cameraId);
    const free = [...wanted].filter((id) => !holders.has(id) && !this.#held.has(id));
    // Workers start from different places in the list so that they rarely race for the same camera.
    const offset = free.length === 0 ? 0 : hash(node) % free.length;
    for (const cameraId of [...free.slice(offset), ...free.slice(0, offset)]) {
      if (this.#held.size >= share) break;
      if (await leases.claim(cameraId, node)) {
        this.#held.add(cameraId);
        await this.#options.onAcquired(cameraId);
      }
    }
  }

  /** Stops every camera and gives every lease back (a clean shutdown hands cameras over at once). */
  async releaseAll(): Promise<void> {
    for (const cameraId of [...this.#held]) await this.#drop(cameraId);
    await this.#options.leases.release(nodeKey(this.#options.node), this.#options.node);
  }

  async #drop(cameraId: string): Promise<void> {
    this.#held.delete(cameraId);
    await this.#options.onReleased(cameraId);
    await this.#options.leases.release(cameraId, this.#options.node);
  }
}

function hash(text: string): number {
  let h = 0;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}
