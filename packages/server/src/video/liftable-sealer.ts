import { randomUUID, type KeyObject } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { segmentKey, SerialQueue, type Clock, type SegmentStorage } from '@vigie/core';
import type { SealedSegmentRecord } from '@vigie/db';
import { Fmp4Splitter } from '@vigie/media';
import { encodeSealedFile, sealSegment, segmentAad } from '../security/unmask-vault.js';

/** What sealing a camera's liftable stream needs. */
export interface LiftableSealerOptions {
  cameraId: string;
  /** The custody public key: the sealer can encrypt, never decrypt. */
  custody: KeyObject;
  storage: SegmentStorage;
  /** Where the sealed file waits before storage takes it (ciphertext only ever touches the disk). */
  spoolDir: string;
  clock: Clock;
  /** Target length of a sealed segment (it closes at the first keyframe after it). */
  segmentSeconds: number;
  onSealed: (segment: Omit<SealedSegmentRecord, 'id'>) => Promise<void>;
  onProblem: (message: string) => void;
}

/** The storage key of a sealed segment: beside the camera's masked footage, never taken for an MP4. */
export function sealedKey(cameraId: string, startedAt: Date): string {
  return segmentKey(cameraId, startedAt).replace(/\.mp4$/, '.sealed');
}

/**
 * Seals the picture behind a camera's liftable masks (docs/unmasking.md): reads the recorder's
 * fragmented MP4 pipe in memory, cuts it at keyframes into segments of about `segmentSeconds`, each
 * with the stream's init segment so it plays on its own, encrypts each one for the custody key and
 * only then writes it (ciphertext) and indexes it. A segment spans from the previous cut (or the
 * stream's start) to the arrival of its last fragment, on the wall clock.
 */
export class LiftableSealer {
  readonly #options: LiftableSealerOptions;
  /** Segments sealed one at a time, in the order they were cut. */
  readonly #queue: SerialQueue;

  constructor(options: LiftableSealerOptions) {
    this.#options = options;
    this.#queue = new SerialQueue((error) => this.#problem(error));
  }

  /** Follows one run's stream until it ends. */
  attach(stream: Readable): void {
    const splitter = new Fmp4Splitter();
    const { clock, segmentSeconds } = this.#options;
    let init: Uint8Array | undefined;
    let fragments: Uint8Array[] = [];
    let startedAt = clock.now();
    const cut = (): void => {
      if (init === undefined || fragments.length === 0) return;
      const parts = [init, ...fragments];
      const from = startedAt;
      const to = clock.now();
      fragments = [];
      startedAt = to;
      void this.#queue.run(() => this.#seal(parts, { from, to }));
    };
    stream.on('data', (chunk: Buffer) => {
      let pieces;
      try {
        pieces = splitter.push(chunk);
      } catch (error) {
        this.#problem(error);
        stream.destroy();
        return;
      }
      for (const piece of pieces) {
        if (piece.kind === 'init') {
          init = piece.data;
          startedAt = clock.now();
          continue;
        }
        fragments.push(piece.data);
        if (clock.now().getTime() - startedAt.getTime() >= segmentSeconds * 1000) cut();
      }
    });
    stream.on('error', (error) => this.#problem(error));
    stream.on('close', cut);
  }

  /** Resolves once every segment cut so far is sealed and indexed (tests, stop). */
  idle(): Promise<void> {
    return this.#queue.idle();
  }

  async #seal(parts: readonly Uint8Array[], span: { from: Date; to: Date }): Promise<void> {
    const { cameraId, custody, storage, spoolDir, onSealed } = this.#options;
    const plain = Buffer.concat(parts);
    const sealed = encodeSealedFile(
      sealSegment({ plain, aad: segmentAad(cameraId, span.from.toISOString()), custody }),
    );
    plain.fill(0);
    const dir = join(spoolDir, cameraId, 'sealed');
    await mkdir(dir, { recursive: true });
    const path = join(dir, `${randomUUID()}.sealed`);
    await writeFile(path, sealed, { mode: 0o600 });
    const key = sealedKey(cameraId, span.from);
    await storage.put(key, path);
    await onSealed({ cameraId, key, startedAt: span.from, endedAt: span.to, bytes: sealed.length });
  }

  #problem(error: unknown): void {
    this.#options.onProblem(`camera ${this.#options.cameraId}: sealing the liftable stream failed: ${String(error)}`);
  }
}
