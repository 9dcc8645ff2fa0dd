import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';

const cache = new Map<string, { key: string; sha256: string }>();

/**
 * The name and SHA-256 of a model file, as the model registry knows models (LEGAL R23). Hashed again
 * whenever its size or modification time changes, so that a replaced file is never taken for the old one.
 */
export async function modelFileIdentity(path: string): Promise<{ fileName: string; sha256: string }> {
  const info = await stat(path);
  const key = `${info.size}:${info.mtimeMs}`;
  const cached = cache.get(path);
  if (cached?.key === key) return { fileName: basename(path), sha256: cached.sha256 };
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  const sha256 = hash.digest('hex');
  cache.set(path, { key, sha256 });
  return { fileName: basename(path), sha256 };
}
