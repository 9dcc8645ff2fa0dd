import { RecordedLiveFeed } from '@vigie/media';

/**
 * The live feeds of the cameras this process records, by camera id: each follows its camera's recording (the
 * segment being written) while someone watches; live sessions read them. A camera recorded elsewhere (a remote
 * worker) has none here, and its viewers play the HLS live playlist instead.
 */
export class LiveFeeds {
  readonly #feeds = new Map<string, RecordedLiveFeed>();

  constructor(private readonly onProblem: (cameraId: string, message: string) => void = () => undefined) {}

  /** The feed of a camera, made on first use (it outlives recorder restarts: viewers stay subscribed). */
  feedOf(cameraId: string): RecordedLiveFeed {
    let feed = this.#feeds.get(cameraId);
    if (feed === undefined) {
      feed = new RecordedLiveFeed({ onProblem: (message) => this.onProblem(cameraId, message) });
      this.#feeds.set(cameraId, feed);
    }
    return feed;
  }

  /** The feed of a camera this process records, if any. */
  get(cameraId: string): RecordedLiveFeed | undefined {
    return this.#feeds.get(cameraId);
  }

  /** Forgets a camera that is no longer recorded here. */
  remove(cameraId: string): void {
    this.#feeds.get(cameraId)?.close();
    this.#feeds.delete(cameraId);
  }
}
