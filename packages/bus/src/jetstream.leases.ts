import type { Leases } from '@vigie/core';
import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';

/** A resource name as a bucket key (keys allow only letters, digits and `-_=./`; node names are URLs). */
function keyOf(resource: string): string {
  return Buffer.from(resource).toString('base64url');
}

function resourceOf(key: string): string {
  return Buffer.from(key, 'base64url').toString();
}

/** Where the leases live. */
export interface JetStreamLeasesOptions {
  connection: NatsConnection;
  /** Key-value bucket name (default `vigie_leases`); tests use one of their own. */
  bucket?: string;
  /** Lease time: a node that stops renewing loses its claims after this long (default 5 s). */
  ttlMs?: number;
}

/**
 * Leases in a JetStream key-value bucket whose entries expire after the lease time: a claim is an
 * atomic create (fails if someone holds the key), a renewal a compare-and-set on the entry's revision,
 * so two nodes can never both believe they hold a camera; a killed node's entries simply age out.
 */
export class JetStreamLeases implements Leases {
  readonly ttlMs: number;
  readonly #kv: KV;

  private constructor(kv: KV, ttlMs: number) {
    this.#kv = kv;
    this.ttlMs = ttlMs;
  }

  /** Opens (or creates) the bucket. */
  static async open(options: JetStreamLeasesOptions): Promise<JetStreamLeases> {
    const ttlMs = options.ttlMs ?? 5000;
    const kv = await new Kvm(options.connection).create(options.bucket ?? 'vigie_leases', { ttl: ttlMs, history: 1 });
    return new JetStreamLeases(kv, ttlMs);
  }

  /** Claims or renews; false when another holder has it (or won a race for it). */
  async claim(resource: string, holder: string): Promise<boolean> {
    const key = keyOf(resource);
    const entry = await this.#kv.get(key);
    try {
      if (entry === null || entry.operation !== 'PUT') {
        await this.#kv.create(key, holder);
        return true;
      }
      if (entry.string() !== holder) return false;
      await this.#kv.update(key, holder, entry.revision);
      return true;
    } catch (error) {
      // Anything but a lost race (NATS away) is not an answer: it is thrown, and the holder keeps its
      // camera until it knows.
      if (!String(error).includes('wrong last sequence')) throw error;
      // Lost a race: the entry changed between the read and the write. Whoever won holds it now — this
      // holder too, when two of its own renewals crossed.
      const now = await this.#kv.get(key);
      return now?.operation === 'PUT' && now.string() === holder;
    }
  }

  /** Releases the resource if `holder` still has it. */
  async release(resource: string, holder: string): Promise<void> {
    const key = keyOf(resource);
    const entry = await this.#kv.get(key);
    if (entry?.operation !== 'PUT' || entry.string() !== holder) return;
    await this.#kv.delete(key, { previousSeq: entry.revision }).catch(() => undefined);
  }

  /**
   * Every live claim. The entries are read side by side: one after the other, a worker's round waited one round trip
   * per camera of the city (300 cameras over a 1 ms network: 0.3 s each second).
   */
  async holders(): Promise<Map<string, string>> {
    const keys: string[] = [];
    for await (const key of await this.#kv.keys()) keys.push(key);
    const entries = await Promise.all(keys.map((key) => this.#kv.get(key)));
    const result = new Map<string, string>();
    for (const [i, key] of keys.entries()) {
      const entry = entries[i];
      if (entry?.operation === 'PUT') result.set(resourceOf(key), entry.string());
    }
    return result;
  }

  /** Deletes the bucket (tests). */
  async destroy(): Promise<void> {
    await this.#kv.destroy();
  }
}
