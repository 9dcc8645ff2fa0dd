import { LiveFeed } from '@vigie/media';

/**
 * The live feeds of the cameras this process records, by camera id: the recorder fleet fills them from
 * each recording process, live sessions read them. A camera recorded elsewhere (a remote worker) has
 * none here, and its viewers play the HLS live playlist instead.
 */
export class LiveFeeds {
  readonly #feeds = new Map<string, LiveFeed>();

  constructor(private readonly onProblem: (cameraId: string, message: string) => void = () => undefined) {}

  /** The feed of a camera, made on first use (it outlives recorder restarts: viewers stay subscribed). */
  feedOf(cameraId: string): LiveFeed {
    let feed = this.#feeds.get(cameraId);
    if (feed === undefined) {
      feed = new LiveFeed({ onProblem: (message) => this.onProblem(cameraId, message) });
      this.#feeds.set(cameraId, feed);
    }
    return feed;
  }

  /** The feed of a camera this process records, if any. */
  get(cameraId: string): LiveFeed | undefined {
    return this.#feeds.get(cameraId);
  }

  /** Forgets a camera that is no longer recorded here. */
  remove(cameraId: string): void {
    this.#feeds.get(cameraId)?.restart();
    this.#feeds.delete(cameraId);
  }
}
