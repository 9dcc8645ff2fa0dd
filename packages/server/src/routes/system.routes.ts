import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  analyticsEventTypes,
  purposes,
  VigieError,
  type AnalyticsEventType,
  type LegalProfile,
  type Purpose,
  type PushAudience,
} from '@vigie/core';
import type { VigieDatabase } from '@vigie/db';
import Type from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { EventHub } from '../event-hub.js';
import { requires } from './route-config.js';
import { keepAlive } from './socket-keepalive.js';

/** What the console needs to know about this installation before anyone logs in. */
export interface ConsoleSettings {
  /** Map tile URL template ({z}/{x}/{y}); absent: the map draws a plain offline background. */
  mapTileUrl?: string;
}

/** Which purposes justify an analytic under the profile ('any': none needed; []: never allowed), and why. */
const AnalyticJustificationSchema = Type.Object({
  justifiedBy: Type.Union([Type.Array(Type.Enum([...purposes])), Type.Literal('any')]),
  basis: Type.String(),
});

/** The profile's purpose → analytic table, as the settings route sends it. */
function analyticsTable(
  profile: LegalProfile,
): Record<AnalyticsEventType, { justifiedBy: Purpose[] | 'any'; basis: string }> {
  return Object.fromEntries(
    analyticsEventTypes.map((type) => {
      const { justifiedBy, basis } = profile.analytics[type];
      return [type, { justifiedBy: justifiedBy === 'any' ? 'any' : [...justifiedBy], basis }];
    }),
  ) as Record<AnalyticsEventType, { justifiedBy: Purpose[] | 'any'; basis: string }>;
}

/** How often a socket re-reads its caller's roles, assignments and session. */
const audienceRefreshMs = 10_000;

function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Health, console settings, the OpenAPI document and the WebSocket push channel. */
export function systemRoutes(options: {
  database: Pick<VigieDatabase, 'engine' | 'probe'>;
  events: EventHub;
  console: ConsoleSettings;
  profile: LegalProfile;
  /** Who a socket's caller is now (roles, cameras); undefined once their session or token is gone. */
  pushAudience: (request: FastifyRequest) => Promise<PushAudience | undefined>;
}): FastifyPluginAsyncTypebox {
  const { profile } = options;
  return async (app) => {
    app.get(
      '/health',
      {
        config: requires('public'),
        schema: {
          tags: ['system'],
          summary: 'Health: ok, or degraded (503) while the database is unreachable (Vigie reconnects by itself)',
          response: {
            200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }),
            503: Type.Object({ status: Type.Literal('degraded'), database: Type.String(), reason: Type.String() }),
          },
        },
      },
      async (request, reply) => {
        const probe = await options.database.probe();
        const database = options.database.engine;
        if (probe.reachable) return { status: 'ok' as const, database };
        // The details (addresses, server messages) go to the log, not to this public route.
        request.log.warn(`database unreachable: ${probe.reason}`);
        const reason = 'The database is unreachable; Vigie retries on every request.';
        return reply.status(503).send({ status: 'degraded' as const, database, reason });
      },
    );

    app.get(
      '/console/settings',
      {
        config: requires('public'),
        schema: {
          tags: ['system'],
          summary:
            'Console settings of this installation (map tiles, legal profile); public, since the transparency page uses them',
          response: {
            200: Type.Object({
              mapTileUrl: Type.Union([Type.String(), Type.Null()], {
                description: 'Tile URL template; null: plain offline background.',
              }),
              legalProfile: Type.Object(
                {
                  id: Type.String(),
                  title: Type.Object({ fr: Type.String(), en: Type.String() }),
                  purposes: Type.Array(Type.Enum([...purposes])),
                  maxRetentionDays: Type.Integer(),
                  defaultRetentionDays: Type.Integer(),
                  timeZone: Type.String(),
                  analytics: Type.Object(
                    Object.fromEntries(analyticsEventTypes.map((type) => [type, AnalyticJustificationSchema])),
                    { description: 'Purpose → analytic table: which declared purposes allow each analytic.' },
                  ),
                  authorisationMaxYears: Type.Integer(),
                  renewalNoticeMonths: Type.Integer(),
                  accessRequestDeadlineMonths: Type.Integer(),
                  accessRequestExtensionMonths: Type.Integer(),
                  accessRequestReminderDays: Type.Integer(),
                },
                { description: 'The rules this installation runs under, so that the console never copies them.' },
              ),
            }),
          },
        },
      },
      () => ({
        mapTileUrl: options.console.mapTileUrl ?? null,
        legalProfile: {
          id: profile.id,
          title: profile.title,
          purposes: [...profile.purposes],
          maxRetentionDays: profile.maxRetentionDays,
          defaultRetentionDays: profile.defaultRetentionDays,
          timeZone: profile.timeZone,
          analytics: analyticsTable(profile),
          authorisationMaxYears: profile.authorisationMaxYears,
          renewalNoticeMonths: profile.renewalNoticeMonths,
          accessRequestDeadlineMonths: profile.accessRequestDeadlineMonths,
          accessRequestExtensionMonths: profile.accessRequestExtensionMonths,
          accessRequestReminderDays: profile.accessRequestReminderDays,
        },
      }),
    );

    app.get('/openapi.json', { config: requires('public'), schema: { hide: true } }, () => app.swagger());

    app.get(
      '/events',
      {
        config: requires('camera:read'),
        websocket: true,
        schema: { hide: true },
        // A page of another site must not open a socket with the visitor's cookie (cross-site WebSocket hijacking).
        preValidation: async (request: FastifyRequest) => {
          const origin = request.headers.origin;
          if (origin !== undefined && !sameOrigin(origin, request.headers.host)) {
            throw new VigieError('ORIGIN_NOT_ALLOWED', `Origin ${origin} may not open the event socket.`);
          }
        },
      },
      async (socket, request) => {
        // Subscribed before the audience is read: what is published meanwhile is held, not lost, then filtered.
        let audience: PushAudience | undefined;
        const reading = options.pushAudience(request).then((found) => {
          audience = found;
        });
        const unsubscribe = options.events.subscribe(
          () => audience ?? { roles: [], cameras: 'all' },
          (event) => socket.send(JSON.stringify(event)),
          reading,
        );
        try {
          await reading;
        } catch (error) {
          unsubscribe();
          throw error;
        }
        if (audience === undefined) {
          unsubscribe();
          socket.close(4401, 'session ended');
          return;
        }
        // Assignments and roles change, sessions end: the socket follows them, as a new request would.
        const refresh = setInterval(() => {
          options
            .pushAudience(request)
            .then((now) => {
              audience = now;
              if (now === undefined) socket.close(4401, 'session ended');
            })
            .catch(() => undefined); // the database is away: keep the last audience until it is back
        }, audienceRefreshMs);
        socket.on('close', () => {
          clearInterval(refresh);
          unsubscribe();
        });
        keepAlive(socket);
      },
    );
  };
}
