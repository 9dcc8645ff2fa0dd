import { createSocket } from 'node:dgram';
import { sourceKind, type Camera } from '@vigie/core';

/**
 * Whether a camera is opened once for both recording and analysis: an analysed network camera without
 * a sub stream (with one, the analysis reads the sub stream, a quarter of the decoding). The recorder's
 * ffmpeg then sends a copy of the camera's packets to a loopback tap (`analysisTapUrl`) that the analysis
 * reads; the packets are the camera's own, before masks, and the analysis blacks the masks out of every
 * frame itself, exactly as when it opened the camera (R6).
 */
export function pullsOnce(camera: Pick<Camera, 'analytics' | 'sourceUrl' | 'subStreamUrl'>): boolean {
  return camera.analytics.length > 0 && camera.subStreamUrl === undefined && sourceKind(camera.sourceUrl) !== 'file';
}

/** A UDP port free on 127.0.0.1 now (the kernel's pick), for a camera's analysis tap. */
export async function freeLoopbackUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => resolve());
  });
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}
