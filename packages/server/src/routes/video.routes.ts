import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CameraHealthSchema,
  CameraStatusSchema,
  EvidenceManifestSchema,
  maxReasonLength,
  minFootageReasonLength,
} from '@vigie/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { requesterOf } from '../auth/access-control.js';
import type { PersonRequester } from '../auth/requester.js';
import { ErrorBodySchema } from '../http-errors.js';
import type { CameraStatusService } from '../services/camera-status.service.js';
import type { ExportService } from '../video/export.service.js';
import type { InstallationKey } from '../security/installation-key.js';
import type { RecordingService } from '../video/recording.service.js';
import type { ServedSegment } from '../video/viewing-sessions.js';
import { parseByteRange } from '../video/byte-range.js';
import { requires } from './route-config.js';

const CameraParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const SessionParams = Type.Object(
  { session: Type.String({ pattern: '^[0-9a-f]{32}$' }) },
  { additionalProperties: false },
);
const SegmentParams = Type.Object(
  { session: Type.String({ pattern: '^[0-9a-f]{32}$' }), segment: Type.String({ pattern: '^[0-9]{1,18}\\.mp4$' }) },
  { additionalProperties: false },
);
const DateTime = Type.String({ format: 'date-time' });
const RangeQuery = Type.Object({ from: DateTime, to: DateTime }, { additionalProperties: false });
const Reason = Type.String({
  minLength: minFootageReasonLength,
  maxLength: maxReasonLength,
  description: 'Why the footage is viewed or exported; written to the audit trail (LEGAL R11).',
});
const RecipientName = Type.String({
  minLength: 2,
  maxLength: 200,
  description: 'Who receives the package (e.g. "Parquet de Valenciennes"): recorded in the register (LEGAL R5).',
});
const SealedBody = Type.Union([
  Type.Object(
    {
      recipientName: RecipientName,
      recipient: Type.String({ maxLength: 200, description: 'The recipient’s public key (vigie-x25519:…).' }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      recipientName: RecipientName,
      passphrase: Type.String({
        minLength: 12,
        maxLength: 1024,
        description: 'At least 12 characters, told to the recipient by another channel.',
      }),
    },
    { additionalProperties: false },
  ),
]);
const SessionReply = Type.Object({ sessionId: Type.String(), playlistUrl: Type.String() });
const LiveReply = Type.Object({
  sessionId: Type.String(),
  playlistUrl: Type.String({ description: 'HLS built from the recorded segments: the fallback, seconds behind.' }),
  streamUrl: Type.Optional(
    Type.String({
      description:
        'WebSocket of fragmented MP4 for Media Source Extensions (under a second behind); a JSON text message ' +
        '{ v: 1, type: "init", codec } precedes each binary init segment, binary fragments follow. Absent when ' +
        'this server does not record the camera itself.',
    }),
  ),
});
const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema };
const playlistType = 'application/vnd.apple.mpegurl';

async function sendSegment(
  request: FastifyRequest,
  reply: FastifyReply,
  recordings: RecordingService,
  segment: ServedSegment,
): Promise<FastifyReply> {
  const range = parseByteRange(request.headers.range, segment.bytes);
  reply.header('accept-ranges', 'bytes').header('cache-control', 'private, no-store').type('video/mp4');
  if (range === 'unsatisfiable') return reply.status(416).header('content-range', `bytes */${segment.bytes}`).send();
  if (range === undefined) {
    return reply.header('content-length', segment.bytes).send(streamOf(recordings.read(segment)));
  }
  return reply
    .status(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${segment.bytes}`)
    .header('content-length', range.end - range.start + 1)
    .send(streamOf(recordings.read(segment, range)));
}

/** The bytes as a stream: a file's own stream as it is, anything else read through one. */
function streamOf(bytes: AsyncIterable<Uint8Array>): Readable {
  return bytes instanceof Readable ? bytes : Readable.from(bytes);
}

function segmentId(file: string): string {
  return file.slice(0, -'.mp4'.length);
}

type TypedApp = Parameters<FastifyPluginAsyncTypebox>[0];

/** The playlist and segment routes of one kind of viewing session (live or playback): same checks, same replies. */
function sessionMediaRoutes(
  app: TypedApp,
  recordings: RecordingService,
  session: {
    kind: 'live' | 'playback';
    permission: 'live:view' | 'playback:view';
    playlist: (sessionId: string, requester: PersonRequester) => Promise<string>;
    segment: (sessionId: string, segmentId: string, requester: PersonRequester) => Promise<ServedSegment>;
  },
): void {
  const label = session.kind === 'live' ? 'Live' : 'Playback';
  app.get(
    `/${session.kind}/:session/index.m3u8`,
    {
      config: requires(session.permission),
      schema: { tags: ['video'], summary: `${label} HLS playlist`, params: SessionParams },
    },
    async (request, reply) =>
      reply
        .type(playlistType)
        .header('cache-control', 'no-store')
        .send(await session.playlist(request.params.session, requesterOf(request))),
  );
  app.get(
    `/${session.kind}/:session/segments/:segment`,
    {
      // A player asks for several a second: two log lines each would bury the log (errors are still logged).
      logLevel: 'warn',
      config: requires(session.permission, { frequent: true }),
      schema: { tags: ['video'], summary: `${label} segment (byte ranges)`, params: SegmentParams },
    },
    async (request, reply) =>
      sendSegment(
        request,
        reply,
        recordings,
        await session.segment(request.params.session, segmentId(request.params.segment), requesterOf(request)),
      ),
  );
}

/** Camera status, live view, snapshots, recordings, playback and exports: every image route. */
export function videoRoutes(deps: {
  recordings: RecordingService;
  exports: ExportService;
  statuses: CameraStatusService;
  /** The installation key whose public half is published. */
  key: Pick<InstallationKey, 'keyId' | 'publicKeyPem'>;
}): FastifyPluginAsyncTypebox {
  const { recordings, exports, statuses } = deps;
  return async (app) => {
    app.get(
      '/cameras/status',
      {
        config: requires('camera:read'),
        schema: {
          tags: ['video'],
          summary: 'Stream state of every camera you may see',
          response: { 200: Type.Array(CameraStatusSchema) },
        },
      },
      (request) => statuses.list(requesterOf(request)),
    );

    app.get(
      '/cameras/health',
      {
        config: requires('camera:read'),
        schema: {
          tags: ['video'],
          summary: 'Measured stream health of every camera you may see, with what to change on each',
          response: { 200: Type.Array(CameraHealthSchema) },
        },
      },
      (request) => statuses.health(requesterOf(request)),
    );

    app.get(
      '/cameras/:id/health',
      {
        config: requires('camera:read'),
        schema: {
          tags: ['video'],
          summary:
            'Measured stream health of one camera (frame rate, bitrate, keyframe interval, drift, losses, hour stored)',
          params: CameraParams,
          response: { 200: CameraHealthSchema, ...errors },
        },
      },
      (request) => statuses.healthOf(request.params.id, requesterOf(request)),
    );

    app.post(
      '/cameras/:id/live',
      {
        config: requires('live:view'),
        schema: {
          tags: ['video'],
          summary: 'Open a live view (audited); play streamUrl with Media Source Extensions, else playlistUrl (HLS)',
          params: CameraParams,
          response: { 201: LiveReply, ...errors },
        },
      },
      async (request, reply) => {
        const session = await recordings.openLive(request.params.id, requesterOf(request));
        return reply.status(201).send({
          sessionId: session.id,
          playlistUrl: `/api/live/${session.id}/index.m3u8`,
          ...(recordings.hasLiveStream(session.cameraId) ? { streamUrl: `/api/live/${session.id}/stream` } : {}),
        });
      },
    );

    sessionMediaRoutes(app, recordings, {
      kind: 'live',
      permission: 'live:view',
      playlist: (session, requester) => recordings.livePlaylist(session, requester),
      segment: (session, id, requester) => recordings.liveSegment(session, id, requester),
    });

    app.delete(
      '/live/:session',
      {
        config: requires('live:view'),
        schema: {
          tags: ['video'],
          summary: 'Close a live view (audited)',
          params: SessionParams,
          response: { 204: Type.Null(), ...errors },
        },
      },
      async (request, reply) => {
        await recordings.stopLive(request.params.session, requesterOf(request));
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/cameras/:id/snapshot.jpg',
      {
        config: requires('live:view'),
        schema: {
          tags: ['video'],
          summary: 'Latest recorded frame as JPEG, masks applied (audited)',
          params: CameraParams,
        },
      },
      async (request, reply) =>
        reply
          .type('image/jpeg')
          .header('cache-control', 'private, no-store')
          .send(await recordings.snapshot(request.params.id, requesterOf(request))),
    );

    app.get(
      '/cameras/:id/recordings',
      {
        config: requires('playback:view'),
        schema: {
          tags: ['video'],
          summary: 'Recorded ranges and gaps over a period (at most 24 h)',
          params: CameraParams,
          querystring: RangeQuery,
          response: {
            200: Type.Object({
              ranges: Type.Array(Type.Object({ start: DateTime, end: DateTime })),
              gaps: Type.Array(Type.Object({ start: DateTime, end: DateTime, reason: Type.String() })),
            }),
            ...errors,
          },
        },
      },
      (request) => recordings.recordings(request.params.id, request.query, requesterOf(request)),
    );

    app.post(
      '/cameras/:id/playback',
      {
        config: requires('playback:view'),
        schema: {
          tags: ['video'],
          summary: 'Open a playback of a range, for a reason (audited)',
          params: CameraParams,
          body: Type.Object({ from: DateTime, to: DateTime, reason: Reason }, { additionalProperties: false }),
          response: { 201: SessionReply, ...errors },
        },
      },
      async (request, reply) => {
        const session = await recordings.openPlayback(request.params.id, request.body, requesterOf(request));
        return reply.status(201).send({ sessionId: session.id, playlistUrl: `/api/playback/${session.id}/index.m3u8` });
      },
    );

    sessionMediaRoutes(app, recordings, {
      kind: 'playback',
      permission: 'playback:view',
      playlist: (session, requester) => recordings.playbackPlaylist(session, requester),
      segment: (session, id, requester) => recordings.playbackSegment(session, id, requester),
    });

    app.post(
      '/cameras/:id/exports',
      {
        config: requires('export:create'),
        schema: {
          tags: ['video'],
          summary:
            'Export a range as one MP4 with a signed manifest of what it really covers (purpose and reason audited)',
          params: CameraParams,
          body: Type.Object(
            {
              from: DateTime,
              to: DateTime,
              purpose: Type.String({ description: "One of the camera's declared purposes (LEGAL R2)." }),
              reason: Reason,
              requisition: Type.Optional(
                Type.String({
                  minLength: 1,
                  maxLength: 200,
                  description: 'Reference of the judicial requisition, stated in the signed manifest.',
                }),
              ),
            },
            { additionalProperties: false },
          ),
          response: { 201: EvidenceManifestSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await exports.create(request.params.id, request.body, requesterOf(request))),
    );

    const RequestRangeParams = Type.Object(
      { id: Type.String({ format: 'uuid' }), rangeId: Type.String({ format: 'uuid' }) },
      { additionalProperties: false },
    );

    app.post(
      '/access-requests/:id/ranges/:rangeId/export',
      {
        config: requires('request:manage'),
        schema: {
          tags: ['access requests'],
          summary: 'Make the copy for a citizen: the matched range with every person pixelated (audited; needs review)',
          params: RequestRangeParams,
          response: {
            201: Type.Object({
              manifest: EvidenceManifestSchema,
              anonymisation: Type.Object({
                frames: Type.Integer(),
                regions: Type.Integer(),
                method: Type.Enum(['person_detector', 'motion_regions']),
              }),
            }),
            ...errors,
          },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await exports.createForAccessRequest(
              { requestId: request.params.id, rangeId: request.params.rangeId },
              requesterOf(request),
            ),
          ),
    );

    app.get(
      '/access-requests/:id/ranges/:rangeId/video.mp4',
      {
        config: requires('request:manage'),
        schema: {
          tags: ['access requests'],
          summary: 'Download the anonymised copy (audited)',
          params: RequestRangeParams,
        },
      },
      async (request, reply) => {
        const { stream, id, sha256 } = await exports.downloadForAccessRequest(
          { requestId: request.params.id, rangeId: request.params.rangeId },
          requesterOf(request),
        );
        return reply
          .type('video/mp4')
          .header('content-disposition', `attachment; filename="vigie-access-${id}.mp4"`)
          .header('x-content-sha256', sha256)
          .send(stream);
      },
    );

    app.get(
      '/exports/:id',
      {
        config: requires('export:create'),
        schema: {
          tags: ['video'],
          summary: 'Manifest of an export',
          params: CameraParams,
          response: { 200: EvidenceManifestSchema, ...errors },
        },
      },
      (request) => exports.manifest(request.params.id),
    );

    app.get(
      '/exports/:id/video.mp4',
      {
        config: requires('export:create'),
        schema: { tags: ['video'], summary: 'Download an exported clip (audited)', params: CameraParams },
      },
      async (request, reply) => {
        const { stream, id, sha256 } = await exports.download(request.params.id, requesterOf(request));
        return reply
          .type('video/mp4')
          .header('content-disposition', `attachment; filename="vigie-${id}.mp4"`)
          .header('x-content-sha256', sha256)
          .send(stream);
      },
    );

    app.get(
      '/exports/:id/package.zip',
      {
        config: requires('export:create'),
        schema: {
          tags: ['video'],
          summary: 'Download the evidence package: video, signed manifest, signature, public key (audited)',
          params: CameraParams,
        },
      },
      async (request, reply) => {
        const made = await exports.package(request.params.id, requesterOf(request));
        return reply
          .type('application/zip')
          .header('content-disposition', `attachment; filename="vigie-evidence-${made.id}.zip"`)
          .header('content-length', made.bytes)
          .send(made.stream);
      },
    );

    app.post(
      '/exports/:id/sealed',
      {
        config: requires('export:create'),
        schema: {
          tags: ['video'],
          summary:
            'The evidence package encrypted for a recipient outside the system, for their key or under a passphrase (LEGAL R12; transmission audited)',
          params: CameraParams,
          body: SealedBody,
        },
      },
      async (request, reply) => {
        const { recipientName, ...sealFor } = request.body;
        const made = await exports.sealedPackage(request.params.id, requesterOf(request), { recipientName, sealFor });
        return reply
          .type('application/octet-stream')
          .header('content-disposition', `attachment; filename="vigie-evidence-${made.id}.zip.vigie-sealed"`)
          .header('cache-control', 'no-store')
          .send(made.stream);
      },
    );

    app.get(
      '/evidence/key',
      {
        config: requires('public'),
        schema: {
          tags: ['transparency'],
          summary: "The installation's public key that signs evidence packages, and its fingerprint",
          response: {
            200: Type.Object({ algorithm: Type.Literal('Ed25519'), keyId: Type.String(), publicKeyPem: Type.String() }),
          },
        },
      },
      () => ({ algorithm: 'Ed25519' as const, keyId: deps.key.keyId, publicKeyPem: deps.key.publicKeyPem }),
    );
  };
}
