// Test, evaluation and benchmark support: synthetic scenes with their ground truth, the scene renderer,
// and the scoring of runs against annotated clips. Not part of the product's entry point (`@vigie/vision`):
// tests, `npm run eval`, the benchmarks and the demo's clip rendering import it as `@vigie/vision/testing`.
export * from './eval/scene.generator.js';
export * from './eval/synthetic.scenes.js';
export * from './eval/event.evaluation.js';
export { abodaClip, evalThresholds, realClipFailures, runSynthetic, thresholdFailures } from './eval/eval.suite.js';
export * from './eval/real-clips.evaluation.js';
