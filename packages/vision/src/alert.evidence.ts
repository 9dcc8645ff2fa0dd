import type {
  Alert,
  AlertFacts,
  AlertSeverity,
  AnalysisConfig,
  AnalyticsEvent,
  AnalyticsEventType,
  Box,
  VideoFrame,
} from '@vigie/core';
import type { FrameResult } from './analysis.pipeline.js';
import { annotateFrame } from './frame.annotator.js';
import { encodeJpeg } from './image.codec.js';
import { definedOnly } from '@vigie/core';
import { snapshotEventNames, type SnapshotLanguage } from './snapshot.words.js';

/**
 * An alert ready to store and show: what, where, when, a snapshot with the detections and zones drawn,
 * and the recorded clip to look at. Fields match `@vigie/db`'s NewAlert (add an `id`).
 */
export interface AnalysisAlert {
  cameraId: string;
  type: AnalyticsEventType;
  severity: AlertSeverity;
  zoneId?: string;
  /** The rule's reason, for the operator. */
  message: string;
  /** Wall-clock time of the frame that raised it. */
  openedAt: Date;
  /** The recording around it: [openedAt − before, openedAt + after] on this camera. */
  clip: { cameraId: string; from: Date; to: Date };
  /** JPEG of the analysed frame with boxes, zones, lines, the event region and the caption drawn (no ids). */
  snapshot: Uint8Array;
  /** The situation this alert is about: later updates and its end name it (unique per camera). */
  situationKey: string;
  /** What was seen, where, how long, how sure: the console's sentence and filters. */
  facts: AlertFacts;
  /** Raised by a rule running in shadow: for the review list, never the operators' queue. */
  shadow: boolean;
  /** Anonymous details: image region, value, ephemeral track numbers, stream time (ms). */
  details: { key: string; t: number; region?: Box; value?: number; tracks?: number[] };
}

/** A later change to an open alert's situation: still going (last seen, peak, maybe a new snapshot), or ended. */
export interface AnalysisAlertUpdate {
  cameraId: string;
  situationKey: string;
  phase: 'updated' | 'ended';
  lastSeenAt: Date;
  /** When it was last seen, once ended. */
  endedAt?: Date;
  occurrences: number;
  facts: AlertFacts;
  /** The end of the recording to look at: last seen + the clip padding. */
  clipTo: Date;
  /** A new snapshot of the situation, when one was due. */
  snapshot?: Uint8Array;
}

/** How much recording an alert points to around its time, in seconds. */
export interface ClipPadding {
  before: number;
  after: number;
}

/** The snapshot caption: camera name, the time zone its local time is written in, the operators' language. */
export interface SnapshotCaption {
  cameraName: string;
  /** IANA time zone of the city (e.g. Europe/Paris). */
  timeZone: string;
  /** Language of the event's name on the snapshot; French when unset. */
  language?: SnapshotLanguage;
}

/**
 * The overlay's caption, two lines: the camera's name, then the local time and the event's name in
 * the operators' language (no camera id, no rule name: `Gare — Consigne` / `2026-11-30 09:15:00 · Objet abandonné`).
 */
export function snapshotCaption(o: { caption?: SnapshotCaption; at: Date; type: AnalyticsEventType }): string[] {
  const language = o.caption?.language ?? 'fr';
  const camera = o.caption?.cameraName ?? (language === 'fr' ? 'Caméra' : 'Camera');
  const time = localTimeText(o.at, o.caption?.timeZone ?? 'UTC');
  return [camera, `${time} · ${snapshotEventNames[language][o.type]}`];
}

/** A wall time as `YYYY-MM-DD HH:MM:SS` in a time zone. */
export function localTimeText(at: Date, timeZone: string): string {
  // Swedish writes dates the ISO way (2026-11-30 09:15:00).
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/**
 * The recording an alert points to: `padding` around its time, never before the start of the stream
 * (nothing earlier was analysed or is known to be recorded: a clip alert 3 s in pointed 7 s before it).
 */
export function clipAround(openedAt: Date, o: { startedAt: Date; padding: ClipPadding }): { from: Date; to: Date } {
  return {
    from: new Date(Math.max(o.startedAt.getTime(), openedAt.getTime() - o.padding.before * 1000)),
    to: new Date(openedAt.getTime() + o.padding.after * 1000),
  };
}

/** Default clip reference: ten seconds each side. */
export const defaultClipPadding: ClipPadding = { before: 10, after: 10 };

/** Builds an alert's evidence from the frame that raised it: annotated JPEG snapshot and clip reference. */
export async function buildAlertEvidence(input: {
  alert: Alert;
  frame: VideoFrame;
  result: FrameResult;
  config: AnalysisConfig;
  startedAt: Date;
  padding: ClipPadding;
  caption?: SnapshotCaption;
  ffmpegPath: string;
  quality?: number;
}): Promise<AnalysisAlert> {
  const { alert } = input;
  const openedAt = new Date(input.startedAt.getTime() + alert.firstT);
  const snapshot = await snapshotOf(input);
  return {
    cameraId: alert.cameraId,
    type: alert.type,
    severity: alert.severity,
    ...definedOnly({ zoneId: alert.zoneId }),
    message: alert.reason,
    openedAt,
    clip: { cameraId: alert.cameraId, ...clipAround(openedAt, input) },
    snapshot,
    situationKey: alert.key,
    facts: alert.facts,
    shadow: input.config.shadow?.includes(alert.type) ?? false,
    details: {
      key: alert.key,
      t: alert.firstT,
      ...definedOnly({ region: alert.region }),
      ...(alert.facts.measure === undefined ? {} : { value: alert.facts.measure.value }),
    },
  };
}

/** Builds the update of an alert whose situation goes on or ended, with a new snapshot when `withSnapshot`. */
export async function buildAlertUpdate(
  input: Parameters<typeof buildAlertEvidence>[0] & { phase: 'updated' | 'ended'; withSnapshot: boolean },
): Promise<AnalysisAlertUpdate> {
  const { alert } = input;
  const origin = input.startedAt.getTime();
  const lastSeenAt = new Date(origin + alert.lastT);
  return {
    cameraId: alert.cameraId,
    situationKey: alert.key,
    phase: input.phase,
    lastSeenAt,
    ...(alert.endT === undefined ? {} : { endedAt: new Date(origin + alert.endT) }),
    occurrences: alert.occurrences,
    facts: alert.facts,
    clipTo: new Date(lastSeenAt.getTime() + input.padding.after * 1000),
    ...(input.withSnapshot ? { snapshot: await snapshotOf(input) } : {}),
  };
}

/** The annotated JPEG of the frame at hand, the alert's event region drawn. */
async function snapshotOf(input: Parameters<typeof buildAlertEvidence>[0]): Promise<Uint8Array> {
  const { alert, result } = input;
  const at = new Date(input.startedAt.getTime() + alert.lastT);
  // An update kept alive by presence alone has no event on this frame: the situation's region is drawn.
  const event: AnalyticsEvent | undefined =
    result.events.find((e) => e.type === alert.type && (e.zoneId ?? '-') === (alert.zoneId ?? '-')) ??
    (alert.region === undefined
      ? undefined
      : { type: alert.type, t: alert.lastT, region: alert.region, reason: alert.reason });
  const image = annotateFrame(input.frame, {
    tracks: result.tracks,
    leftObjects: result.leftObjects,
    zones: input.config.zones ?? [],
    lines: input.config.lines ?? [],
    events: event === undefined ? [] : [event],
    caption: snapshotCaption({ ...definedOnly({ caption: input.caption }), at, type: alert.type }),
    evidence: { eventName: (type) => snapshotEventNames[input.caption?.language ?? 'fr'][type] },
  });
  return encodeJpeg(image, {
    ffmpegPath: input.ffmpegPath,
    ...definedOnly({ quality: input.quality }),
  });
}
