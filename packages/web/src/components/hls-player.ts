import type { SegmentTime } from '../logic/timeline';

/** A playlist attached to a video element. */
export interface HlsAttachment {
  detach: () => void;
  /** The segments loaded so far with their recording times (empty with native HLS). */
  segments: () => SegmentTime[];
}

/** Plays an HLS playlist in a video element: hls.js (loaded on demand) where MSE exists, else native HLS (Safari). */
export async function attachHls(video: HTMLVideoElement, playlistUrl: string, live: boolean): Promise<HlsAttachment> {
  const { default: Hls } = await import('hls.js');
  if (!Hls.isSupported()) {
    video.src = playlistUrl;
    return { detach: () => video.removeAttribute('src'), segments: () => [] };
  }
  const hls = new Hls(live ? { liveSyncDurationCount: 2, lowLatencyMode: true } : {});
  hls.loadSource(playlistUrl);
  hls.attachMedia(video);
  return {
    detach: () => hls.destroy(),
    segments: () =>
      (hls.levels[Math.max(hls.currentLevel, 0)]?.details?.fragments ?? []).flatMap((f) =>
        f.programDateTime === null
          ? []
          : [{ start: f.start, duration: f.duration, programDateTime: f.programDateTime }],
      ),
  };
}
