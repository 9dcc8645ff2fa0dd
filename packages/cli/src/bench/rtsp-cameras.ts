// The RTSP cameras of `recorder.bench.ts`, in a process of their own so that their cost (ffmpeg publishing the
// clip, the relays' copies to every reader) is counted apart from Vigie's and bare ffmpeg's. Usage:
// `node rtsp-cameras.js <clip.mp4> <relays>`: serves the clip in a loop at its native rate from `relays` relays, each
// fed by its own publisher; prints their ports as one JSON line (`{"ports":[…]}`), then serves until its stdin ends
// (the bench is done, or died).
import { startFakeRtspCamera, type FakeRtspCamera } from '@vigie/media/testing';

const [clip, relays = '1'] = process.argv.slice(2);
if (clip === undefined) throw new Error('usage: rtsp-cameras.js <clip.mp4> <relays>');
const cameras: FakeRtspCamera[] = [];
for (let i = 0; i < Number(relays); i++) cameras.push(await startFakeRtspCamera(clip));
process.stdout.write(`${JSON.stringify({ ports: cameras.map((camera) => camera.port) })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void Promise.all(cameras.map((camera) => camera.stop())).then(() => process.exit(0));
});
