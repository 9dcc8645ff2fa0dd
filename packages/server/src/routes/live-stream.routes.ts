import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { VigieError } from '@vigie/core';
import type { LiveFeed, LiveMessage } from '@vigie/media';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { requesterOf } from '../auth/access-control.js';
import type { RecordingService } from '../video/recording.service.js';
import { accessRecheckMs } from '../auth/recent-access.js';
import { requires } from './route-config.js';
import { keepAlive } from './socket-keepalive.js';

const SessionParams = Type.Object(
  { session: Type.String({ pattern: '^[0-9a-f]{32}$' }) },
  { additionalProperties: false },
);

const StreamQuery = Type.Object(
  {
    /** sub: the camera's sub stream for small tiles (its main stream when it has none); default main. */
    stream: Type.Optional(Type.Union([Type.Literal('main'), Type.Literal('sub')])),
  },
  { additionalProperties: false },
);

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

type LiveSource = Pick<LiveFeed, 'subscribe'>;

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
        schema: { hide: true, params: SessionParams, querystring: StreamQuery },
      },
      (socket, request) => {
        const requester = requesterOf(request);
        const { session } = request.params;
        const wanted = request.query.stream ?? 'main';
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
            socket.send(JSON.stringify({ v: 1, type: 'init', codec: message.codec ?? null, stream: served }));
          socket.send(message.data);
        };
        let served = wanted;
        let current: LiveSource | undefined;
        // A new feed (the camera's settings changed, its sub stream appeared or went): the viewer follows it.
        const follow = ({ feed, stream }: { feed: LiveSource; stream: typeof wanted }) => {
          if (socket.readyState !== socket.OPEN || feed === current) return;
          unsubscribe?.();
          current = feed;
          served = stream;
          unsubscribe = feed.subscribe({ send, backlog: () => socket.bufferedAmount });
        };
        void recordings.liveStream(session, requester, wanted).then((found) => {
          follow(found);
          recheck = setInterval(
            () => void recordings.liveStream(session, requester, wanted).then(follow, end),
            accessRecheckMs,
          );
        }, end);
      },
    );
  };
}
