import { describe, expect, it } from 'vitest';
import type { Camera, CameraSettings } from './camera.js';
import {
  analysisSourceOf,
  splitSourcePassword,
  withSourcePassword,
  applyCameraPatch,
  assertCalibratedForMetres,
  cameraSettingsFromInput,
  redactSourceUrl,
  sourceKind,
  validateCameraSettings,
} from './camera-rules.js';
import { VigieError } from './errors.js';
import { frenchProfile } from './legal-profile.js';

const square = [
  { x: 0.1, y: 0.1 },
  { x: 0.4, y: 0.1 },
  { x: 0.4, y: 0.4 },
];

function settings(overrides: Partial<CameraSettings> = {}): CameraSettings {
  return {
    ...cameraSettingsFromInput(
      {
        name: 'Place',
        sourceUrl: 'rtsp://cam/stream',
        location: { lat: 48.8, lon: 2.3 },
        purposes: ['public_space_safety'],
      },
      frenchProfile,
    ),
    ...overrides,
  };
}

function codeOf(action: () => void): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof VigieError ? error.code : 'not a VigieError';
  }
  return undefined;
}

describe('camera rules', () => {
  it('applies privacy-preserving defaults: retention below the maximum, no masks removed, enabled', () => {
    const s = settings();
    expect(s.retentionDays).toBe(15);
    expect(s.retentionDays).toBeLessThan(frenchProfile.maxRetentionDays);
    expect(s).toMatchObject({
      heading: 0,
      fieldOfView: 90,
      zones: [],
      masks: [],
      enabled: true,
      analytics: [],
    });
  });

  it.each([
    ['rtsp://10.0.0.5:554/live', 'rtsp'],
    ['rtsps://user:pw@cam.example/live', 'rtsp'],
    ['http://cam.example/mjpeg', 'http'],
    ['https://cam.example/index.m3u8', 'http'],
    ['file:///var/clips/demo.mp4', 'file'],
  ])('recognises %s as %s', (url, kind) => {
    expect(sourceKind(url)).toBe(kind);
  });

  it.each(['ftp://cam/x', 'not a url', 'rtsp://', 'file:///', 'javascript:alert(1)'])('refuses %s', (url) => {
    expect(codeOf(() => sourceKind(url))).toBe('UNSUPPORTED_SOURCE_URL');
  });

  it('never shows a source password', () => {
    expect(redactSourceUrl('rtsp://admin:s3cret@cam/live')).toBe('rtsp://admin:***@cam/live');
    expect(redactSourceUrl('rtsp://cam/live')).toBe('rtsp://cam/live');
    expect(redactSourceUrl('rtsp://admin:s3cret@bad host/live')).not.toContain('s3cret');
  });

  it('refuses duplicate purposes and duplicate zone or mask ids, naming the field', () => {
    expect(
      codeOf(() =>
        validateCameraSettings(settings({ purposes: ['traffic_regulation', 'traffic_regulation'] }), frenchProfile),
      ),
    ).toBe('DUPLICATE_PURPOSE');
    const twoZones = settings({
      zones: [
        { id: 'a', name: 'A', polygon: square },
        { id: 'a', name: 'B', polygon: square },
      ],
    });
    try {
      validateCameraSettings(twoZones, frenchProfile);
      expect.unreachable();
    } catch (error) {
      expect((error as VigieError).details).toEqual([{ path: '/zones/1/id', reason: 'id "a" is used twice' }]);
    }
  });

  it('refuses an analytic the purposes do not justify', () => {
    const traffic = settings({ purposes: ['traffic_regulation'], analytics: ['intrusion'] });
    expect(codeOf(() => validateCameraSettings(traffic, frenchProfile))).toBe('ANALYTIC_NOT_JUSTIFIED');
    expect(codeOf(() => validateCameraSettings(settings({ analytics: ['intrusion'] }), frenchProfile))).toBeUndefined();
  });

  it('refuses rules measured in metres (speed, density) on a camera without ground calibration', () => {
    const uncalibrated = settings({ analytics: ['intrusion', 'crowd_density'] });
    expect(codeOf(() => validateCameraSettings(uncalibrated, frenchProfile))).toBe('CALIBRATION_REQUIRED');
    expect(codeOf(() => assertCalibratedForMetres({ analytics: ['rapid_movement'] }))).toBe('CALIBRATION_REQUIRED');
    const calibration = {
      image: square.concat([{ x: 0.1, y: 0.4 }]),
      ground: [
        { x: 0, y: 0 },
        { x: 5, y: 0 },
        { x: 5, y: 5 },
        { x: 0, y: 5 },
      ],
    };
    expect(codeOf(() => validateCameraSettings({ ...uncalibrated, calibration }, frenchProfile))).toBeUndefined();
    expect(codeOf(() => assertCalibratedForMetres({ analytics: ['intrusion', 'wrong_way'] }))).toBeUndefined();
  });

  it('refuses retention above the legal maximum', () => {
    expect(codeOf(() => validateCameraSettings(settings({ retentionDays: 31 }), frenchProfile))).toBe(
      'RETENTION_EXCEEDS_LEGAL_MAXIMUM',
    );
  });

  it('merges a patch over the current settings without touching identity fields', () => {
    const camera: Camera = {
      ...settings(),
      id: 'c1',
      version: 3,
      createdAt: 'x',
      updatedAt: 'y',
      authorisation: { state: 'valid', expiresAt: '2030-01-01T00:00:00.000Z' },
    };
    const merged = applyCameraPatch(camera, {
      name: 'Renamed',
      masks: [{ id: 'm', polygon: square }],
    });
    expect(merged.name).toBe('Renamed');
    expect(merged.masks).toHaveLength(1);
    expect(merged.sourceUrl).toBe('rtsp://cam/stream');
    expect(merged).not.toHaveProperty('id');
    expect(merged).not.toHaveProperty('version');
    expect(merged).not.toHaveProperty('authorisation');
  });

  it('sets a sub stream or a site with a patch and removes it with null', () => {
    const camera: Camera = {
      ...settings(),
      id: 'c1',
      version: 1,
      createdAt: 'x',
      updatedAt: 'y',
      authorisation: { state: 'valid', expiresAt: '2030-01-01T00:00:00.000Z' },
    };
    const withSub = applyCameraPatch(camera, { subStreamUrl: 'rtsp://cam/sub' });
    expect(withSub.subStreamUrl).toBe('rtsp://cam/sub');
    expect(applyCameraPatch({ ...camera, ...withSub }, { subStreamUrl: null })).not.toHaveProperty('subStreamUrl');
    const filed = applyCameraPatch(camera, { site: 'Gare' });
    expect(filed.site).toBe('Gare');
    expect(applyCameraPatch({ ...camera, ...filed }, { site: null })).not.toHaveProperty('site');
    expect(codeOf(() => validateCameraSettings(settings({ subStreamUrl: 'ftp://cam/sub' }), frenchProfile))).toBe(
      'UNSUPPORTED_SOURCE_URL',
    );
  });

  it('analyses the sub stream when the camera has one, else the main stream', () => {
    expect(analysisSourceOf({ sourceUrl: 'rtsp://cam/main', subStreamUrl: 'rtsp://cam/sub' })).toBe('rtsp://cam/sub');
    expect(analysisSourceOf({ sourceUrl: 'rtsp://cam/main' })).toBe('rtsp://cam/main');
  });
});

describe('stream passwords out of source URLs', () => {
  it('splits the password from a URL and puts it back, encoded, only for ffmpeg', () => {
    const split = splitSourcePassword('rtsp://admin:p%40ss:w@cam.local:554/main?x=1');
    expect(split).toEqual({ url: 'rtsp://admin@cam.local:554/main?x=1', password: 'p@ss:w' });
    expect(withSourcePassword(split.url, split.password)).toBe('rtsp://admin:p%40ss%3Aw@cam.local:554/main?x=1');
    expect(splitSourcePassword('rtsp://cam.local/main')).toEqual({ url: 'rtsp://cam.local/main' });
    expect(withSourcePassword('rtsp://cam.local/main', undefined)).toBe('rtsp://cam.local/main');
  });
});
