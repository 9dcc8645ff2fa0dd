import type { Mask, Point } from '@vigie/core';

/** Size of a mask raster in pixels. */
export interface RasterSize {
  width: number;
  height: number;
}

/**
 * Default raster size. ffmpeg scales the raster to the video with nearest-neighbour sampling, so a
 * fine raster keeps polygon edges within a pixel of where they were drawn on any camera up to 1080p.
 */
export const defaultMaskRasterSize: RasterSize = { width: 1920, height: 1080 };

function crossings(polygon: readonly Point[], y: number, width: number, out: number[]): void {
  out.length = 0;
  polygon.forEach((a, i) => {
    const b = polygon[(i + 1) % polygon.length] ?? a;
    const ay = a.y;
    const by = b.y;
    // Half-open rule on y so a vertex shared by two edges is counted once.
    if (ay <= y === by <= y) return;
    out.push((a.x + ((y - ay) / (by - ay)) * (b.x - a.x)) * width);
  });
  out.sort((p, q) => p - q);
}

/**
 * Rasterises privacy masks: 255 where a pixel's centre lies inside any polygon (even-odd rule), 0
 * elsewhere; one byte per pixel, row-major.
 */
export function rasterizeMasks(
  masks: readonly Pick<Mask, 'polygon'>[],
  size: RasterSize = defaultMaskRasterSize,
): Uint8Array {
  const { width, height } = size;
  const coverage = new Uint8Array(width * height);
  const xs: number[] = [];
  for (const mask of masks) {
    for (let row = 0; row < height; row++) {
      crossings(mask.polygon, (row + 0.5) / height, width, xs);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const left = xs[k] ?? 0;
        const right = xs[k + 1] ?? 0;
        // Pixel centres x + 0.5 within [left, right).
        const first = Math.max(0, Math.ceil(left - 0.5));
        const last = Math.min(width - 1, Math.ceil(right - 0.5) - 1);
        if (last >= first) coverage.fill(255, row * width + first, row * width + last + 1);
      }
    }
  }
  return coverage;
}

/**
 * Encodes a coverage raster as a PAM image (grey + alpha): black everywhere, opaque where masked and
 * transparent elsewhere, ready to be overlaid by ffmpeg.
 */
export function encodeMaskPam(coverage: Uint8Array, size: RasterSize): Uint8Array {
  const header = new TextEncoder().encode(
    `P7\nWIDTH ${size.width}\nHEIGHT ${size.height}\nDEPTH 2\nMAXVAL 255\nTUPLTYPE GRAYSCALE_ALPHA\nENDHDR\n`,
  );
  const image = new Uint8Array(header.length + coverage.length * 2);
  image.set(header);
  coverage.forEach((alpha, i) => {
    image[header.length + i * 2 + 1] = alpha;
  });
  return image;
}
