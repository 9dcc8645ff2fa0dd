/** Free and total space of the volume recordings are written to, in bytes. */
export interface VolumeSpace {
  freeBytes: number;
  totalBytes: number;
}

/** When free space is too little: below both a share of the volume and an absolute floor, whichever is larger. */
export interface StorageThreshold {
  /** Share of the volume (0–1) that must stay free. */
  minFreeShare: number;
  /** Bytes that must stay free whatever the volume's size. */
  minFreeBytes: number;
}

/** Default: 5 % of the volume and at least 2 GiB free (a minute of 64 cameras at 4 Mbit/s is 2 GB). */
export const defaultStorageThreshold: StorageThreshold = { minFreeShare: 0.05, minFreeBytes: 2 * 1024 ** 3 };

/** Free space must climb this much above the threshold before the volume counts as fine again (no flapping). */
const recoveryMargin = 1.1;

/** Whether the recordings volume is low on space, given whether it already was (hysteresis on recovery). */
export function storageIsLow(space: VolumeSpace, threshold: StorageThreshold, wasLow: boolean): boolean {
  const floor = Math.max(threshold.minFreeShare * space.totalBytes, threshold.minFreeBytes);
  return space.freeBytes < (wasLow ? floor * recoveryMargin : floor);
}
