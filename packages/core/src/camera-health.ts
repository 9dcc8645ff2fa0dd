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
}

/** One thing to change on the camera, with the measured figure, in both console languages. */
export interface HealthWarning {
  code: 'keyframe_interval_long' | 'frame_rate_low' | 'clock_drift' | 'bitrate_high';
  en: string;
  fr: string;
}

/** Longest keyframe interval that keeps live start and export cuts within ~2 s. */
export const maxKeyframeIntervalSeconds = 4;
/** Fewest frames per second for analysis to follow a walking person. */
export const minFps = 5;
/** Largest clock offset before timestamps of evidence become questionable. */
export const maxClockOffsetMs = 2000;
/** Bitrate beyond which a camera fills its retention budget several times faster than sized for. */
export const maxBitrateKbps = 12_000;

const round = (n: number): string => String(Math.round(n * 10) / 10);

/** The warnings a camera's measures call for, with what to change (pure: the figures come from the recorder). */
export function healthWarnings(m: StreamMeasures): HealthWarning[] {
  const warnings: HealthWarning[] = [];
  if (m.keyframeIntervalSeconds !== undefined && m.keyframeIntervalSeconds > maxKeyframeIntervalSeconds) {
    const s = round(m.keyframeIntervalSeconds);
    warnings.push({
      code: 'keyframe_interval_long',
      en: `Keyframe every ${s} s: set 1–2 s on the camera (GOP = 1–2 × frame rate) for live and exports.`,
      fr: `Image clé toutes les ${s} s : réglez 1 à 2 s sur la caméra (GOP = 1 à 2 × la fréquence d’images) pour le direct et les exports.`,
    });
  }
  if (m.fps !== undefined && m.fps < minFps) {
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
  if (m.bitrateKbps !== undefined && m.bitrateKbps > maxBitrateKbps) {
    const mb = round(m.bitrateKbps / 1000);
    warnings.push({
      code: 'bitrate_high',
      en: `${mb} Mbit/s: lower the camera's bitrate limit (4–6 Mbit/s suffice for 1080p H.264) or storage runs short.`,
      fr: `${mb} Mbit/s : abaissez le débit maximal de la caméra (4 à 6 Mbit/s suffisent en 1080p H.264), sinon le stockage manquera.`,
    });
  }
  return warnings;
}
