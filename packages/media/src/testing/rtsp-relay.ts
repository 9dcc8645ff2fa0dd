import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';

/** One RTSP request read from a connection. */
interface RtspRequest {
  method: string;
  uri: string;
  headers: Map<string, string>;
  body: Buffer;
}

/** An interleaved RTP/RTCP frame (`$`, channel, 16-bit length, data: RFC 2326 §10.12). */
interface InterleavedFrame {
  channel: number;
  data: Buffer;
}

/**
 * Splits what a connection sends into RTSP requests and interleaved frames, in order. Returns the
 * bytes left over (an incomplete message) to prepend to the next chunk.
 */
function parse(buffer: Buffer, onRequest: (r: RtspRequest) => void, onFrame: (f: InterleavedFrame) => void): Buffer {
  let rest = buffer;
  for (;;) {
    if (rest.length > 0 && rest[0] === 0x24) {
      if (rest.length < 4) return rest;
      const length = rest.readUInt16BE(2);
      if (rest.length < 4 + length) return rest;
      onFrame({ channel: rest[1] ?? 0, data: rest.subarray(4, 4 + length) });
      rest = rest.subarray(4 + length);
      continue;
    }
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) return rest;
    const [requestLine = '', ...lines] = rest.subarray(0, end).toString('latin1').split('\r\n');
    const headers = new Map<string, string>();
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const bodyLength = Number(headers.get('content-length') ?? 0);
    if (rest.length < end + 4 + bodyLength) return rest;
    const [method = '', uri = ''] = requestLine.split(' ');
    onRequest({ method, uri, headers, body: rest.subarray(end + 4, end + 4 + bodyLength) });
    rest = rest.subarray(end + 4 + bodyLength);
  }
}

function reply(socket: Socket, request: RtspRequest, extra: Record<string, string> = {}, body = ''): void {
  const headers = { CSeq: request.headers.get('cseq') ?? '0', ...extra };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  if (body !== '') lines.push('Content-Type: application/sdp', `Content-Length: ${Buffer.byteLength(body)}`);
  socket.write(`RTSP/1.0 200 OK\r\n${lines.join('\r\n')}\r\n\r\n${body}`);
}

/** True when an H.264 RTP payload (RFC 6184) starts a keyframe: an IDR slice or the parameter sets before one. */
function startsKeyframe(payload: Buffer): boolean {
  const type = (payload[0] ?? 0) & 0x1f;
  if (type === 5 || type === 7) return true;
  if (type === 24) return [5, 7].includes((payload[3] ?? 0) & 0x1f); // STAP-A: first aggregated unit
  if (type === 28) return ((payload[1] ?? 0) & 0x80) !== 0 && ((payload[1] ?? 0) & 0x1f) === 5; // FU-A start
  return false;
}

function rtpPayload(packet: Buffer): Buffer {
  const csrcCount = (packet[0] ?? 0) & 0x0f;
  let offset = 12 + 4 * csrcCount;
  if (((packet[0] ?? 0) & 0x10) !== 0) offset += 4 + 4 * packet.readUInt16BE(offset + 2);
  return packet.subarray(offset);
}

interface Viewer {
  socket: Socket;
  /** Interleaved channel the viewer asked for at SETUP (RTP; RTCP on the next). */
  channel: number;
  playing: boolean;
  /** A viewer gets video from the next keyframe on, as a camera's first frame would be. */
  synced: boolean;
}

/**
 * A minimal RTSP server for tests: one publisher (ffmpeg with `-f rtsp -rtsp_transport tcp`) sends
 * ANNOUNCE/RECORD to `/publish`, and every viewer that asks DESCRIBE/SETUP/PLAY for any other path
 * gets the publisher's RTP packets interleaved on its TCP connection (RTP/AVP/TCP only, as Vigie reads).
 * No maintained npm RTSP server serves RTP over TCP, hence this one; it carries no media logic.
 */
export class RtspRelay {
  readonly #sockets = new Set<Socket>();
  readonly #viewers = new Set<Viewer>();
  #server: Server | undefined;
  #sdp: string | undefined;
  #announced: (() => void)[] = [];
  #paused = false;
  /** Added to every forwarded RTP timestamp (90 kHz ticks), as a camera whose clock steps would. */
  #timestampShift = 0;
  /** Chunks relayed so far: each one is sent to the viewers from the next one on (`#uncorkAll`). */
  #chunks = 0;

  /** Listens on 127.0.0.1 (port 0: a free one); resolves with the port. */
  async listen(port: number): Promise<number> {
    const server = createServer((socket) => this.#accept(socket));
    this.#server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    return typeof address === 'object' && address !== null ? address.port : port;
  }

  /** Connections playing the stream now (the publisher not counted). */
  get viewers(): number {
    return this.#viewers.size;
  }

  /** Resolves once a publisher has announced its stream. */
  published(): Promise<void> {
    if (this.#sdp !== undefined) return Promise.resolve();
    return new Promise((resolve) => this.#announced.push(resolve));
  }

  /** Stops answering and sending while keeping every connection open, as a hung camera does. */
  pause(): void {
    this.#paused = true;
    for (const socket of this.#sockets) socket.pause();
  }

  /** From now on shifts the stream's timestamps by this many seconds more (negative: back), as a camera stepping its clock does. */
  shiftTimestamps(seconds: number): void {
    this.#timestampShift += Math.round(seconds * 90_000);
  }

  /** Answers and sends again. */
  resume(): void {
    this.#paused = false;
    for (const socket of this.#sockets) socket.resume();
  }

  /** Drops every connection at once and stops listening, as a camera losing power does. */
  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
    this.#viewers.clear();
    this.#sdp = undefined;
    const server = this.#server;
    this.#server = undefined;
    if (server !== undefined) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  #accept(socket: Socket): void {
    this.#sockets.add(socket);
    if (this.#paused) socket.pause();
    let pending: Buffer = Buffer.alloc(0);
    let viewer: Viewer | undefined;
    socket.on('data', (chunk: Buffer) => {
      // What one chunk of the publisher carries goes to each viewer in one write (a benchmark relays to 128).
      const publishing = viewer === undefined;
      if (publishing) for (const each of this.#viewers) each.socket.cork();
      pending = parse(
        Buffer.concat([pending, chunk]),
        (request) => {
          viewer = this.#answer(socket, request, viewer);
        },
        (frame) => {
          if (viewer === undefined && frame.channel === 0) this.#forward(frame.data);
        },
      );
      if (publishing) this.#uncorkAll();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.#sockets.delete(socket);
      if (viewer !== undefined) this.#viewers.delete(viewer);
    });
  }

  /**
   * Sends what each viewer was given, starting from a viewer one further on each time: served always in the order
   * they connected, the first viewers' readers were woken first, and in `npm run bench:video` the readers that
   * connected last cost 8–10 % less CPU than the same ffmpeg connected first, whichever side that was.
   */
  #uncorkAll(): void {
    const viewers = [...this.#viewers];
    const first = viewers.length === 0 ? 0 : this.#chunks++ % viewers.length;
    for (let i = 0; i < viewers.length; i++) viewers[(first + i) % viewers.length]?.socket.uncork();
  }

  #answer(socket: Socket, request: RtspRequest, viewer: Viewer | undefined): Viewer | undefined {
    const session = request.headers.get('session') ?? randomBytes(6).toString('hex');
    const publishing = /^rtsps?:\/\/[^/]+\/publish/.test(request.uri);
    switch (request.method) {
      case 'ANNOUNCE':
        this.#sdp = request.body.toString('utf8');
        reply(socket, request);
        return viewer;
      case 'DESCRIBE':
        void this.published().then(() =>
          reply(socket, request, { 'Content-Base': `${request.uri.replace(/\/$/, '')}/` }, this.#sdp ?? ''),
        );
        return viewer;
      case 'SETUP': {
        const transport = request.headers.get('transport') ?? '';
        const channel = Number(/interleaved=(\d+)/.exec(transport)?.[1] ?? 0);
        reply(socket, request, { Transport: transport, Session: `${session};timeout=60` });
        return publishing ? viewer : { socket, channel, playing: false, synced: false };
      }
      case 'PLAY':
        if (viewer !== undefined) {
          viewer.playing = true;
          this.#viewers.add(viewer);
        }
        reply(socket, request, { Session: session, Range: 'npt=0.000-' });
        return viewer;
      case 'RECORD':
        reply(socket, request, { Session: session });
        for (const resolve of this.#announced.splice(0)) resolve();
        return viewer;
      case 'TEARDOWN':
        reply(socket, request, { Session: session });
        socket.end();
        return viewer;
      default: // OPTIONS, GET_PARAMETER (keep-alive)
        reply(socket, request, { Public: 'OPTIONS, DESCRIBE, ANNOUNCE, SETUP, PLAY, RECORD, TEARDOWN, GET_PARAMETER' });
        return viewer;
    }
  }

  #forward(received: Buffer): void {
    let packet = received;
    if (this.#paused) return;
    const keyframe = startsKeyframe(rtpPayload(packet));
    if (this.#timestampShift !== 0) {
      packet = Buffer.from(packet);
      packet.writeUInt32BE((packet.readUInt32BE(4) + this.#timestampShift) >>> 0, 4);
    }
    const headers = new Map<number, Buffer>();
    for (const viewer of this.#viewers) {
      if (!viewer.playing) continue;
      viewer.synced ||= keyframe;
      if (!viewer.synced) continue;
      let header = headers.get(viewer.channel);
      if (header === undefined) {
        header = Buffer.from([0x24, viewer.channel, packet.length >> 8, packet.length & 0xff]);
        headers.set(viewer.channel, header);
      }
      viewer.socket.write(header);
      viewer.socket.write(packet);
    }
  }
}
