import { useEffect, useState } from 'react';
import type { CameraHealth } from '../api/contract';
import { videoApi } from '../api/video-api';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

/** How often the console asks again for measured health (the server judges every 15 s). */
const refreshMs = 10_000;

/** Polls a source of health until unmounted; `undefined` until the first answer. */
function usePolled<T>(load: () => Promise<{ ok: true; data: T } | { ok: false }>, key: string): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    const tick = async () => {
      const result = await load();
      if (live && result.ok) setValue(result.data);
    };
    void tick();
    const timer = setInterval(() => void tick(), refreshMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
    // `key` names what `load` fetches: a new key, a new poll (a new `load` each render is the same fetch).
  }, [key]);
  return value;
}

/** The measured health of every camera the user may see, by camera id, refreshed every 10 s. */
export function useCameraHealth(): Map<string, CameraHealth> | undefined {
  const list = usePolled(videoApi.cameraHealth, 'all');
  return list === undefined ? undefined : new Map(list.map((h) => [h.cameraId, h]));
}

/** A camera's health in a few plain words ("dégradée : image figée, débit faible"), the advice on hover. */
export function HealthSummary({ health }: { health: CameraHealth | undefined }) {
  const { t, language } = useI18n();
  if (health === undefined) return <span className="health">{t('health.none')}</span>;
  const problems = health.warnings.map((w) => t(`health.problem.${w.code}` as MessageKey));
  return (
    <span
      className={`health health-${health.state}`}
      data-health={health.state}
      title={health.warnings.map((w) => w[language]).join('\n')}
    >
      {t(`health.state.${health.state}` as MessageKey)}
      {problems.length > 0 && ` : ${problems.join(', ')}`}
    </span>
  );
}

const one = (n: number | undefined): string | undefined =>
  n === undefined ? undefined : String(Math.round(n * 10) / 10);

/** A camera's measured stream figures and what to change on it, for its editor. */
export function CameraHealthPanel({ cameraId }: { cameraId: string }) {
  const { t, language } = useI18n();
  const health = usePolled(() => videoApi.cameraHealthOf(cameraId), cameraId);
  if (health === undefined) return null;
  const m = health.measures;
  const rows: [MessageKey, string | undefined][] = [
    [
      'health.fps',
      m.fps === undefined
        ? undefined
        : t('health.fpsValue', { fps: one(m.fps) ?? '', expected: one(m.expectedFps ?? m.fps) ?? '' }),
    ],
    [
      'health.bitrate',
      m.bitrateKbps === undefined ? undefined : t('health.bitrateValue', { kbps: Math.round(m.bitrateKbps) }),
    ],
    [
      'health.keyframe',
      m.keyframeIntervalSeconds !== undefined
        ? t('health.keyframeValue', { seconds: one(m.keyframeIntervalSeconds) ?? '' })
        : m.bitrateKbps === undefined
          ? undefined
          : t('health.keyframeUnmeasured'),
    ],
    [
      'health.lastSegment',
      m.lastSegmentAgeSeconds === undefined
        ? undefined
        : t('health.secondsAgo', { seconds: Math.round(m.lastSegmentAgeSeconds) }),
    ],
    ['health.reconnects', m.reconnectsLastHour === undefined ? undefined : String(m.reconnectsLastHour)],
    [
      'health.stored',
      m.recordedSecondsLastHour === undefined || m.expectedSecondsLastHour === undefined
        ? undefined
        : t('health.storedValue', {
            recorded: Math.round(m.recordedSecondsLastHour),
            expected: Math.round(m.expectedSecondsLastHour),
          }),
    ],
    [
      'health.drift',
      m.timestampDriftMs === undefined ? undefined : t('health.driftValue', { ms: Math.round(m.timestampDriftMs) }),
    ],
    [
      'health.masking',
      m.cameraMasks === 'verified'
        ? t('health.maskedByCamera')
        : m.maskEncoder === undefined
          ? undefined
          : t('health.maskedByVigie', { encoder: m.maskEncoder }),
    ],
  ];
  return (
    <section className="camera-health" aria-labelledby="health-heading">
      <h3 id="health-heading">
        {t('health.heading')} <HealthSummary health={health} />
      </h3>
      {health.state === 'unknown' ? (
        <p className="hint">{t('health.unknown')}</p>
      ) : (
        <dl>
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{t(label)}</dt>
              <dd>{value ?? t('health.none')}</dd>
            </div>
          ))}
        </dl>
      )}
      {health.warnings.length > 0 && (
        <ul className="health-warnings" role="list">
          {health.warnings.map((w) => (
            <li key={w.code} data-code={w.code}>
              {w[language]}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
