import type { RecordingGap, Segment } from '@vigie/core';
import { whileDatabaseAway, type UnitOfWork } from '@vigie/db';

type IndexRow = { segment: Segment } | { gap: RecordingGap };

interface Waiting {
  row: IndexRow;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** How often the index is written. */
export interface IndexWriterOptions {
  work: UnitOfWork;
  /**
   * Longest a row waits for its batch (default 1 s; the recorders use half a segment): the number of transactions
   * per second stays constant whatever the number of cameras. One transaction costs more than its rows on the
   * embedded database (1.9 CPU-ms for 1 row, 2.4 for 4, 2.8 for 16; issue 11): a batch a second instead of four
   * spares a camera recorder ≈ 0.25 millicore at 16 cameras, and a segment is playable at most that long after it
   * is stored.
   */
  flushMs?: number;
  /** A batch this large is written at once (default 256). */
  maxBatch?: number;
}

async function writeRows(work: UnitOfWork, rows: readonly IndexRow[]): Promise<void> {
  const segments = rows.flatMap((row) => ('segment' in row ? [row.segment] : []));
  const gaps = rows.flatMap((row) => ('gap' in row ? [row.gap] : []));
  await whileDatabaseAway(() =>
    work(async ({ recordings }) => {
      await recordings.insertSegments(segments);
      await recordings.insertGaps(gaps);
    }),
  );
}

/**
 * Indexes the segments and gaps of every recording camera in batches: one transaction per batch,
 * whatever the camera count, instead of one per segment. Each caller's promise settles once its row is
 * committed, so a recorder still hands a file over only when it is indexed (a stored file without its
 * row would be invisible to playback and to the retention purge). A batch that fails for another reason
 * than a lost connection is retried row by row, so that one bad row fails alone.
 */
export class IndexWriter {
  readonly #options: IndexWriterOptions;
  #pending: Waiting[] = [];
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> = Promise.resolve();

  /** Prepares a writer; nothing is written until rows come. */
  constructor(options: IndexWriterOptions) {
    this.#options = options;
  }

  /** Indexes a stored segment; resolves once it is committed. */
  segment(segment: Segment): Promise<void> {
    return this.#add({ segment });
  }

  /** Records a gap; resolves once it is committed. */
  gap(gap: RecordingGap): Promise<void> {
    return this.#add({ gap });
  }

  #add(row: IndexRow): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#pending.push({ row, resolve, reject });
      if (this.#pending.length >= (this.#options.maxBatch ?? 256)) this.#flush();
      else this.#timer ??= setTimeout(() => this.#flush(), this.#options.flushMs ?? 1000);
    });
  }

  #flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#pending;
    this.#pending = [];
    if (batch.length > 0) this.#writing = this.#writing.then(() => this.#write(batch));
  }

  async #write(batch: readonly Waiting[]): Promise<void> {
    const { work } = this.#options;
    try {
      await writeRows(
        work,
        batch.map((waiting) => waiting.row),
      );
      for (const waiting of batch) waiting.resolve();
    } catch {
      for (const waiting of batch) await writeRows(work, [waiting.row]).then(waiting.resolve, waiting.reject);
    }
  }
}
