import { describe, expect, it } from 'vitest';
import { buildHlsPlaylist } from './hls-playlist.builder.js';

const t = (s: number): Date => new Date(Date.UTC(2026, 4, 20, 12, 0, s));
const segments = [
  { uri: '/api/segments/a.mp4', startedAt: t(0), endedAt: t(4), bytes: 5000, initBytes: 800 },
  { uri: '/api/segments/b.mp4', startedAt: t(4), endedAt: new Date(t(8).getTime() + 500), bytes: 6000, initBytes: 800 },
];

describe('HLS playlist', () => {
  it('lists each fMP4 segment whose init part is unknown (rows indexed before its hash) with its own init part, byte range, duration and wall-clock time', () => {
    const text = buildHlsPlaylist({ segments });
    expect(text).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:7',
        '#EXT-X-TARGETDURATION:5',
        '#EXT-X-MEDIA-SEQUENCE:0',
        '#EXT-X-DISCONTINUITY-SEQUENCE:0',
        '#EXT-X-INDEPENDENT-SEGMENTS',
        '#EXT-X-PLAYLIST-TYPE:VOD',
        '#EXT-X-MAP:URI="/api/segments/a.mp4",BYTERANGE="800@0"',
        '#EXT-X-PROGRAM-DATE-TIME:2026-05-20T12:00:00.000Z',
        '#EXTINF:4.000,',
        '#EXT-X-BYTERANGE:4200@800',
        '/api/segments/a.mp4',
        '#EXT-X-DISCONTINUITY',
        '#EXT-X-MAP:URI="/api/segments/b.mp4",BYTERANGE="800@0"',
        '#EXT-X-PROGRAM-DATE-TIME:2026-05-20T12:00:04.000Z',
        '#EXTINF:4.500,',
        '#EXT-X-BYTERANGE:5200@800',
        '/api/segments/b.mp4',
        '#EXT-X-ENDLIST',
        '',
      ].join('\n'),
    );
  });

  it('maps one init section for segments that share it, and a new one only where it changes', () => {
    const at = (s: number, initHash: string) => ({
      uri: `/s/${s}.mp4`,
      startedAt: t(s),
      endedAt: t(s + 4),
      bytes: 5000,
      initBytes: 800,
      initHash,
    });
    const text = buildHlsPlaylist({
      segments: [at(0, 'aaaa'), at(4, 'aaaa'), at(8, 'aaaa'), at(12, 'bbbb'), at(16, 'bbbb')],
    });
    expect(text.split('\n').filter((line) => line.startsWith('#EXT-X-MAP'))).toEqual([
      '#EXT-X-MAP:URI="/s/0.mp4",BYTERANGE="800@0"',
      '#EXT-X-MAP:URI="/s/12.mp4",BYTERANGE="800@0"',
    ]);
    expect(text.split('#EXT-X-DISCONTINUITY\n')).toHaveLength(5);
  });

  it('leaves a live playlist open and numbers its window', () => {
    const text = buildHlsPlaylist({ segments, live: true, mediaSequence: 42 });
    expect(text).toContain('#EXT-X-MEDIA-SEQUENCE:42');
    expect(text).toContain('#EXT-X-DISCONTINUITY-SEQUENCE:42');
    expect(text).not.toContain('#EXT-X-ENDLIST');
    expect(text).not.toContain('PLAYLIST-TYPE');
  });
});
