import { describe, expect, it } from 'vitest';
import { listedNames, parseCapabilities } from './ffmpeg-capabilities.js';
import { recordArgs } from './record.args.js';
import { sourceInputArgs } from './source-input.args.js';

// Lines as the two builds print them: Debian's ffmpeg 5.1 and the 2018 static build shipped by npm.
const debian = {
  version: 'ffmpeg version 5.1.6-0+deb12u1 Copyright (c) 2000-2024 the FFmpeg developers\n',
  globalHelp: '-stats_period time  set the period at which ffmpeg updates stats and -progress output\n',
  rtspHelp:
    '  -timeout           <int64>      .D......... set timeout (in microseconds) of socket I/O operations (from INT_MIN to I64_MAX) (default 0)\n',
};
const npm2018 = {
  version: 'ffmpeg version N-47683-g0e8eb07980-static https://johnvansickle.com/ffmpeg/  Copyright (c) 2000-2018\n',
  globalHelp: '-progress url       write program-readable progress information\n',
  rtspHelp:
    '  -timeout           <int>        .D....... set maximum timeout (in seconds) to wait for incoming connections (-1 is infinite, imply flag listen) (deprecated, use listen_timeout)\n' +
    '  -stimeout          <int>        .D....... set timeout (in microseconds) of socket TCP I/O operations (from INT_MIN to INT_MAX) (default 0)\n',
};

describe('ffmpeg capabilities', () => {
  it("reads Debian's ffmpeg 5.1 as current: -stats_period, and -timeout as the RTSP socket timeout", () => {
    expect(parseCapabilities(debian)).toEqual({
      version: '5.1.6-0+deb12u1',
      statsPeriod: true,
      rtspTimeoutOption: '-timeout',
    });
  });

  it('reads the 2018 npm build: no -stats_period, and -stimeout since its -timeout would listen instead', () => {
    expect(parseCapabilities(npm2018)).toEqual({
      version: 'N-47683-g0e8eb07980-static',
      statsPeriod: false,
      rtspTimeoutOption: '-stimeout',
    });
  });

  it('builds arguments the 2018 build accepts: never -stats_period, never a listening -timeout', () => {
    const ffmpeg = parseCapabilities(npm2018);
    const input = sourceInputArgs({ sourceUrl: 'rtsp://cam-1/live', ioTimeoutSeconds: 3, ffmpeg });
    expect(input).toEqual([
      '-rtsp_transport',
      'tcp',
      '-stimeout',
      '3000000',
      '-analyzeduration',
      '1000000',
      '-i',
      'rtsp://cam-1/live',
    ]);
    const args = recordArgs({ input, outputDir: '/spool/cam/run-1', ffmpeg });
    expect(args).not.toContain('-stats_period');
    expect(args).not.toContain('-timeout');
    expect(args.slice(0, 6)).toEqual(['-hide_banner', '-nostats', '-loglevel', 'warning', '-progress', 'pipe:1']);
    expect(recordArgs({ input, outputDir: '/x' })).toContain('-stats_period');
  });

  it('reads component names from the lists of muxers, demuxers, filters and encoders', () => {
    const names = listedNames(
      'File formats:\n D. = Demuxing supported\n --\n  E mp4             MP4 (MPEG-4 Part 14)\n' +
        ' D  mov,mp4,m4a,3gp,3g2,mj2 QuickTime / MOV\n ..C scale2ref         VV->VV     Scale\n' +
        ' V....D libx264              libx264 H.264\n',
    );
    expect([...names]).toEqual(expect.arrayContaining(['mp4', 'mov,mp4,m4a,3gp,3g2,mj2', 'scale2ref', 'libx264']));
  });
});
