// Test and benchmark support: a clip served as a live RTSP camera, the minimal RTSP relay behind it, clips made once
// per machine. Not part of the product's entry point (`@vigie/media`): tests and the benchmarks import it as `@vigie/media/testing`.
export * from './testing/rtsp-relay.js';
export * from './testing/fake-rtsp-camera.js';
export * from './testing/made-once.js';
