/** Frames → detections → tracks → events; filled in by the analytics issue. */
export const visionVersion = '0.1.0';
