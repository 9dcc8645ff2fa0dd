import { verify } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordHashCost } from './password-hashing.js';

describe('password hashing', () => {
  it('stores Argon2id hashes at no less than OWASP’s minimum unless a test asks otherwise', async () => {
    expect(passwordHashCost.memoryCost).toBeGreaterThanOrEqual(19_456);
    expect(passwordHashCost.timeCost).toBeGreaterThanOrEqual(2);
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(verify(stored, 'correct horse battery staple')).resolves.toBe(true);
  });

  it('records a lower test cost in the hash itself, so verification needs no setting', async () => {
    const cheap = await hashPassword('a test password', { memoryCost: 64, timeCost: 1, parallelism: 1 });
    expect(cheap).toMatch(/^\$argon2id\$v=19\$m=64,t=1,p=1\$/);
    await expect(verify(cheap, 'a test password')).resolves.toBe(true);
    await expect(verify(cheap, 'another password')).resolves.toBe(false);
  });
});
