import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  retentionCutoff,
  VigieError,
  type Camera,
  type Clock,
  type RecordingGap,
  type SegmentStorage,
} from '@vigie/core';
import type { PlaylistRow, UnitOfWork } from '@vigie/db';
import { buildHlsPlaylist, copyFromStorage, runFfmpeg, snapshotArgs, type LiveFeed } from '@vigie/media';
import type { PersonRequester } from '../auth/requester.js';
import type { CameraService } from '../services/camera.service.js';
import type { LegalRegistryService } from '../services/legal-registry.service.js';
import { mergeRanges, parseTimeRange, type TimeRange } from './time-range.js';
import type { LiveFeeds } from './live-feeds.js';
import type { RecentAccess } from '../auth/recent-access.js';
import type { ServedSegment, ViewingSession, ViewingSessions } from './viewing-sessions.js';

/** Which of a camera's streams a live view shows: main (enlarged tiles) or sub (small tiles). */
export type LiveStreamRole = 'main' | 'sub';

/** What the recordings of a camera look like over a period. */
export interface RecordingsOverview {
  ranges: { start: string; end: string }[];
  gaps: { start: string; end: string; reason: string }[];
}

/** How the recording service reaches ffmpeg and its scratch space. */
export interface MediaTools {
  /** Resolves the ffmpeg binary; throws a clear error when it is missing. */
  ffmpegPath: () => string;
  /** Directory for temporary files (snapshots, export lists). */
  workDir: string;
}

const liveWindowSegments = 6;
/** A live session serves only segments this recent when it opened, so it cannot be used as playback. */
const liveLookBackMs = 60_000;
const maxPlaybackHours = 24;

function iso(range: TimeRange): { start: string; end: string } {
  return { start: range.from.toISOString(), end: range.to.toISOString() };
}

/**
 * Live view, playback and snapshots, all built from the recorded (already masked) segments. Every
 * opening is audited, playback with its reason; nothing past a camera's retention is ever served.
 */
export class RecordingService {
  constructor(
    private readonly deps: {
      work: UnitOfWork;
      clock: Clock;
      cameras: CameraService;
      storage: SegmentStorage;
      sessions: ViewingSessions;
      /** Stamps each session's check of its camera, so that a segment reuses it briefly (and never after a change). */
      recentAccess: Pick<RecentAccess, 'stamp' | 'holds'>;
      media: MediaTools;
      /** Refuses images of a camera whose authorisation lapsed (LEGAL R1) or that films private space unmasked. */
      registry: Pick<LegalRegistryService, 'assertViewable'>;
      /** Live streams of the cameras this process records (low-latency live); absent: HLS only. */
      liveFeeds?: LiveFeeds;
      /** The on-demand live feed of a camera's sub stream (small tiles), when it has one recorded here. */
      subLive?: (cameraId: string) => Pick<LiveFeed, 'subscribe'> | undefined;
      /** The main stream masked by Vigie on demand, for a camera recorded by copy (its copies are vouched for later). */
      mainLive?: (cameraId: string) => Pick<LiveFeed, 'subscribe'> | undefined;
    },
  ) {}

  /** Recorded ranges and gaps of a camera over a period (at most 24 h), within retention. */
  async recordings(
    cameraId: string,
    input: { from: string; to: string },
    viewer: PersonRequester,
  ): Promise<RecordingsOverview> {
    const camera = await this.deps.cameras.get(cameraId, viewer);
    const range = parseTimeRange(input, maxPlaybackHours);
    return this.deps.work(async ({ recordings }) => {
      const segments = await recordings.segmentsBetween(camera.id, range, this.#cutoff(camera));
      const gaps = await recordings.gapsBetween(camera.id, range);
      return {
        ranges: mergeRanges(
          segments.map((s) => ({ from: s.startedAt, to: s.endedAt })),
          1000,
        ).map(iso),
        gaps: gaps.map((g: RecordingGap) => ({ ...iso(g), reason: g.reason })),
      };
    });
  }

  /** Opens a live view of a camera; audited. */
  async openLive(cameraId: string, requester: PersonRequester): Promise<ViewingSession> {
    const camera = await this.#viewable(cameraId, requester);
    const now = this.deps.clock.now();
    return this.deps.work(async ({ audit }) => {
      const session = this.deps.sessions.open({
        kind: 'live',
        cameraId: camera.id,
        ...this.#who(requester),
        openedAt: now,
      });
      await audit.append({
        action: 'live.started',
        ...requester,
        cameraId: camera.id,
        details: { session: session.id },
      });
      return session;
    });
  }

  /** Whether a camera's live stream is relayed by this process (else its viewers use the HLS playlist). */
  hasLiveStream(cameraId: string): boolean {
    return this.deps.liveFeeds?.get(cameraId) !== undefined;
  }

  /**
   * The live stream of a session (its camera's masked fragmented MP4), after the same checks as every image
   * route; called again while streaming, so that an ended session, a withdrawn camera or a lapsed
   * authorisation stops the stream within one check. The sub stream is served when asked for and the camera
   * has one, else the main stream (masked by Vigie on demand when the camera is recorded by copy).
   */
  async liveStream(
    sessionId: string,
    viewer: PersonRequester,
    stream: LiveStreamRole = 'main',
  ): Promise<{ feed: Pick<LiveFeed, 'subscribe'>; stream: LiveStreamRole }> {
    const session = this.deps.sessions.use(sessionId, 'live', viewer.userId, this.deps.clock.now());
    const camera = await this.#viewable(session.cameraId, viewer);
    const feed = this.deps.liveFeeds?.get(camera.id);
    const sub = stream === 'sub' && feed !== undefined ? this.deps.subLive?.(camera.id) : undefined;
    if (sub !== undefined) return { feed: sub, stream: 'sub' };
    const main = feed === undefined ? undefined : this.deps.mainLive?.(camera.id);
    if (main !== undefined) return { feed: main, stream: 'main' };
    if (feed === undefined) {
      throw new VigieError(
        'MEDIA_UNAVAILABLE',
        `Camera "${camera.name}" is not recorded by this server; use its playlist.`,
      );
    }
    return { feed, stream: 'main' };
  }

  /** The sliding live playlist of a session. */
  async livePlaylist(sessionId: string, viewer: PersonRequester): Promise<string> {
    const session = this.deps.sessions.use(sessionId, 'live', viewer.userId, this.deps.clock.now());
    const camera = await this.#recheck(session, viewer);
    return this.deps.work(async ({ recordings }) => {
      const window = await recordings.latestSegments(camera.id, liveWindowSegments, this.#liveBound(camera, session));
      const first = window[0];
      // The media sequence only has to hold within this session: it advances by the segments that left
      // the window since the last playlist (a count over seconds, never over the camera's history).
      const last = session.liveWindow;
      let sequence = last?.sequence ?? 0;
      if (first !== undefined && last !== undefined && first.startedAt > last.firstStartedAt)
        sequence += await recordings.countStartedBetween(camera.id, { from: last.firstStartedAt, to: first.startedAt });
      if (first !== undefined) session.liveWindow = { firstStartedAt: first.startedAt, sequence };
      session.listed = byId(window);
      return buildHlsPlaylist({ segments: window.map(playlistEntry), live: true, mediaSequence: sequence });
    });
  }

  /** A segment a live session may serve (recent, of its camera, within retention). */
  async liveSegment(sessionId: string, segmentId: string, viewer: PersonRequester): Promise<ServedSegment> {
    const session = this.deps.sessions.use(sessionId, 'live', viewer.userId, this.deps.clock.now());
    const camera = await this.#sessionCamera(session, viewer);
    return this.#segment(session, camera, segmentId, this.#liveBound(camera, session));
  }

  /** Ends a live view; audited. */
  async stopLive(sessionId: string, requester: PersonRequester): Promise<void> {
    this.deps.sessions.use(sessionId, 'live', requester.userId, this.deps.clock.now());
    const session = this.deps.sessions.close(sessionId);
    if (session !== undefined) await this.#auditEnd(session, 'stopped');
  }

  /** Opens a playback of a camera over a range, for a stated reason; audited with both. */
  async openPlayback(
    cameraId: string,
    input: { from: string; to: string; reason: string },
    requester: PersonRequester,
  ): Promise<ViewingSession> {
    const camera = await this.#viewable(cameraId, requester);
    const range = parseTimeRange(input, maxPlaybackHours);
    const now = this.deps.clock.now();
    return this.deps.work(async ({ audit, recordings }) => {
      if (!(await recordings.hasSegmentBetween(camera.id, range, this.#cutoff(camera)))) {
        throw new VigieError(
          'NO_RECORDING',
          `Camera "${camera.name}" has no recording between ${input.from} and ${input.to}.`,
        );
      }
      const session = this.deps.sessions.open({
        kind: 'playback',
        cameraId: camera.id,
        ...this.#who(requester),
        openedAt: now,
        range,
      });
      await audit.append({
        action: 'playback.viewed',
        ...requester,
        cameraId: camera.id,
        rangeStart: range.from.toISOString(),
        rangeEnd: range.to.toISOString(),
        reason: input.reason,
        details: { session: session.id },
      });
      return session;
    });
  }

  /** The finished playlist of a playback session. */
  async playbackPlaylist(sessionId: string, viewer: PersonRequester): Promise<string> {
    const session = this.deps.sessions.use(sessionId, 'playback', viewer.userId, this.deps.clock.now());
    const camera = await this.#recheck(session, viewer);
    const range = session.range as TimeRange;
    const segments = await this.deps.work(({ recordings }) =>
      recordings.playlistSegmentsBetween(camera.id, range, this.#cutoff(camera)),
    );
    session.listed = byId(segments);
    return buildHlsPlaylist({ segments: segments.map(playlistEntry) });
  }

  /** A segment a playback session may serve (inside its range, within retention). */
  async playbackSegment(sessionId: string, segmentId: string, viewer: PersonRequester): Promise<ServedSegment> {
    const session = this.deps.sessions.use(sessionId, 'playback', viewer.userId, this.deps.clock.now());
    const camera = await this.#sessionCamera(session, viewer);
    const segment = await this.#segment(session, camera, segmentId, this.#cutoff(camera));
    const range = session.range as TimeRange;
    if (segment.endedAt <= range.from || segment.startedAt >= range.to) {
      throw new VigieError('VIEWING_SESSION_NOT_FOUND', 'This segment is outside the range of your playback session.');
    }
    return segment;
  }

  /** The bytes of a stored segment, or part of them. */
  read(segment: Pick<ServedSegment, 'key'>, range?: { start: number; end: number }): AsyncIterable<Uint8Array> {
    return this.deps.storage.read(segment.key, range);
  }

  /** A JPEG of the camera's latest recorded frame (masks already applied at recording); audited. */
  async snapshot(cameraId: string, requester: PersonRequester): Promise<Buffer> {
    const camera = await this.#viewable(cameraId, requester);
    const [latest] = await this.deps.work(({ recordings }) =>
      recordings.latestSegments(camera.id, 1, this.#cutoff(camera)),
    );
    if (latest === undefined) {
      throw new VigieError('NO_RECORDING', `Camera "${camera.name}" has recorded nothing yet; check its status.`);
    }
    const jpeg = await this.#grabFrame(latest.key);
    await this.deps.work(({ audit }) =>
      audit.append({
        action: 'snapshot.viewed',
        ...requester,
        cameraId: camera.id,
        rangeStart: latest.endedAt.toISOString(),
      }),
    );
    return jpeg;
  }

  /** Ends the sessions nobody polled for a while, auditing each end. */
  async closeIdleSessions(): Promise<void> {
    for (const session of this.deps.sessions.closeIdle(this.deps.clock.now())) await this.#auditEnd(session, 'idle');
  }

  /** Ends every session (shutdown), auditing each end. */
  async closeAllSessions(): Promise<void> {
    for (const session of this.deps.sessions.closeAll()) await this.#auditEnd(session, 'server stopped');
  }

  async #auditEnd(session: ViewingSession, why: string): Promise<void> {
    if (session.kind !== 'live') return;
    await this.deps.work(({ audit }) =>
      audit.append({
        action: 'live.stopped',
        actorId: session.userId,
        actorName: session.actorName,
        source: session.source,
        cameraId: session.cameraId,
        details: {
          session: session.id,
          why,
          seconds: Math.round((this.deps.clock.now().getTime() - session.openedAt.getTime()) / 1000),
        },
      }),
    );
  }

  async #grabFrame(key: string): Promise<Buffer> {
    const dir = await mkdtemp(join(this.deps.media.workDir, 'snapshot-'));
    try {
      const path = await copyFromStorage(this.deps.storage, key, join(dir, 'segment.mp4'));
      const output = join(dir, 'frame.jpg');
      await runFfmpeg(this.deps.media.ffmpegPath(), snapshotArgs({ input: ['-sseof', '-1', '-i', path], output }));
      return await readFile(output);
    } catch (error) {
      // A worker that cannot be reached says so (its own code); only ffmpeg's failures are "media unavailable".
      if (error instanceof VigieError) throw error;
      throw new VigieError('MEDIA_UNAVAILABLE', `The snapshot could not be made: ${(error as Error).message}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * A segment of the session's camera that ended at `notBefore` or later: the one its last playlist listed,
   * else the index's (a player may ask for a segment a newer playlist than the last one it fetched lists).
   */
  async #segment(session: ViewingSession, camera: Camera, segmentId: string, notBefore: Date): Promise<ServedSegment> {
    const listed = session.listed?.get(segmentId);
    const segment =
      listed === undefined
        ? await this.deps.work(({ recordings }) => recordings.segment(camera.id, segmentId, notBefore))
        : listed.endedAt >= notBefore
          ? listed
          : undefined;
    if (segment === undefined)
      throw new VigieError('NO_RECORDING', `No segment ${segmentId} is available for this camera.`);
    return segment;
  }

  /** The session's camera after a full check of the viewer's right to it, remembered for the session's segments. */
  async #recheck(session: ViewingSession, viewer: PersonRequester): Promise<Camera> {
    const camera = await this.#viewable(session.cameraId, viewer);
    session.checked = { camera, stamp: this.deps.recentAccess.stamp() };
    return camera;
  }

  /**
   * The session's camera as checked moments ago (a player asks for several segments a second): a camera withdrawn
   * through this server stops the next segment, one withdrawn elsewhere or a lapsed authorisation within
   * `accessRecheckMs`, as a live stream stops.
   */
  async #sessionCamera(session: ViewingSession, viewer: PersonRequester): Promise<Camera> {
    const checked = session.checked;
    if (checked !== undefined && this.deps.recentAccess.holds(checked.stamp)) return checked.camera;
    return this.#recheck(session, viewer);
  }

  /** The camera, if the viewer may see it and its images may be shown at all. */
  async #viewable(cameraId: string, viewer: PersonRequester): Promise<Camera> {
    const camera = await this.deps.cameras.get(cameraId, viewer);
    await this.deps.registry.assertViewable(camera.id);
    return camera;
  }

  #cutoff(camera: Camera): Date {
    return retentionCutoff(this.deps.clock.now(), camera.retentionDays);
  }

  #liveBound(camera: Camera, session: ViewingSession): Date {
    const recent = new Date(session.openedAt.getTime() - liveLookBackMs);
    const cutoff = this.#cutoff(camera);
    return recent > cutoff ? recent : cutoff;
  }

  #who(requester: PersonRequester): Pick<ViewingSession, 'userId' | 'actorName' | 'source'> {
    return { userId: requester.userId, actorName: requester.actorName, source: requester.source ?? '' };
  }
}

/** The segments a playlist lists, by id, as its session serves them. */
function byId(segments: readonly (ServedSegment & { id: string })[]): Map<string, ServedSegment> {
  return new Map(
    segments.map(({ id, key, bytes, startedAt, endedAt }) => [id, { key, bytes, startedAt, endedAt }] as const),
  );
}

/** A segment as a playlist lists it: URIs relative to the playlist, under `segments/`. */
function playlistEntry(segment: PlaylistRow) {
  return { ...segment, uri: `segments/${segment.id}.mp4` };
}
