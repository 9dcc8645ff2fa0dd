import { describe, expect, it } from 'vitest';
import {
  chooseMaskEncoder,
  encoderTestArgs,
  hardwareEncoderCandidates,
  maskEncodeArgs,
  type HardwareEncoder,
} from './mask-encoder.js';
import { recordArgs } from './record.args.js';

// Debian's ffmpeg lists every hardware encoder it was built with, whatever the machine has.
const debianEncoders = new Set(['libx264', 'h264_nvenc', 'h264_qsv', 'h264_vaapi', 'h264_v4l2m2m', 'mjpeg']);
const vaapi: HardwareEncoder = { name: 'h264_vaapi', device: '/dev/dri/renderD128' };
const settings = { quality: 26, x264Preset: 'ultrafast', segmentSeconds: 4 };

describe('encoder of masked cameras', () => {
  it('tries the hardware encoders ffmpeg lists whose device is there: VAAPI on the first render node', () => {
    const renderNodes = ['/dev/dri/renderD129', '/dev/dri/renderD128'];
    expect(hardwareEncoderCandidates(debianEncoders, { renderNodes, nvidia: true })).toEqual([
      vaapi,
      { name: 'h264_qsv' },
      { name: 'h264_nvenc' },
    ]);
    expect(hardwareEncoderCandidates(debianEncoders, { renderNodes, nvidia: false })).toEqual([
      vaapi,
      { name: 'h264_qsv' },
    ]);
    expect(hardwareEncoderCandidates(debianEncoders, { renderNodes: [], nvidia: true })).toEqual([
      { name: 'h264_nvenc' },
    ]);
    // No GPU at all (CI, most servers): no test encode is started.
    expect(hardwareEncoderCandidates(debianEncoders, { renderNodes: [], nvidia: false })).toEqual([]);
    expect(hardwareEncoderCandidates(new Set(['libx264']), { renderNodes, nvidia: true })).toEqual([]);
  });

  it('uses a hardware encoder that opened at start (VAAPI, then Quick Sync, then NVENC), else x264', () => {
    expect(chooseMaskEncoder([])).toEqual({ name: 'libx264' });
    expect(chooseMaskEncoder(undefined)).toEqual({ name: 'libx264' });
    expect(chooseMaskEncoder([{ name: 'h264_nvenc' }])).toEqual({ name: 'h264_nvenc' });
    expect(chooseMaskEncoder([{ name: 'h264_nvenc' }, { name: 'h264_qsv' }])).toEqual({ name: 'h264_qsv' });
    expect(chooseMaskEncoder([{ name: 'h264_nvenc' }, { name: 'h264_qsv' }, vaapi])).toEqual(vaapi);
  });

  it('encodes at constant quality with a keyframe per segment and no B-frames on every encoder', () => {
    const keyframes = ['-force_key_frames', 'expr:gte(t,n_forced*4)'];
    expect(maskEncodeArgs({ name: 'libx264' }, settings)).toEqual({
      global: [],
      filterTail: '',
      codec: ['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-crf', '26', ...keyframes],
    });
    for (const encoder of [{ name: 'h264_nvenc' }, { name: 'h264_qsv' }, vaapi] as const) {
      const { codec } = maskEncodeArgs(encoder, settings);
      expect(codec.slice(0, 2)).toEqual(['-c:v', encoder.name]);
      expect(codec.join(' ')).toContain('-bf 0');
      expect(codec.join(' ')).toContain('26');
      expect(codec.slice(-2)).toEqual(keyframes);
    }
    expect(maskEncodeArgs({ name: 'h264_nvenc' }, settings).codec.join(' ')).toContain('-forced-idr 1');
    expect(maskEncodeArgs({ name: 'h264_qsv' }, settings).codec.join(' ')).toContain('-forced_idr 1');
  });

  it('opens the VAAPI device before the inputs and uploads the masked frames to it', () => {
    const args = recordArgs({
      input: ['-i', 'rtsp://cam/live'],
      outputDir: '/spool/cam/run-1',
      masked: { maskImagePath: '/spool/cam/mask.pam', encoder: vaapi },
    });
    const device = args.indexOf('-init_hw_device');
    expect(args.slice(device, device + 4)).toEqual([
      '-init_hw_device',
      'vaapi=vigie:/dev/dri/renderD128',
      '-filter_hw_device',
      'vigie',
    ]);
    expect(device).toBeLessThan(args.indexOf('rtsp://cam/live'));
    expect(args[args.indexOf('-filter_complex') + 1]).toMatch(/format=yuv420p,format=nv12,hwupload\[vigieout\]$/);
    expect(args.slice(args.indexOf('-c:v'), args.indexOf('-c:v') + 2)).toEqual(['-c:v', 'h264_vaapi']);
  });

  it('tests an encoder with two frames to a null output, failing at once when it cannot run here', () => {
    const args = encoderTestArgs({ name: 'h264_nvenc' });
    expect(args.slice(-3)).toEqual(['-f', 'null', '-']);
    expect(args.join(' ')).toContain('-frames:v 2 -vf format=yuv420p -c:v h264_nvenc');
    expect(encoderTestArgs(vaapi).join(' ')).toContain('-vf format=yuv420p,format=nv12,hwupload -c:v h264_vaapi');
  });
});
