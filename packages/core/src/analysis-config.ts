import type { AnalysisConfig, AnalysisZone, AnalyticsEventType } from './analytics.js';
import type { Camera } from './camera.js';
import { paramsOfRules, ruleModeOf } from './rule-settings.js';
import { definedOnly } from './defined-only.js';

/** The analytics settings of a camera as the vision engine takes them (on a server or a worker alike). */
export function analysisConfigOf(
  camera: Camera,
  rules: readonly AnalyticsEventType[] = camera.analytics,
): AnalysisConfig {
  const zones: AnalysisZone[] = camera.zones.flatMap((zone) =>
    zone.kind === undefined
      ? []
      : [
          {
            id: zone.id,
            kind: zone.kind,
            polygon: zone.polygon,
            ...definedOnly({ direction: zone.direction, schedule: zone.schedule }),
          },
        ],
  );
  return {
    zones,
    lines: camera.lines.map((line) => ({ id: line.id, a: line.a, b: line.b })),
    ...(camera.calibration == null ? {} : { calibration: camera.calibration }),
    rules: [...rules],
    params: paramsOfRules(camera.ruleSettings, rules),
    shadow: rules.filter((type) => ruleModeOf(camera.ruleSettings, type) === 'shadow'),
  };
}
