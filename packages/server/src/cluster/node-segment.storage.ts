import { nodeAuthHeader, signNodeRequest } from '@vigie/bus';
import { VigieError, type ByteRange, type Clock, type SegmentStorage } from '@vigie/core';
import type { UnitOfWork } from '@vigie/db';

/** How many segments' nodes are remembered (a day of 4 s segments for a camera; a few MB at most). */
const rememberedNodes = 20_000;

/** What the node-aware storage reads through. */
export interface NodeSegmentStorageOptions {
  /** This server's own storage (segments it recorded itself, exports). */
  local: SegmentStorage;
  work: UnitOfWork;
  clock: Clock;
  /** Secret shared with the workers (VIGIE_NODE_SECRET); without it, only local segments are read. */
  secret?: string;
}

/**
 * The storage port over the whole cluster: a segment a worker recorded is read from that worker (its
 * node URL is indexed with the segment, never a file path), with a request signed by the shared node
 * secret; the server's own segments are read from its disk. Live, playback and export go through it.
 */
export class NodeSegmentStorage implements SegmentStorage {
  readonly #options: NodeSegmentStorageOptions;
  /** Where the recently read indexed segments are (a segment never moves): null for this server's disk. */
  readonly #nodes = new Map<string, string | null>();

  constructor(options: NodeSegmentStorageOptions) {
    this.#options = options;
  }

  /** Stores on this server's disk. */
  put(key: string, localFile: string): Promise<void> {
    return this.#options.local.put(key, localFile);
  }

  /** Streams the segment (or a byte range of it) from wherever it is. */
  read(key: string, range?: ByteRange): AsyncIterable<Uint8Array> {
    // Known to be on this disk: the disk's own stream, unwrapped (a player reads several a second).
    return this.#nodes.get(key) === null ? this.#options.local.read(key, range) : this.#readWhereItIs(key, range);
  }

  async *#readWhereItIs(key: string, range?: ByteRange): AsyncIterable<Uint8Array> {
    const node = await this.#nodeOf(key);
    if (node === undefined) {
      yield* this.#options.local.read(key, range);
      return;
    }
    const response = await this.#request(node, key, {
      method: 'GET',
      ...(range === undefined ? {} : { headers: { range: `bytes=${range.start}-${range.end}` } }),
    });
    if (response.body === null) return;
    for await (const chunk of response.body) yield chunk;
  }

  /** Deletes the segment where it is (the retention purge reaches the workers' disks too). */
  async remove(key: string): Promise<boolean> {
    const node = await this.#nodeOf(key);
    this.#nodes.delete(key);
    if (node === undefined) return this.#options.local.remove(key);
    const response = await this.#request(node, key, { method: 'DELETE' }, [404]);
    return response.status !== 404;
  }

  /** Keys on this server's disk (workers reconcile their own). */
  list(prefix: string): AsyncIterable<string> {
    return this.#options.local.list(prefix);
  }

  async #nodeOf(key: string): Promise<string | undefined> {
    const known = this.#nodes.get(key);
    if (known !== undefined) return known ?? undefined;
    const cameraId = key.split('/')[0] ?? '';
    const node = await this.#options.work(({ cluster }) => cluster.nodeOfSegment(cameraId, key));
    // Only indexed segments are remembered: a key not (yet) indexed is asked again next time.
    if (node !== undefined) {
      if (this.#nodes.size >= rememberedNodes) this.#nodes.delete(this.#nodes.keys().next().value as string);
      this.#nodes.set(key, node);
    }
    return node ?? undefined;
  }

  async #request(node: string, key: string, init: RequestInit, accepted: number[] = []): Promise<Response> {
    const { secret, clock } = this.#options;
    const unreachable = (why: string) =>
      new VigieError('SEGMENT_NODE_UNREACHABLE', `The recording is held by worker ${node}, which ${why}.`);
    if (secret === undefined) throw unreachable('cannot be asked: VIGIE_NODE_SECRET is not set on this server');
    const path = `/segments/${key.split('/').map(encodeURIComponent).join('/')}`;
    let response: Response;
    try {
      response = await fetch(`${node}${path}`, {
        ...init,
        headers: {
          ...(init.headers as Record<string, string> | undefined),
          [nodeAuthHeader]: signNodeRequest(secret, path, clock.now()),
        },
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw unreachable(`does not answer (${String(error)})`);
    }
    if (!response.ok && !accepted.includes(response.status)) throw unreachable(`answered ${response.status}`);
    return response;
  }
}
