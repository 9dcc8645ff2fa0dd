/** Version of the analytics engine. */
export const visionVersion = '0.1.0';
export * from './geometry.math.js';
export * from './homography.math.js';
export * from './byte.tracker.js';
export * from './background.model.js';
export * from './rule.context.js';
export * from './left-object.tracker.js';
export * from './object.rules.js';
export * from './people.rules.js';
export * from './crowd.rules.js';
export * from './scene.rules.js';
export * from './alert.policy.js';
export * from './motion.detector.js';
export * from './analysis.pipeline.js';
export * from './yolox.postprocess.js';
export * from './onnx.detector.js';
export * from './ffmpeg-frame.source.js';
