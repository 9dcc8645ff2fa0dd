/**
 * Live view and playback are delivered as HLS (hls.js in the console), built from the recorded
 * segments themselves:
 * - no extra process per viewer and no transcoding: the segments are already fMP4 (HLS version 7);
 * - live shows exactly what was recorded, so privacy masks applied at recording are applied to live
 *   view by construction (LEGAL R6), and every byte served goes through the same authorised routes;
 * - plain HTTP requests are easy to authorise and audit per request (LEGAL R11).
 * The cost is latency: about one segment plus the player's buffer (≈ 5–10 s with 4 s segments).
 * A sub-second path (fMP4 over WebSocket into Media Source Extensions) can be added later for the
 * cameras an operator is actively following.
 *
 * Each segment is a self-contained fMP4 file whose timestamps restart at zero, so the playlist marks a
 * discontinuity between segments. Segments of one recording run carry the same initialisation part
 * (same `initHash`): the playlist maps it once, by byte range in the first such segment, and maps
 * another only where the codec parameters change (players would otherwise fetch and parse one per
 * segment: "duplicated MOOV"). EXT-X-PROGRAM-DATE-TIME gives each segment its wall-clock time, for
 * seeking by timestamp.
 */

/** One segment as the playlist needs it. */
export interface PlaylistSegment {
  /** URL the player fetches the segment file from. */
  uri: string;
  startedAt: Date;
  endedAt: Date;
  bytes: number;
  initBytes: number;
  /** Short hash of the init part; unknown (older rows): the segment gets its own map. */
  initHash?: string;
}

/** What the playlist lists. */
export interface HlsPlaylistOptions {
  /** In time order. */
  segments: readonly PlaylistSegment[];
  /** Live: a sliding window without end; otherwise a finished (VOD) playlist for a time range. */
  live?: boolean;
  /** Live: the number of segments that left the window since the camera started (default 0). */
  mediaSequence?: number;
}

function seconds(segment: PlaylistSegment): number {
  return Math.max(0, (segment.endedAt.getTime() - segment.startedAt.getTime()) / 1000);
}

/** Builds an HLS media playlist (fMP4, version 7) over recorded segments. */
export function buildHlsPlaylist(options: HlsPlaylistOptions): string {
  const sequence = options.mediaSequence ?? 0;
  const target = Math.max(1, ...options.segments.map((s) => Math.ceil(seconds(s))));
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    `#EXT-X-TARGETDURATION:${target}`,
    `#EXT-X-MEDIA-SEQUENCE:${sequence}`,
    // Every segment starts a new timeline, so discontinuities advance exactly like segments do.
    `#EXT-X-DISCONTINUITY-SEQUENCE:${sequence}`,
    '#EXT-X-INDEPENDENT-SEGMENTS',
  ];
  if (options.live !== true) lines.push('#EXT-X-PLAYLIST-TYPE:VOD');
  let mapped: string | undefined;
  options.segments.forEach((segment, index) => {
    if (index > 0) lines.push('#EXT-X-DISCONTINUITY');
    if (index === 0 || segment.initHash === undefined || segment.initHash !== mapped)
      lines.push(`#EXT-X-MAP:URI="${segment.uri}",BYTERANGE="${segment.initBytes}@0"`);
    mapped = segment.initHash;
    lines.push(
      `#EXT-X-PROGRAM-DATE-TIME:${segment.startedAt.toISOString()}`,
      `#EXTINF:${seconds(segment).toFixed(3)},`,
      `#EXT-X-BYTERANGE:${segment.bytes - segment.initBytes}@${segment.initBytes}`,
      segment.uri,
    );
  });
  if (options.live !== true) lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}
