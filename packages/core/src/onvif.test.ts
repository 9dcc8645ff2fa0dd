import { describe, expect, it } from 'vitest';
import { chooseStreams, streamsByRole, type OnvifProfile } from './onvif.js';

const profile = (token: string, width: number, height: number, encoding = 'H264'): OnvifProfile => ({
  token,
  name: token,
  encoding,
  width,
  height,
  streamUrl: `rtsp://cam/${token}`,
});

describe('streams by role', () => {
  it('records the largest H.264 profile and analyses the smallest', () => {
    const roles = streamsByRole([profile('sub', 640, 360), profile('main', 1920, 1080), profile('third', 1280, 720)]);
    expect(roles?.main.token).toBe('main');
    expect(roles?.sub?.token).toBe('sub');
  });

  it('has no sub stream when the device offers one size only', () => {
    expect(streamsByRole([profile('a', 1280, 720), profile('b', 1280, 720)])?.sub).toBeUndefined();
  });

  it('prefers an H.264 stream to a larger MJPEG one for recording', () => {
    const roles = streamsByRole([profile('mjpeg', 2560, 1440, 'JPEG'), profile('h264', 1920, 1080)]);
    expect(roles?.main.token).toBe('h264');
  });

  it('finds nothing when no profile carries video', () => {
    expect(streamsByRole([{ ...profile('audio', 0, 0), streamUrl: '' }])).toBeUndefined();
  });
});

describe('streams as an administrator chose them', () => {
  const profiles = [profile('sub', 640, 360), profile('main', 1920, 1080), profile('third', 1280, 720)];

  it('takes the profiles chosen, and suggests what was left out', () => {
    const chosen = chooseStreams(profiles, { main: 'third', sub: 'sub' });
    expect([chosen.main.token, chosen.sub?.token]).toEqual(['third', 'sub']);
    expect(chooseStreams(profiles, { sub: 'third' }).main.token).toBe('main');
    expect(chooseStreams(profiles, {}).sub?.token).toBe('sub');
  });

  it('records and analyses the main stream alone when no sub stream is wanted, or the same one is chosen twice', () => {
    expect(chooseStreams(profiles, { main: 'main', sub: null }).sub).toBeUndefined();
    expect(chooseStreams(profiles, { main: 'third', sub: 'third' }).sub).toBeUndefined();
  });

  it('refuses a profile the device does not list, and a device without video', () => {
    expect(() => chooseStreams(profiles, { main: 'fourth' })).toThrow(
      expect.objectContaining({ code: 'ONVIF_PROFILE_NOT_FOUND' }),
    );
    expect(() => chooseStreams([{ ...profile('audio', 0, 0), streamUrl: '' }], {})).toThrow(
      expect.objectContaining({ code: 'ONVIF_NO_VIDEO_PROFILE' }),
    );
  });
});
