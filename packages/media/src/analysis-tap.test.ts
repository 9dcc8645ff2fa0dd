import { cameraSettingsFromInput, frenchProfile, type Camera, type CameraSettings } from '@vigie/core';
import { describe, expect, it } from 'vitest';
import { pullsOnce } from './analysis-tap.js';

function cameraOf(settings: Partial<CameraSettings>): Pick<Camera, 'analytics' | 'sourceUrl' | 'subStreamUrl'> {
  const camera = cameraSettingsFromInput(
    {
      name: 'Rue',
      sourceUrl: 'rtsp://cam/main',
      location: { lat: 50.35, lon: 3.52 },
      purposes: ['public_space_safety'],
      analytics: ['people_count'],
    },
    frenchProfile,
  );
  return { ...camera, ...settings };
}

describe('pullsOnce', () => {
  it('pulls an analysed network camera once, unless it has a sub stream or is a file', () => {
    expect(pullsOnce(cameraOf({}))).toBe(true);
    expect(pullsOnce(cameraOf({ subStreamUrl: 'rtsp://cam/sub' }))).toBe(false);
    expect(pullsOnce(cameraOf({ analytics: [] }))).toBe(false);
    expect(pullsOnce(cameraOf({ sourceUrl: 'file:///clip.mp4' }))).toBe(false);
  });
});
