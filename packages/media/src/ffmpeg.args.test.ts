import { describe, expect, it } from 'vitest';
import { concatList, exportArgs, planExport } from './export.args.js';
import { recordArgs } from './record.args.js';
import { snapshotArgs } from './snapshot.args.js';
import { sourceInputArgs } from './source-input.args.js';

function valueAfter(args: readonly string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index < 0 ? undefined : args[index + 1];
}

describe('source input arguments', () => {
  it('reads RTSP over TCP with an I/O timeout so a dead camera is noticed', () => {
    const args = sourceInputArgs({ sourceUrl: 'rtsp://admin:pw@cam-1/live', ioTimeoutSeconds: 3 });
    expect(args).toEqual([
      '-rtsp_transport',
      'tcp',
      '-timeout',
      '3000000',
      '-analyzeduration',
      '1000000',
      '-i',
      'rtsp://admin:pw@cam-1/live',
    ]);
  });

  it('replays a demo file forever at its own pace only when asked', () => {
    expect(sourceInputArgs({ sourceUrl: 'file:///data/demo/a%20b.mp4', loop: true })).toEqual([
      '-stream_loop',
      '-1',
      '-re',
      '-i',
      '/data/demo/a b.mp4',
    ]);
    expect(sourceInputArgs({ sourceUrl: 'file:///data/demo/a.mp4' })).toEqual(['-i', '/data/demo/a.mp4']);
  });

  it('reads HTTP sources with a read timeout and refuses unsupported schemes', () => {
    expect(valueAfter(sourceInputArgs({ sourceUrl: 'https://cam-2/mjpeg' }), '-rw_timeout')).toBe('5000000');
    expect(() => sourceInputArgs({ sourceUrl: 'ftp://cam/x' })).toThrow(/scheme "ftp:" is not supported/);
  });
});

describe('recording arguments', () => {
  const input = ['-rtsp_transport', 'tcp', '-i', 'rtsp://cam/live'];

  it('copies the video stream into fragmented MP4 segments listed in a CSV, without sound', () => {
    const args = recordArgs({ input, outputDir: '/spool/cam/run-1' });
    expect(valueAfter(args, '-c:v')).toBe('copy');
    expect(args).not.toContain('libx264');
    expect(args).toContain('-an');
    expect(valueAfter(args, '-map')).toBe('0:v:0');
    expect(valueAfter(args, '-f')).toBe('segment');
    expect(valueAfter(args, '-segment_time')).toBe('4');
    expect(valueAfter(args, '-segment_format')).toBe('mp4');
    // One fragment per frame, flushed: the live feed follows the segment being written (no second stream).
    expect(valueAfter(args, '-segment_format_options')).toBe(
      'movflags=+frag_keyframe+frag_every_frame+empty_moov+default_base_moof:flush_packets=1',
    );
    expect(valueAfter(args, '-reset_timestamps')).toBe('1');
    expect(valueAfter(args, '-segment_list')).toBe('/spool/cam/run-1/segments.csv');
    expect(valueAfter(args, '-segment_list_type')).toBe('csv');
    expect(args.at(-1)).toBe('/spool/cam/run-1/%06d.mp4');
    expect(valueAfter(args, '-progress')).toBe('pipe:1');
  });

  it('re-encodes a masked camera with the mask overlaid and a keyframe at each segment boundary', () => {
    const args = recordArgs({
      input,
      outputDir: '/spool/cam/run-1',
      segmentSeconds: 2,
      masked: { maskImagePath: '/spool/cam/mask.pam' },
    });
    expect(valueAfter(args, '-c:v')).toBe('libx264');
    // The cheapest x264 settings measured to keep the picture (issue 11): ultrafast, zero latency, CRF 26.
    expect([valueAfter(args, '-preset'), valueAfter(args, '-tune'), valueAfter(args, '-crf')]).toEqual([
      'ultrafast',
      'zerolatency',
      '26',
    ]);
    expect(args).not.toContain('copy');
    expect(args.slice(args.indexOf('-i', args.indexOf('rtsp://cam/live')))).toContain('/spool/cam/mask.pam');
    expect(valueAfter(args, '-filter_complex')).toMatch(/scale2ref=flags=neighbor.*overlay/);
    expect(valueAfter(args, '-map')).toBe('[vigieout]');
    expect(valueAfter(args, '-force_key_frames')).toBe('expr:gte(t,n_forced*2)');
    expect(args).toContain('-an');
  });

  it('makes no live stream of its own, masked or not: one output of segments, one encode', () => {
    for (const masked of [undefined, { maskImagePath: '/spool/cam/mask.pam' }]) {
      const args = recordArgs({ input, outputDir: '/spool/c:am/run-1', ...(masked === undefined ? {} : { masked }) });
      expect(args.filter((a) => a.startsWith('pipe:'))).toEqual(['pipe:1']); // -progress only
      expect(args).not.toContain('tee');
      expect(args.filter((a) => a === 'libx264')).toHaveLength(masked === undefined ? 0 : 1);
      expect(valueAfter(args, '-segment_list')).toBe('/spool/c:am/run-1/segments.csv');
    }
  });
});

describe('snapshot arguments', () => {
  it('keeps the picture behind liftable masks on a pipe only: copied, or re-encoded with the permanent masks', () => {
    const input = ['-i', 'rtsp://cam/live'];
    const copied = recordArgs({
      input,
      outputDir: '/spool/cam/run-1',
      masked: { maskImagePath: '/spool/cam/mask.pam', liftable: { output: 'pipe:4' } },
    });
    expect(copied.at(-1)).toBe('pipe:4');
    expect(copied.slice(-12)).toEqual(
      ['-map', '0:v:0', '-c:v', 'copy', '-an', '-sn', '-dn', '-f', 'mp4', '-movflags'].concat([
        '+frag_keyframe+empty_moov+default_base_moof',
        'pipe:4',
      ]),
    );
    const kept = recordArgs({
      input,
      outputDir: '/spool/cam/run-1',
      masked: {
        maskImagePath: '/spool/cam/mask.pam',
        liftable: { output: 'pipe:4', permanentMaskImagePath: '/spool/cam/permanent-mask.pam' },
      },
    });
    expect(valueAfter(kept, '-filter_complex')).toMatch(/split\[vigieall\]\[vigiekeep\]/);
    expect(kept).toContain('/spool/cam/permanent-mask.pam');
    expect(kept.slice(kept.lastIndexOf('-map'), kept.lastIndexOf('-map') + 4)).toEqual([
      '-map',
      '[vigiekept]',
      '-c:v',
      'libx264',
    ]);
    expect(kept.at(-1)).toBe('pipe:4');
    expect(kept.filter((arg) => arg.endsWith('.mp4') && arg.includes('unmask'))).toEqual([]);
  });

  it('writes one JPEG frame, masked when the camera has masks', () => {
    const plain = snapshotArgs({ input: ['-i', 'rtsp://cam/live'], output: '/tmp/s.jpg' });
    expect(valueAfter(plain, '-frames:v')).toBe('1');
    expect(plain).not.toContain('-filter_complex');
    expect(plain.at(-1)).toBe('/tmp/s.jpg');
    const masked = snapshotArgs({ input: ['-i', 'rtsp://cam/live'], output: '/tmp/s.jpg', maskImagePath: '/m.pam' });
    expect(valueAfter(masked, '-filter_complex')).toMatch(/overlay/);
    expect(masked).toContain('/m.pam');
  });
});

describe('export planning and arguments', () => {
  const t = (s: number): Date => new Date(Date.UTC(2026, 4, 20, 12, 0, s));
  const segments = [
    { path: '/s/b.mp4', startedAt: t(4), endedAt: t(8) },
    { path: '/s/a.mp4', startedAt: t(0), endedAt: t(4) },
    { path: "/s/it's.mp4", startedAt: t(8), endedAt: t(12) },
  ];

  it('keeps the overlapping segments in time order and trims the first and last', () => {
    const plan = planExport({ segments, from: t(2), to: t(9) });
    expect(plan?.parts).toEqual([
      { path: '/s/a.mp4', inpoint: 2 },
      { path: '/s/b.mp4' },
      { path: "/s/it's.mp4", outpoint: 1 },
    ]);
    expect(plan?.from).toEqual(t(2));
    expect(plan?.to).toEqual(t(9));
  });

  it('reports the range really covered and nothing when no recording overlaps', () => {
    expect(planExport({ segments, from: t(-10), to: t(3) })?.from).toEqual(t(0));
    expect(planExport({ segments, from: t(20), to: t(30) })).toBeUndefined();
  });

  it('writes a concat list that survives quotes in paths', () => {
    const list = concatList([{ path: "/s/it's.mp4", inpoint: 1.5 }]);
    expect(list).toBe("ffconcat version 1.0\nfile '/s/it'\\''s.mp4'\ninpoint 1.500\n");
  });

  it('joins by stream copy without sound and labels the file with camera and range', () => {
    const args = exportArgs({
      listPath: '/tmp/list.ffconcat',
      output: '/tmp/out.mp4',
      metadata: { cameraId: 'cam-1', cameraName: 'Gare', from: t(0), to: t(10) },
    });
    expect(valueAfter(args, '-f')).toBe('concat');
    expect(valueAfter(args, '-c')).toBe('copy');
    expect(args).toContain('-an');
    expect(args.join(' ')).toContain('comment=camera=cam-1;from=2026-05-20T12:00:00.000Z;to=2026-05-20T12:00:10.000Z');
    expect(args.at(-1)).toBe('/tmp/out.mp4');
  });
});
