import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { VigieError } from '@vigie/core';
import type { LiveMessage } from '@vigie/media';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { requesterOf } from '../auth/access-control.js';
import type { RecordingService } from '../video/recording.service.js';
import { requires } from './route-config.js';
import { keepAlive } from './socket-keepalive.js';

const SessionParams = Type.Object(
  { session: Type.String({ pattern: '^[0-9a-f]{32}$' }) },
  { additionalProperties: false },
);

/** How often an open stream re-checks its session and the viewer's right to the camera. */
const recheckMs = 5000;
/** WebSocket close code of a refused or ended stream; the reason is the error code. */
const refusedCode = 4403;
/**
 * Heartbeat period: the console takes a stream with no message for 5 s as dead (a link that went silent
 * without closing), so the server speaks at least this often, even when the camera sends nothing.
 */
const heartbeatMs = 2000;
const heartbeat = JSON.stringify({ v: 1, type: 'heartbeat' });

/** A browser may only stream from the console's own origin (cookies ride along on cross-site WebSockets). */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true; // not a browser
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

function codeOf(error: unknown): string {
  return error instanceof VigieError ? error.code : 'INTERNAL_ERROR';
}

/** The low-latency live stream of an audited live session, over a WebSocket. */
export function liveStreamRoutes(recordings: RecordingService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/live/:session/stream',
      {
        config: requires('live:view'),
        websocket: true,
        schema: { hide: true, params: SessionParams },
      },
      (socket, request) => {
        const requester = requesterOf(request);
        const { session } = request.params;
        let unsubscribe: (() => void) | undefined;
        let recheck: NodeJS.Timeout | undefined;
        const end = (error: unknown) => {
          if (socket.readyState === socket.OPEN) socket.close(refusedCode, codeOf(error));
        };
        socket.on('close', () => {
          clearInterval(recheck);
          unsubscribe?.();
        });
        keepAlive(socket, {
          intervalMs: heartbeatMs,
          heartbeat: () => {
            if (socket.readyState === socket.OPEN) socket.send(heartbeat);
          },
        });
        if (!sameOrigin(request)) {
          end(new VigieError('PERMISSION_DENIED', 'Live streams are only served to the console of this server.'));
          return;
        }
        const send = (message: LiveMessage) => {
          if (socket.readyState !== socket.OPEN) return;
          if (message.kind === 'init')
            socket.send(JSON.stringify({ v: 1, type: 'init', codec: message.codec ?? null }));
          socket.send(message.data);
        };
        void recordings.liveStream(session, requester).then((feed) => {
          if (socket.readyState !== socket.OPEN) return;
          unsubscribe = feed.subscribe({ send, backlog: () => socket.bufferedAmount });
          recheck = setInterval(() => void recordings.liveStream(session, requester).catch(end), recheckMs);
        }, end);
      },
    );
  };
}
