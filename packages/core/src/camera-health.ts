import Type from 'typebox';
import { cameraMaskChecks, type CameraMaskCheck } from './camera-masks.js';

/** What the recorder and the device tell about a camera's stream (each figure optional: not all are known). */
export interface StreamMeasures {
  /** Mean bitrate over the last segments, kbit/s. */
  bitrateKbps?: number;
  /** Frames per second actually received. */
  fps?: number;
  /** Seconds between two keyframes. */
  keyframeIntervalSeconds?: number;
  /** Camera clock minus server clock, milliseconds. */
  clockOffsetMs?: number;
  /** The frame rate this camera sustained at its best over the last hour (what it is set to send). */
  expectedFps?: number;
  /** How far the camera's timestamps ran ahead (+) or behind (−) the server's clock since its stream opened, ms. */
  timestampDriftMs?: number;
  /** Seconds since the last picture arrived (frames stopped moving), while the stream is open. */
  frozenSeconds?: number;
  /** Seconds since the last segment was stored. */
  lastSegmentAgeSeconds?: number;
  /** Times the stream was lost and opened again over the last hour. */
  reconnectsLastHour?: number;
  /** Seconds of video stored over the last hour. */
  recordedSecondsLastHour?: number;
  /** Seconds the camera was meant to record over the last hour (since its recorder started, at most 3600). */
  expectedSecondsLastHour?: number;
  /** The H.264 encoder that re-encodes the camera's masked picture (libx264, h264_nvenc…); absent when not masked here. */
  maskEncoder?: string;
  /**
   * For a camera whose masks are meant to be applied by the camera itself (ONVIF): what Vigie's last check of
   * them found (`cameraMaskCheck`); anything but `verified` means Vigie burns the masks in itself.
   */
  cameraMasks?: CameraMaskCheck;
}

/** One thing to change on the camera, with the measured figure, in both console languages. */
export interface HealthWarning {
  code:
    | 'image_frozen'
    | 'keyframe_interval_long'
    | 'frame_rate_low'
    | 'clock_drift'
    | 'timestamp_drift'
    | 'bitrate_high'
    | 'bitrate_low'
    | 'reconnects_frequent'
    | 'recording_incomplete'
    | 'camera_masks_missing';
  en: string;
  fr: string;
}

/** Longest keyframe interval that keeps live start and export cuts within ~2 s. */
export const maxKeyframeIntervalSeconds = 4;
/** Fewest frames per second for analysis to follow a walking person. */
export const minFps = 5;
/** Largest clock offset before timestamps of evidence become questionable. */
export const maxClockOffsetMs = 2000;
/** Seconds without a new picture after which the image counts as frozen. */
export const frozenAfterSeconds = 10;
/** Bitrate below which the picture is black, blank or smeared (even a still 640×360 H.264 scene sends more). */
export const minBitrateKbps = 32;
/** Reconnections per hour from which the camera's link is unreliable. */
export const maxReconnectsPerHour = 3;
/** Share of the expected hour that must be stored. */
export const minRecordedShare = 0.9;
/** Expected recording time under which storage is not judged yet (a recorder just started). */
const minJudgedSeconds = 300;
/** Bitrate beyond which a camera fills its retention budget several times faster than sized for. */
export const maxBitrateKbps = 12_000;

const round = (n: number): string => String(Math.round(n * 10) / 10);

/** The warnings a camera's measures call for, with what to change (pure: the figures come from the recorder). */
export function healthWarnings(m: StreamMeasures): HealthWarning[] {
  const warnings: HealthWarning[] = [];
  // Frames, not segments: a segment may rightly take as long as the camera's keyframe interval.
  const frozen = m.frozenSeconds ?? 0;
  if (frozen > frozenAfterSeconds) {
    const s = Math.round(frozen);
    warnings.push({
      code: 'image_frozen',
      en: `Frozen image: no new picture for ${s} s. Check that the camera is powered and reachable.`,
      fr: `Image figée : aucune nouvelle image depuis ${s} s. Vérifiez que la caméra est alimentée et joignable.`,
    });
  }
  if (m.keyframeIntervalSeconds !== undefined && m.keyframeIntervalSeconds > maxKeyframeIntervalSeconds) {
    const s = round(m.keyframeIntervalSeconds);
    warnings.push({
      code: 'keyframe_interval_long',
      en: `Keyframe every ${s} s: set 1–2 s on the camera (GOP = 1–2 × frame rate) for live and exports.`,
      fr: `Image clé toutes les ${s} s : réglez 1 à 2 s sur la caméra (GOP = 1 à 2 × la fréquence d’images) pour le direct et les exports.`,
    });
  }
  if (m.fps !== undefined && m.expectedFps !== undefined && m.fps >= minFps && m.fps < m.expectedFps / 2) {
    const [f, e] = [round(m.fps), round(m.expectedFps)];
    warnings.push({
      code: 'frame_rate_low',
      en: `Low frame rate: ${f} frames per second received instead of ${e}. Check the camera's load and its network.`,
      fr: `Fréquence d’images faible : ${f} images par seconde reçues au lieu de ${e}. Vérifiez la charge de la caméra et son réseau.`,
    });
  }
  if (m.fps !== undefined && m.fps > 0 && m.fps < minFps) {
    const f = round(m.fps);
    warnings.push({
      code: 'frame_rate_low',
      en: `${f} frames per second: set at least ${minFps} (10–15 recommended) on the camera.`,
      fr: `${f} images par seconde : réglez au moins ${minFps} (10 à 15 conseillées) sur la caméra.`,
    });
  }
  if (m.clockOffsetMs !== undefined && Math.abs(m.clockOffsetMs) > maxClockOffsetMs) {
    const s = round(Math.abs(m.clockOffsetMs) / 1000);
    const en = m.clockOffsetMs > 0 ? 'ahead of' : 'behind';
    const fr = m.clockOffsetMs > 0 ? 'en avance sur' : 'en retard sur';
    warnings.push({
      code: 'clock_drift',
      en: `Camera clock ${s} s ${en} the server: point the camera at the same NTP server.`,
      fr: `Horloge de la caméra ${s} s ${fr} le serveur : réglez la caméra sur le même serveur NTP.`,
    });
  }
  if (m.timestampDriftMs !== undefined && Math.abs(m.timestampDriftMs) > maxClockOffsetMs) {
    const s = round(Math.abs(m.timestampDriftMs) / 1000);
    const en = m.timestampDriftMs > 0 ? 'ahead of' : 'behind';
    const fr = m.timestampDriftMs > 0 ? 'en avance sur' : 'en retard sur';
    warnings.push({
      code: 'timestamp_drift',
      en: `Camera timestamps drifted ${s} s ${en} the server since the stream opened: set the camera's time by NTP.`,
      fr: `Les horodatages de la caméra ont dérivé de ${s} s ${fr} le serveur depuis l’ouverture du flux : réglez l’heure de la caméra par NTP.`,
    });
  }
  if (m.bitrateKbps !== undefined && m.bitrateKbps < minBitrateKbps) {
    const k = Math.round(m.bitrateKbps);
    warnings.push({
      code: 'bitrate_low',
      en: `Low bitrate: ${k} kbit/s, the picture is likely black or blurred. Check the lens, the camera's bitrate setting and its network.`,
      fr: `Débit faible : ${k} kbit/s, l’image est sans doute noire ou floue. Vérifiez l’objectif, le débit réglé sur la caméra et son réseau.`,
    });
  }
  if (m.bitrateKbps !== undefined && m.bitrateKbps > maxBitrateKbps) {
    const mb = round(m.bitrateKbps / 1000);
    warnings.push({
      code: 'bitrate_high',
      en: `${mb} Mbit/s: lower the camera's bitrate limit (4–6 Mbit/s suffice for 1080p H.264) or storage runs short.`,
      fr: `${mb} Mbit/s : abaissez le débit maximal de la caméra (4 à 6 Mbit/s suffisent en 1080p H.264), sinon le stockage manquera.`,
    });
  }
  if (m.reconnectsLastHour !== undefined && m.reconnectsLastHour >= maxReconnectsPerHour) {
    const n = m.reconnectsLastHour;
    warnings.push({
      code: 'reconnects_frequent',
      en: `Frequent reconnections: the stream was lost ${n} times in the last hour. Check the cable, PoE power and switch port.`,
      fr: `Reconnexions fréquentes : le flux a été perdu ${n} fois dans la dernière heure. Vérifiez le câble, l’alimentation PoE et le port du commutateur.`,
    });
  }
  const expected = m.expectedSecondsLastHour;
  if (
    expected !== undefined &&
    m.recordedSecondsLastHour !== undefined &&
    expected >= minJudgedSeconds &&
    m.recordedSecondsLastHour < expected * minRecordedShare
  ) {
    const share = Math.round((100 * m.recordedSecondsLastHour) / expected);
    warnings.push({
      code: 'recording_incomplete',
      en: `Incomplete recording: ${share} % of the last hour stored. See the gaps in playback for the reasons.`,
      fr: `Enregistrement incomplet : ${share} % de la dernière heure stockés. Les trous de la lecture en donnent les raisons.`,
    });
  }
  if (m.cameraMasks !== undefined && m.cameraMasks !== 'verified') {
    const [en, fr] = cameraMaskReasons[m.cameraMasks];
    warnings.push({
      code: 'camera_masks_missing',
      en: `Camera masks missing or smaller than configured (${en}): Vigie masks the picture itself, at the cost of a re-encode.`,
      fr: `Masques de la caméra absents ou plus petits que configuré (${fr}) : Vigie masque l’image lui-même, au prix d’un réencodage.`,
    });
  }
  return warnings;
}

/** Why a camera's own masks are not trusted, in both console languages. */
const cameraMaskReasons: Record<Exclude<CameraMaskCheck, 'verified'>, [string, string]> = {
  missing: [
    'some of Vigie’s masks are not covered by the camera’s',
    'des masques de Vigie ne sont pas couverts par ceux de la caméra',
  ],
  unsupported: ['the camera offers no ONVIF privacy masks', 'la caméra n’offre pas de masques ONVIF'],
  unreachable: ['the camera did not answer the check', 'la caméra n’a pas répondu à la vérification'],
  not_applied: [
    'the camera lists them, but its picture is not masked there',
    'la caméra les déclare, mais son image n’est pas masquée à ces endroits',
  ],
};

const figure = (description: string) => Type.Optional(Type.Number({ description }));

/** The measures of a camera's stream, as the API shows them and workers report them with each segment. */
export const StreamMeasuresSchema = Type.Object(
  {
    bitrateKbps: figure('Mean bitrate over the last minute, kbit/s.'),
    fps: figure('Frames per second received now.'),
    expectedFps: figure('Best frame rate sustained over the last hour.'),
    keyframeIntervalSeconds: figure("Seconds between the camera's keyframes (absent when re-encoded for masks)."),
    clockOffsetMs: figure('Camera clock minus server clock, ms.'),
    timestampDriftMs: figure("Drift of the camera's timestamps against the server clock since the stream opened, ms."),
    frozenSeconds: figure('Seconds since the last new picture.'),
    lastSegmentAgeSeconds: figure('Seconds since the last stored segment.'),
    reconnectsLastHour: figure('Times the stream was lost over the last hour.'),
    recordedSecondsLastHour: figure('Seconds of video stored over the last hour.'),
    expectedSecondsLastHour: figure('Seconds meant to be recorded over the last hour.'),
    maskEncoder: Type.Optional(
      Type.String({
        description: 'H.264 encoder of the masked picture (libx264, h264_nvenc…); absent: not re-encoded.',
      }),
    ),
    cameraMasks: Type.Optional(
      Type.Enum([...cameraMaskChecks], {
        description:
          'Masks applied by the camera (ONVIF): the last check; anything but verified and Vigie masks the picture itself.',
      }),
    ),
  },
  { additionalProperties: false },
);

/** A camera's health as shown to people: the measures, what they call for, and whether it is degraded. */
export const CameraHealthSchema = Type.Object(
  {
    cameraId: Type.String({ format: 'uuid' }),
    state: Type.Enum(['good', 'degraded', 'unknown'], {
      description:
        '`unknown` when nothing measures the camera: disabled, not authorised, or no recorder (here or on a worker) reported it yet.',
    }),
    measures: StreamMeasuresSchema,
    warnings: Type.Array(
      Type.Object({ code: Type.String(), en: Type.String(), fr: Type.String() }, { additionalProperties: false }),
    ),
    measuredAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

/** A camera's health. */
export interface CameraHealth {
  cameraId: string;
  state: 'good' | 'degraded' | 'unknown';
  measures: StreamMeasures;
  warnings: HealthWarning[];
  measuredAt: string;
}

/** Judges a camera's measures (pure). */
export function judgeHealth(cameraId: string, measures: StreamMeasures | undefined, at: Date): CameraHealth {
  const warnings = measures === undefined ? [] : healthWarnings(measures);
  const state = measures === undefined ? 'unknown' : warnings.length > 0 ? 'degraded' : 'good';
  return { cameraId, state, measures: measures ?? {}, warnings, measuredAt: at.toISOString() };
}
