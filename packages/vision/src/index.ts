/** Version of the analytics engine. */
export const visionVersion = '0.1.0';
export * from './geometry.math.js';
export * from './homography.math.js';
export * from './byte.tracker.js';
export * from './background.model.js';
