import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDiskStorage } from '@vigie/media';
import { afterAll, describe, expect, it } from 'vitest';

const dir = await mkdtemp(join(tmpdir(), 'vigie-storage-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function collect(stream: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

describe('local disk segment storage', () => {
  const storage = new LocalDiskStorage(join(dir, 'store'));

  it('takes a spooled file in, serves it whole or by range, lists and deletes it', async () => {
    const spooled = join(dir, 'spooled.mp4');
    await writeFile(spooled, '0123456789');
    await storage.put('cam-1/2026-05-20/12/a.mp4', spooled);
    await expect(readFile(spooled)).rejects.toThrow(/ENOENT/);
    expect(await collect(storage.read('cam-1/2026-05-20/12/a.mp4'))).toBe('0123456789');
    expect(await collect(storage.read('cam-1/2026-05-20/12/a.mp4', { start: 2, end: 4 }))).toBe('234');
    expect(await readFile(storage.pathOf('cam-1/2026-05-20/12/a.mp4'), 'utf8')).toBe('0123456789');
    const keys: string[] = [];
    for await (const key of storage.list('cam-1')) keys.push(key);
    expect(keys).toEqual(['cam-1/2026-05-20/12/a.mp4']);
    expect(await storage.remove('cam-1/2026-05-20/12/a.mp4')).toBe(true);
    expect(await storage.remove('cam-1/2026-05-20/12/a.mp4')).toBe(false);
  });

  it('refuses keys that would reach outside its root', async () => {
    await expect(storage.remove('../../etc/passwd')).rejects.toThrow(/outside the storage root/);
    expect(() => storage.pathOf('/etc/passwd')).toThrow(/outside the storage root/);
  });

  it('lists nothing for a camera that never recorded', async () => {
    const keys: string[] = [];
    for await (const key of storage.list('nobody')) keys.push(key);
    expect(keys).toEqual([]);
  });
});
