import { hash, type Algorithm } from '@node-rs/argon2';

/** The Argon2id cost of a password hash: memory in KiB, passes, lanes. */
export interface PasswordHashCost {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/**
 * The cost of every password hash Vigie stores: OWASP's Argon2id minimum (19 MiB, 2 passes, 1 lane).
 * Only tests pass a lower one, explicitly (`AppDependencies.passwordCost`); nothing reads it from the
 * environment or the configuration, so a deployment cannot weaken it by mistake.
 */
export const passwordHashCost: PasswordHashCost = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the library's const enum value for Argon2id, unusable under isolatedModules
const argon2id = 2 as Algorithm;

/** Hashes a password with Argon2id at the given cost (the hash records it, so verification needs no settings). */
export function hashPassword(password: string, cost: PasswordHashCost = passwordHashCost): Promise<string> {
  return hash(password, { algorithm: argon2id, ...cost });
}
