import type {
  Alert,
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
  /** JPEG of the analysed frame with boxes, track numbers, zones, lines and the event region drawn. */
  snapshot: Uint8Array;
  /** Anonymous details: image region, value, ephemeral track numbers, stream time (ms). */
  details: { key: string; t: number; region?: Box; value?: number; tracks?: number[] };
}

/** How much recording an alert points to around its time, in seconds. */
export interface ClipPadding {
  before: number;
  after: number;
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
  ffmpegPath: string;
  quality?: number;
}): Promise<AnalysisAlert> {
  const { alert, result } = input;
  const openedAt = new Date(input.startedAt.getTime() + alert.firstT);
  const event: AnalyticsEvent | undefined = result.events.find(
    (e) => e.type === alert.type && (e.zoneId ?? '-') === (alert.zoneId ?? '-'),
  );
  const image = annotateFrame(input.frame, {
    tracks: result.tracks,
    leftObjects: result.leftObjects,
    zones: input.config.zones ?? [],
    lines: input.config.lines ?? [],
    events: event === undefined ? [] : [event],
    caption: `${alert.cameraId} ${openedAt.toISOString().slice(0, 19).replace('T', ' ')} ${alert.type}`,
  });
  const snapshot = await encodeJpeg(image, {
    ffmpegPath: input.ffmpegPath,
    ...(input.quality === undefined ? {} : { quality: input.quality }),
  });
  return {
    cameraId: alert.cameraId,
    type: alert.type,
    severity: alert.severity,
    ...(alert.zoneId === undefined ? {} : { zoneId: alert.zoneId }),
    message: alert.reason,
    openedAt,
    clip: {
      cameraId: alert.cameraId,
      from: new Date(openedAt.getTime() - input.padding.before * 1000),
      to: new Date(openedAt.getTime() + input.padding.after * 1000),
    },
    snapshot,
    details: {
      key: alert.key,
      t: alert.firstT,
      ...(alert.region === undefined ? {} : { region: alert.region }),
      ...(event?.value === undefined ? {} : { value: event.value }),
      ...(event?.tracks === undefined ? {} : { tracks: event.tracks }),
    },
  };
}
