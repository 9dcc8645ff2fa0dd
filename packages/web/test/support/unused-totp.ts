import { totpCode } from '@vigie/server';

const periodMs = 30_000;
const lastStepUsed = new Map<string, number>();

/**
 * A one-time code for `secret` that this test file has not sent yet: the server accepts each code once
 * (and one period of drift), so a second login within 30 s takes the next period's code, waiting only
 * when even that one was used.
 */
export async function unusedTotpCode(secret: string): Promise<string> {
  const now = Date.now();
  const last = lastStepUsed.get(secret);
  const step = Math.max(Math.floor(now / periodMs), last === undefined ? 0 : last + 1);
  // A code is accepted at most one period ahead of the server's clock.
  const acceptableFrom = (step - 1) * periodMs;
  if (now < acceptableFrom) await new Promise((resolve) => setTimeout(resolve, acceptableFrom - now + 100));
  lastStepUsed.set(secret, step);
  return totpCode(secret, new Date(step * periodMs + 1));
}
