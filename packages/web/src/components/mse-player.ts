/** Why a live stream ended: the WebSocket close code and reason (an error code from the server). */
export interface StreamEnd {
  code: number;
  reason: string;
  /** Whether any picture arrived before it ended (else the caller may fall back to HLS). */
  played: boolean;
}

/** A live stream attached to a video element. */
export interface StreamAttachment {
  detach: () => void;
}

/** Close code the player uses when this browser cannot decode the stream (the tile then uses HLS). */
export const unsupportedCodec = 4415;

/** Close code the player uses for a stream that went silent: the link died without closing (the tile reconnects). */
export const silentStream = 4408;

/** A stream with no message for this long is taken as dead: the server speaks every 2 s, if only a heartbeat. */
const silentMs = 5000;
/** Further behind the newest frame than this, the player jumps to it (a viewer wants now, not smooth). */
const maxLagSeconds = 0.5;
/** Where it lands: just behind the newest frame, so it does not starve at once. */
const landingSeconds = 0.1;
/** Media kept behind the playhead; older is removed so a wall of tiles does not fill memory. */
const keepSeconds = 10;

/** Whether this browser can play the low-latency stream at all (Media Source Extensions). */
export function canPlayStreams(): boolean {
  return typeof MediaSource !== 'undefined' && typeof WebSocket !== 'undefined';
}

/**
 * Plays a server live stream (WebSocket of fragmented MP4: `{type:"init",codec}`, init segment, one fragment
 * per frame) in a video element through Media Source Extensions, kept within half a second of the newest
 * frame. `onEnd` tells why the stream stopped (closed, or silent for 5 s), unless `detach` stopped it.
 */
export function attachStream(
  video: HTMLVideoElement,
  streamUrl: string,
  options: { onEnd: (end: StreamEnd) => void; onPicture?: () => void },
): StreamAttachment {
  const url = new URL(streamUrl, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(url);
  socket.binaryType = 'arraybuffer';
  let buffer: SourceBuffer | undefined;
  let queue: ArrayBuffer[] = [];
  let played = false;
  let detached = false;
  let ended = false;
  let objectUrl: string | undefined;
  let heardAt = Date.now();
  const end = (code: number, reason: string) => {
    clearInterval(watchdog);
    if (ended) return;
    ended = true;
    if (!detached) options.onEnd({ code, reason, played });
  };
  // A socket can stay open on a dead link (a switch down, a laptop asleep): nothing tells the browser but silence.
  const watchdog = setInterval(() => {
    if (Date.now() - heardAt <= silentMs) return;
    end(silentStream, 'STREAM_SILENT');
    socket.close(silentStream, 'STREAM_SILENT');
  }, 1000);

  const pump = () => {
    if (buffer === undefined || buffer.updating) return;
    const next = queue.shift();
    if (next === undefined) return;
    try {
      buffer.appendBuffer(next);
    } catch {
      queue = []; // quota or a decoding error: start again from the next keyframe the server sends
    }
  };

  const follow = () => {
    if (buffer === undefined || buffer.updating) return;
    const ranges = buffer.buffered;
    if (ranges.length === 0) return;
    const newest = ranges.end(ranges.length - 1);
    if (!played) {
      played = true;
      options.onPicture?.();
    }
    if (newest - video.currentTime > maxLagSeconds || video.currentTime < ranges.start(ranges.length - 1)) {
      video.currentTime = Math.max(ranges.start(ranges.length - 1), newest - landingSeconds);
    }
    if (video.paused) void video.play().catch(() => undefined);
    const oldest = ranges.start(0);
    if (video.currentTime - oldest > keepSeconds * 2) buffer.remove(oldest, video.currentTime - keepSeconds);
  };

  const open = (codec: string) => {
    const mime = `video/mp4; codecs="${codec}"`;
    if (!MediaSource.isTypeSupported(mime)) {
      socket.close(unsupportedCodec, 'UNSUPPORTED_CODEC');
      return;
    }
    // A new init segment (the recorder restarted): timestamps start over, so does the media source.
    buffer = undefined;
    queue = [];
    if (objectUrl !== undefined) URL.revokeObjectURL(objectUrl);
    const source = new MediaSource();
    objectUrl = URL.createObjectURL(source);
    video.src = objectUrl;
    source.addEventListener(
      'sourceopen',
      () => {
        buffer = source.addSourceBuffer(mime);
        buffer.mode = 'segments';
        buffer.addEventListener('updateend', () => {
          follow();
          pump();
        });
        pump();
      },
      { once: true },
    );
  };

  socket.onmessage = (message: MessageEvent<ArrayBuffer | string>) => {
    heardAt = Date.now();
    if (typeof message.data === 'string') {
      const header = JSON.parse(message.data) as { type?: string; codec?: string | null };
      if (header.type === 'init') open(header.codec ?? 'avc1.42e01e');
      return;
    }
    queue.push(message.data);
    pump();
  };
  socket.onclose = (event) => end(event.code, event.reason);

  return {
    detach: () => {
      detached = true;
      clearInterval(watchdog);
      socket.close();
      video.removeAttribute('src');
      video.load();
      if (objectUrl !== undefined) URL.revokeObjectURL(objectUrl);
    },
  };
}
