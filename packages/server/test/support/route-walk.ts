import { roleMatrix, type Role } from '@vigie/core';
import type { VigieApp } from '../../src/app.js';

/** A caller of the walk: a role, or nobody logged in. */
export type Caller = Role | 'anonymous';

const someId = '6f1c2b7e-3a41-4c55-9a6e-0d8e2f7b1a90';

/** What the role matrix of core says a caller gets from a route declaring `access`: in, 401 or 403. */
export function expectedStatus(access: string, caller: Caller): 'allowed' | 401 | 403 {
  if (access === 'public') return 'allowed';
  if (caller === 'anonymous') return 401;
  if (access === 'authenticated') return 'allowed';
  return (roleMatrix[caller] as readonly string[]).includes(access) ? 'allowed' : 403;
}

/** What a walk found: requests sent and the answers that broke the matrix. */
export interface WalkResult {
  requests: number;
  routes: number;
  violations: string[];
}

/**
 * Sends every API route (path parameters filled with an unknown id, empty bodies) as each caller and checks the
 * answer against the role matrix: allowed callers get neither 401 nor 403, the others exactly the status expected.
 */
export async function walkRoutes(
  app: VigieApp,
  sessions: ReadonlyMap<Caller, Record<string, string>>,
): Promise<WalkResult> {
  const violations: string[] = [];
  let requests = 0;
  const walk = app.routes.filter((r) => r.url.startsWith('/api') && !r.websocket);
  // Logging out ends the session the other requests use: walk it last.
  walk.sort((a, b) => Number(a.url === '/api/auth/logout') - Number(b.url === '/api/auth/logout'));
  for (const route of walk) {
    const url = route.url.replace(/:[A-Za-z]+/g, someId);
    // Each caller's request to a route is independent: sent together.
    await Promise.all(
      [...sessions].map(async ([caller, headers]) => {
        const response = await app.http.inject({
          method: route.method as 'GET',
          url,
          headers,
          ...(route.method === 'GET' ? {} : { payload: {} }),
        });
        requests += 1;
        const expected = expectedStatus(route.access ?? '', caller);
        const actual = response.statusCode;
        const ok = expected === 'allowed' ? actual !== 401 && actual !== 403 : actual === expected;
        if (!ok)
          violations.push(
            `${route.method} ${route.url} as ${caller}: expected ${String(expected)}, got ${actual} ${response.body.slice(0, 120)}`,
          );
      }),
    );
  }
  return { requests, routes: walk.length, violations };
}
