import { describe, expect, it } from 'vitest';
import {
  assertSourceUrlAllowed,
  defaultSourceUrlPolicy,
  hostRefusal,
  invalidNetworks,
  sourceUrlRefusal,
  type SourceUrlPolicy,
} from './source-url-policy.js';

const strict = defaultSourceUrlPolicy;

describe('source URL policy', () => {
  it('accepts cameras on the network over RTSP, RTSPS and HTTP(S)', () => {
    for (const url of [
      'rtsp://admin:secret@192.168.1.20:554/stream1',
      'rtsps://10.0.0.5/live',
      'http://camera-12.city.example/mjpeg',
      'https://[2001:db8::5]/hls/index.m3u8',
    ]) {
      expect(sourceUrlRefusal(url, strict), url).toBeUndefined();
    }
  });

  it('refuses files, loopback, link-local, metadata and this machine, however spelled', () => {
    for (const url of [
      'file:///etc/passwd',
      'file:///proc/self/environ',
      'http://169.254.169.254/latest/meta-data/',
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://100.100.100.200/latest/meta-data',
      'rtsp://127.0.0.1:8554/live',
      'rtsp://2130706433/live',
      'rtsp://0x7f.1/live',
      'http://[::1]:8080/api/users',
      'http://[::ffff:127.0.0.1]/',
      'http://[fe80::1]/',
      'http://[fd00:ec2::254]/',
      'http://localhost:8080/api/health',
      'http://cam.localhost/',
      'rtsp://0.0.0.0/',
    ]) {
      expect(sourceUrlRefusal(url, strict), url).toBeDefined();
    }
    expect(() => assertSourceUrlAllowed('http://169.254.169.254/', strict)).toThrow(
      expect.objectContaining({ code: 'SOURCE_URL_REFUSED' }) as Error,
    );
  });

  it('refuses the server’s own API even where allowed, and allows what the configuration names', () => {
    const policy: SourceUrlPolicy = {
      allowFiles: true,
      allowedNetworks: ['127.0.0.0/8', '::1/128'],
      server: { addresses: ['192.0.2.7', '127.0.0.1'], port: 8080 },
    };
    expect(sourceUrlRefusal('http://192.0.2.7:8080/api/users', policy)).toMatch(/own API/);
    expect(sourceUrlRefusal('http://127.0.0.1:8080/api/users', policy)).toMatch(/own API/);
    expect(sourceUrlRefusal('rtsp://192.0.2.7:554/live', policy)).toBeUndefined();
    expect(sourceUrlRefusal('file:///srv/demo/clip.mp4', policy)).toBeUndefined();
    expect(sourceUrlRefusal('rtsp://127.0.0.1:8554/live', policy)).toBeUndefined();
    expect(sourceUrlRefusal('rtsp://[::1]:8554/live', policy)).toBeUndefined();
    // Allowing loopback does not allow the metadata service.
    expect(sourceUrlRefusal('http://169.254.169.254/', policy)).toMatch(/link-local/);
    expect(hostRefusal('127.0.0.53', strict)).toMatch(/loopback/);
  });

  it('names the invalid networks of a configuration', () => {
    expect(invalidNetworks(['10.0.0.0/8', 'fe80::/10', '10.0.0.0', '300.1.1.1/8', '::1/129', 'x/3'])).toEqual([
      '10.0.0.0',
      '300.1.1.1/8',
      '::1/129',
      'x/3',
    ]);
  });
});
