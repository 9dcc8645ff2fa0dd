import { describe, expect, it } from 'vitest';
import { healthWarnings, judgeHealth } from './camera-health.js';

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

describe('camera health from measured figures', () => {
  it('calls a picture frozen for more than 10 s an "image figée"', () => {
    const [warning] = healthWarnings({ frozenSeconds: 14, fps: 0 });
    expect(warning?.code).toBe('image_frozen');
    expect(warning?.fr).toContain('Image figée : aucune nouvelle image depuis 14 s');
    expect(healthWarnings({ frozenSeconds: 9, fps: 0 })).toEqual([]);
    // A 25 s keyframe interval makes 25 s segments: not a frozen picture while frames flow.
    expect(healthWarnings({ frozenSeconds: 0.5, lastSegmentAgeSeconds: 20 })).toEqual([]);
  });

  it('compares the frame rate received with the best one of the hour', () => {
    const [warning] = healthWarnings({ fps: 6, expectedFps: 25 });
    expect(warning?.code).toBe('frame_rate_low');
    expect(warning?.fr).toContain('6 images par seconde reçues au lieu de 25');
    expect(healthWarnings({ fps: 20, expectedFps: 25 })).toEqual([]);
  });

  it('says "débit faible", "reconnexions fréquentes" and an incomplete hour', () => {
    const warnings = healthWarnings({
      bitrateKbps: 12,
      reconnectsLastHour: 4,
      recordedSecondsLastHour: 2700,
      expectedSecondsLastHour: 3600,
    });
    expect(warnings.map((w) => w.code)).toEqual(['bitrate_low', 'reconnects_frequent', 'recording_incomplete']);
    expect(warnings[0]?.fr).toContain('Débit faible : 12 kbit/s');
    expect(warnings[1]?.fr).toContain('Reconnexions fréquentes : le flux a été perdu 4 fois');
    expect(warnings[2]?.en).toContain('75 % of the last hour stored');
  });

  it('does not judge storage in a recorder’s first minutes, nor 2 reconnections', () => {
    expect(
      healthWarnings({ recordedSecondsLastHour: 10, expectedSecondsLastHour: 120, reconnectsLastHour: 2 }),
    ).toEqual([]);
  });

  it('warns of timestamps drifting against the server clock', () => {
    expect(healthWarnings({ timestampDriftMs: -3500 })[0]?.en).toContain('drifted 3.5 s behind the server');
  });

  it('judges a camera degraded only with a warning, unknown without measures', () => {
    const at = new Date('2026-11-30T20:00:00Z');
    expect(judgeHealth('c', { fps: 10 }, at).state).toBe('good');
    expect(judgeHealth('c', { fps: 0, frozenSeconds: 30 }, at).state).toBe('degraded');
    expect(judgeHealth('c', undefined, at)).toEqual({
      cameraId: 'c',
      state: 'unknown',
      measures: {},
      warnings: [],
      measuredAt: at.toISOString(),
    });
  });
});
