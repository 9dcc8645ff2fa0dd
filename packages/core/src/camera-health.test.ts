import { describe, expect, it } from 'vitest';
import { healthWarnings } from './camera-health.js';

describe('camera health warnings', () => {
  it('says what to change for a 25 s keyframe interval, in English and French', () => {
    const [warning] = healthWarnings({ keyframeIntervalSeconds: 25 });
    expect(warning?.code).toBe('keyframe_interval_long');
    expect(warning?.en).toContain('Keyframe every 25 s: set 1–2 s');
    expect(warning?.fr).toContain('toutes les 25 s');
  });

  it('warns of a camera clock 30 s ahead, and of one behind', () => {
    expect(healthWarnings({ clockOffsetMs: 30_000 })[0]?.en).toContain('30 s ahead of the server');
    expect(healthWarnings({ clockOffsetMs: -5_000 })[0]?.en).toContain('5 s behind the server');
  });

  it('warns of a low frame rate and a bitrate beyond the sizing', () => {
    expect(healthWarnings({ fps: 2, bitrateKbps: 20_000 }).map((w) => w.code)).toEqual([
      'frame_rate_low',
      'bitrate_high',
    ]);
  });

  it('is silent for a well-set camera and for figures not measured', () => {
    expect(healthWarnings({ keyframeIntervalSeconds: 2, fps: 10, clockOffsetMs: 400, bitrateKbps: 4000 })).toEqual([]);
    expect(healthWarnings({})).toEqual([]);
  });
});
