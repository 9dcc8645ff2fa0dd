import type { VideoFrame } from '@vigie/core';
import { locateFfmpeg } from '@vigie/media';
import { afterAll, describe, expect, it } from 'vitest';
import { FfmpegFrameSource } from '../src/ffmpeg-frame.source.js';
import { OnnxDetector } from '../src/onnx.detector.js';
import { shared } from './shared-data.fixture.js';

const ready = shared.model.present && shared.crowd.present && shared.aboda.present;
const why = ready ? '' : ` (skipped: model or clips absent under ${shared.model.path})`;
const detector = ready ? await OnnxDetector.create({ modelPath: shared.model.path, inputSize: 640 }) : undefined;
afterAll(() => detector?.close());

async function frameAt(input: string, options: { second: number; width: number }): Promise<VideoFrame> {
  const source = new FfmpegFrameSource({
    ffmpegPath: locateFfmpeg().path,
    input,
    fps: 1,
    width: options.width,
    format: 'rgb24',
    whenBehind: 'wait',
  });
  let i = 0;
  for await (const f of source) if (i++ === options.second) return f;
  throw new Error('clip too short');
}

describe('OnnxDetector (YOLOX-nano)', () => {
  it.skipIf(!ready)(`finds most of the ~36 walkers in the overhead crowd clip${why}`, async () => {
    const found = await detector!.detect(await frameAt(shared.crowd.path, { second: 5, width: 1280 }));
    const persons = found.filter((d) => d.label === 'person' && d.score >= 0.3);
    expect(persons.length).toBeGreaterThanOrEqual(25);
    expect(persons.length).toBeLessThanOrEqual(45);
    for (const p of persons) {
      expect(p.box.x).toBeGreaterThanOrEqual(0);
      expect(p.box.x + p.box.w).toBeLessThanOrEqual(1.0001);
      expect(Object.keys(p).sort()).toEqual(['box', 'label', 'score']);
    }
  });

  it.skipIf(!ready)(`finds the man on the ABODA pavement and nobody on an empty gray frame${why}`, async () => {
    const frame = await frameAt(shared.aboda.path, { second: 15, width: 720 });
    const persons = (await detector!.detect(frame)).filter((d) => d.label === 'person' && d.score >= 0.5);
    expect(persons.length).toBeGreaterThanOrEqual(1);
    const empty: VideoFrame = {
      data: new Uint8Array(320 * 240).fill(128),
      width: 320,
      height: 240,
      format: 'gray',
      t: 0,
    };
    expect((await detector!.detect(empty)).filter((d) => d.score >= 0.3)).toEqual([]);
  });

  it.skipIf(!ready)(
    `finds the same boxes in its worker thread as on this thread, also when called twice at once or again${why}`,
    async () => {
      const inline = await OnnxDetector.create({ modelPath: shared.model.path, inputSize: 416, worker: false });
      const inWorker = await OnnxDetector.create({ modelPath: shared.model.path, inputSize: 416 });
      try {
        const a = await frameAt(shared.crowd.path, { second: 3, width: 640 });
        const b = await frameAt(shared.crowd.path, { second: 9, width: 640 });
        const [fromWorkerA, fromWorkerB] = await Promise.all([inWorker.detect(a), inWorker.detect(b)]);
        expect(fromWorkerA.length).toBeGreaterThan(10);
        expect(fromWorkerA).toEqual(await inline.detect(a));
        expect(fromWorkerB).toEqual(await inline.detect(b));
        expect(fromWorkerA).not.toEqual(fromWorkerB);
        // Again, now that each side knows the output's shape: the model writes into the buffers handed back.
        expect(await inWorker.detect(a)).toEqual(fromWorkerA);
        expect(await inline.detect(a)).toEqual(fromWorkerA);
      } finally {
        await inline.close();
        await inWorker.close();
      }
    },
  );
});
