export * from './ffmpeg-locator.js';
export * from './ffmpeg-run.js';
export * from './demo-clip.js';
