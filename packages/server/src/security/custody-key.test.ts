import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrCreateCustodyKey } from './custody-key.js';
import { openSegment, sealSegment, segmentAad } from './unmask-vault.js';

const dir = await mkdtemp(join(tmpdir(), 'vigie-custody-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
const secret = 'a secret kept off the recording disk, 32+ chars';

describe('unmasking custody key', () => {
  it('keeps the private half only encrypted, opens it with the secret, refuses another secret', async () => {
    const path = join(dir, 'keys', 'unmask-custody.json');
    const created = await loadOrCreateCustodyKey(path, secret);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const file = await readFile(path, 'utf8');
    expect(file).not.toMatch(/PRIVATE KEY/);
    const aad = segmentAad('cam', '2026-11-30T00:00:00.000Z');
    const sealed = sealSegment({ plain: Buffer.from('unmasked bytes'), aad, custody: created.publicKey });
    const again = await loadOrCreateCustodyKey(path, secret);
    expect(openSegment(sealed, { aad, custody: again.open() }).toString()).toBe('unmasked bytes');
    await expect(loadOrCreateCustodyKey(path, 'another secret, also 32 characters long')).rejects.toThrow(
      /does not open/,
    );
  });
});
