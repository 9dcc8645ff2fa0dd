import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { SegmentStorage } from '@vigie/core';

/**
 * Copies a stored object into a local scratch file for ffmpeg (export cuts, snapshots): storage is read
 * through its port only, wherever the object is (this disk, a worker, an object store). Returns the path.
 */
export async function copyFromStorage(storage: SegmentStorage, key: string, path: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await pipeline(Readable.from(storage.read(key)), createWriteStream(path));
  return path;
}
