// What a wall is made of, without its schemas (wall-layout.ts), so that the console can bundle it.

/** The tile counts an operator's wall offers. */
export const wallGrids = [1, 4, 9, 16] as const;

/** How many tiles a wall shows. */
export type WallGrid = (typeof wallGrids)[number];

/** Shortest and longest time a touring tile stays on one camera. */
export const tourDwellLimitsS = { min: 5, max: 600 } as const;

/** The camera a tile shows at a moment: a tour moves on every `dwellS` seconds from the epoch, so every screen agrees. */
export function tileCameraAt(
  tile: { cameraIds: readonly string[]; dwellS?: number | undefined },
  nowMs: number,
  defaultDwellS = 10,
): string | undefined {
  if (tile.cameraIds.length <= 1) return tile.cameraIds[0];
  const step = Math.floor(nowMs / ((tile.dwellS ?? defaultDwellS) * 1000));
  return tile.cameraIds[step % tile.cameraIds.length];
}
