import type { SegmentTime } from '../logic/timeline';

/** A playlist attached to a video element. */
export interface HlsAttachment {
  detach: () => void;
  /** The segments loaded so far with their recording times (empty with native HLS). */
  segments: () => SegmentTime[];
}

const retryMs = 3000;

/**
 * Plays an HLS playlist in a video element: hls.js (loaded on demand) where MSE exists, else native HLS
 * (Safari). A network failure is retried (a live playlist is empty until the first segment is recorded),
 * a decoding failure recovered; a refusal (4xx: session closed, authorisation lapsed) ends playing and
 * is reported through `onRefused` with the HTTP status.
 */
export async function attachHls(
  video: HTMLVideoElement,
  playlistUrl: string,
  options: { live: boolean; onRefused?: (status: number) => void },
): Promise<HlsAttachment> {
  const { default: Hls } = await import('hls.js');
  if (!Hls.isSupported()) {
    video.src = playlistUrl;
    return { detach: () => video.removeAttribute('src'), segments: () => [] };
  }
  const hls = new Hls(options.live ? { liveSyncDurationCount: 2 } : {});
  let retry: ReturnType<typeof setTimeout> | undefined;
  hls.on(Hls.Events.ERROR, (_event, data) => {
    if (!data.fatal) return;
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
      hls.recoverMediaError();
      return;
    }
    const status = data.response?.code ?? 0;
    if (status >= 400 && status < 500) {
      hls.stopLoad();
      options.onRefused?.(status);
      return;
    }
    clearTimeout(retry);
    retry = setTimeout(() => hls.loadSource(playlistUrl), retryMs);
  });
  hls.loadSource(playlistUrl);
  hls.attachMedia(video);
  return {
    detach: () => {
      clearTimeout(retry);
      hls.destroy();
    },
    segments: () =>
      (hls.levels[Math.max(hls.currentLevel, 0)]?.details?.fragments ?? []).flatMap((f) =>
        f.programDateTime === null
          ? []
          : [{ start: f.start, duration: f.duration, programDateTime: f.programDateTime }],
      ),
  };
}
