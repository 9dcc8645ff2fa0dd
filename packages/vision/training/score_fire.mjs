// Scores fire patch models on the sets fire_sets.py builds, with onnxruntime-node as the product runs them.
// node packages/vision/training/score_fire.mjs [--sets DIR] MODEL.onnx [MODEL.onnx …]
// Prints, per model: each set's patch count, mean and median score and share ≥ 0.3 / 0.5; precision and
// recall per class on the val split at 0.3 and 0.5; the FURG flames against the normal footage's warm things.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';

const args = process.argv.slice(2);
const at = args.indexOf('--sets');
const dir = at >= 0 ? args.splice(at, 2)[1] : '/tmp/vigie-fire-sets';
const meta = JSON.parse(readFileSync(join(dir, 'patches.json'), 'utf8'));
const bytes = readFileSync(join(dir, 'patches.u8'));
const side = 64;
const size = 3 * side * side;

/** Scores every patch with one model, in batches of 256 ([N, 3, 64, 64], 0–1, as fire.classifier.ts). */
async function scoreAll(modelPath) {
  const session = await ort.InferenceSession.create(modelPath, { intraOpNumThreads: 1 });
  const scores = new Float32Array(meta.length);
  for (let i = 0; i < meta.length; i += 256) {
    const n = Math.min(256, meta.length - i);
    const input = new Float32Array(n * size);
    for (let k = 0; k < n; k++)
      for (let p = 0; p < side * side; p++)
        for (let c = 0; c < 3; c++) input[k * size + c * side * side + p] = bytes[(i + k) * size + p * 3 + c] / 255;
    const out = await session.run({ [session.inputNames[0]]: new ort.Tensor('float32', input, [n, 3, side, side]) });
    scores.set(out[session.outputNames[0]].data, i);
  }
  await session.release();
  return scores;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const share = (xs, t) => xs.filter((x) => x >= t).length / Math.max(1, xs.length);
/** Probability that a random positive scores above a random negative (ties count half). */
function auc(pos, neg) {
  let wins = 0;
  for (const p of pos) for (const q of neg) wins += p > q ? 1 : p === q ? 0.5 : 0;
  return wins / Math.max(1, pos.length * neg.length);
}
const f2 = (x) => x.toFixed(2);

for (const model of args) {
  const scores = await scoreAll(model);
  const bySet = new Map();
  meta.forEach((m, i) => bySet.set(m.set, [...(bySet.get(m.set) ?? []), scores[i]]));
  console.log(`\n${model}`);
  console.log('| set | label | patches | mean | median | ≥ 0.3 | ≥ 0.5 |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, xs] of bySet) {
    const label = meta.find((m) => m.set === name).label;
    console.log(
      `| ${name} | ${label} | ${xs.length} | ${f2(mean(xs))} | ${f2(median(xs))} | ${f2(share(xs, 0.3))} | ${f2(share(xs, 0.5))} |`,
    );
  }
  const val = meta.map((m, i) => ({ ...m, s: scores[i] })).filter((m) => m.set.startsWith('val-'));
  for (const t of [0.3, 0.5]) {
    const tp = val.filter((m) => m.label === 1 && m.s >= t).length;
    const fp = val.filter((m) => m.label === 0 && m.s >= t).length;
    const fn = val.filter((m) => m.label === 1 && m.s < t).length;
    const tn = val.filter((m) => m.label === 0 && m.s < t).length;
    console.log(
      `val at ${t}: fire precision ${f2(tp / Math.max(1, tp + fp))} recall ${f2(tp / Math.max(1, tp + fn))}; ` +
        `not-fire precision ${f2(tn / Math.max(1, tn + fn))} recall ${f2(tn / Math.max(1, tn + fp))} (tp ${tp} fp ${fp} fn ${fn} tn ${tn})`,
    );
  }
  const flames = bySet.get('eval-furg-flames') ?? [];
  const things = [...bySet].filter(([n]) => n.startsWith('eval-normal-')).flatMap(([, xs]) => xs);
  const held = [...bySet].filter(([n]) => n.startsWith('held-') && !n.endsWith('fire')).flatMap(([, xs]) => xs);
  const heldFire = [...bySet].filter(([n]) => n.startsWith('held-') && n.endsWith('fire')).flatMap(([, xs]) => xs);
  console.log(
    `separation: FURG flames median ${f2(median(flames))} vs normal-footage warm things median ${f2(median(things))}, ` +
      `AUC ${f2(auc(flames, things))}; held-out fire vs held-out hard negatives AUC ${f2(auc(heldFire, held))}; ` +
      `val AUC ${f2(
        auc(
          val.filter((m) => m.label === 1).map((m) => m.s),
          val.filter((m) => m.label === 0).map((m) => m.s),
        ),
      )}`,
  );
}
