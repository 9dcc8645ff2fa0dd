import { describe, expect, it } from 'vitest';
import { liveArgs } from './live.args.js';

const input = ['-rtsp_transport', 'tcp', '-i', 'rtsp://127.0.0.1/sub'];

describe('arguments of a live-only process (sub stream for small tiles)', () => {
  it('copies an unmasked stream to the pipe as one MP4 fragment per frame, without sound', () => {
    const args = liveArgs({ input, output: 'pipe:3' });
    expect(args.join(' ')).toContain('-map 0:v:0 -c:v copy -an -sn -dn -f mp4');
    expect(args).not.toContain('-filter_complex');
    expect(args.at(-1)).toBe('pipe:3');
    expect(args[args.indexOf('-movflags') + 1]).toContain('frag_every_frame');
  });

  it('re-encodes a masked stream through the mask overlay, as the recorder does', () => {
    const args = liveArgs({
      input,
      output: 'pipe:3',
      masked: { maskImagePath: '/spool/cam/mask.pam', encoder: { name: 'libx264' } },
    });
    expect(args.slice(args.indexOf('/spool/cam/mask.pam') - 1, args.indexOf('/spool/cam/mask.pam') + 1)).toEqual([
      '-i',
      '/spool/cam/mask.pam',
    ]);
    expect(args[args.indexOf('-filter_complex') + 1]).toContain('overlay');
    expect(args[args.indexOf('-map') + 1]).toBe('[vigieout]');
    expect(args[args.indexOf('-c:v') + 1]).toBe('libx264');
    expect(args).not.toContain('copy');
  });
});
