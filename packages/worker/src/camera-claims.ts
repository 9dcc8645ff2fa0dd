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
  readonly #lost = new Set<string>();
  readonly #releasing = new Set<Promise<void>>();
  #renewing: Promise<void> | undefined;

  constructor(options: CameraClaimsOptions) {
    this.#options = options;
  }

  /** The cameras this worker holds. */
  get held(): ReadonlySet<string> {
    return this.#held;
  }

  /**
   * Renews this worker's membership and every lease it holds; a lease found taken by another (this
   * worker was too slow to renew) is forgotten here, and `onReleased` stops that camera at the next
   * round. Cheap: run it every second, apart from rounds.
   */
  renew(): Promise<void> {
    // One renewal at a time (a round's and the timer's join): two crossing renewals of one lease would
    // each see the other's write as a lost race.
    this.#renewing ??= this.#renewAll().finally(() => (this.#renewing = undefined));
    return this.#renewing;
  }

  async #renewAll(): Promise<void> {
    const { leases, node } = this.#options;
    // All at once: a worker of a hundred cameras renews within one round trip, not a hundred.
    await Promise.all([
      leases.claim(nodeKey(node), node),
      ...[...this.#held].map(async (cameraId) => {
        if (!(await leases.claim(cameraId, node))) {
          this.#held.delete(cameraId);
          this.#lost.add(cameraId);
        }
      }),
    ]);
  }

  /**
   * One round: renewals, then releases and claims toward a balanced share. With W cameras and N live
   * workers, each holds ⌊W/N⌋ or one more, and only W mod N of them hold one more: counted from the
   * leases themselves, so the workers agree without talking to each other.
   */
  async tick(): Promise<void> {
    const { leases, node, capacity } = this.#options;
    await this.renew();
    for (const cameraId of [...this.#lost]) {
      this.#lost.delete(cameraId);
      await this.#options.onReleased(cameraId);
    }
    const wanted = new Set(await this.#options.wanted());
    for (const cameraId of [...this.#held]) if (!wanted.has(cameraId)) await this.#drop(cameraId);
    const holders = await leases.holders();
    const counts = new Map<string, number>();
    for (const [resource, holder] of holders) {
      if (resource.startsWith('node.')) counts.set(holder, counts.get(holder) ?? 0);
    }
    for (const [resource, holder] of holders) {
      if (wanted.has(resource) && counts.has(holder)) counts.set(holder, (counts.get(holder) ?? 0) + 1);
    }
    const nodes = Math.max(1, counts.size);
    const base = Math.min(capacity, Math.floor(wanted.size / nodes));
    const extra = wanted.size - base * nodes;
    const mine = this.#held.size;
    const above = [...counts.values()].filter((c) => c > base).length;
    const someoneShort = [...counts.values()].some((c) => c < base);
    // Give back what exceeds the share, so that a joining worker takes its part.
    const keep = mine > base + 1 || (mine === base + 1 && (someoneShort || above > extra)) ? base : mine;
    for (const cameraId of [...this.#held].slice(keep)) await this.#drop(cameraId);
    const target = Math.min(capacity, this.#held.size < base ? base : above < extra ? base + 1 : base);
    const free = [...wanted].filter((id) => !holders.has(id) && !this.#held.has(id));
    // Workers start from different places in the list so that they rarely race for the same camera.
    const offset = free.length === 0 ? 0 : hash(node) % free.length;
    const acquired: string[] = [];
    for (const cameraId of [...free.slice(offset), ...free.slice(0, offset)]) {
      if (this.#held.size >= target) break;
      if (await leases.claim(cameraId, node)) {
        this.#held.add(cameraId);
        acquired.push(cameraId);
      }
    }
    // Claimed first, started after: a dead worker's cameras are all taken within the round, however long each
    // camera takes to start (a loaded machine took 11.7 s to take two, one start behind the other).
    for (const cameraId of acquired) await this.#options.onAcquired(cameraId);
  }

  /** Stops every camera and gives every lease back (a clean shutdown hands cameras over at once). */
  async releaseAll(): Promise<void> {
    for (const cameraId of [...this.#held]) await this.#drop(cameraId);
    await Promise.all(this.#releasing);
    await this.#options.leases.release(nodeKey(this.#options.node), this.#options.node);
  }

  /**
   * Stops the camera here first, then frees its lease, so the next holder never records alongside;
   * the round goes on meanwhile (a graceful ffmpeg stop takes seconds).
   */
  #drop(cameraId: string): Promise<void> {
    if (!this.#held.delete(cameraId)) return Promise.resolve();
    const { leases, node } = this.#options;
    const released = this.#options.onReleased(cameraId).finally(() => leases.release(cameraId, node));
    this.#releasing.add(released);
    void released.finally(() => this.#releasing.delete(released));
    return Promise.resolve();
  }
}

function hash(text: string): number {
  let h = 0;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}
