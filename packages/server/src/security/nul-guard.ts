import { nulCharacterProblems, VigieError } from '@vigie/core';
import type { FastifyInstance } from 'fastify';

/**
 * Refuses, before schema validation, every request whose body, query or path parameters carry a NUL
 * character (400 TEXT_CONTAINS_NUL): once for every route, so that no string reaches PostgreSQL (which
 * cannot store one and would answer 22021) or a log unchecked.
 */
export function registerNulGuard(http: FastifyInstance): void {
  // A callback hook, not an async one: it runs on every request, segments included, and never waits.
  http.addHook('preValidation', (request, _reply, done) => {
    const problems = [
      ...nulCharacterProblems(request.body),
      ...nulCharacterProblems(request.query, '/query'),
      ...nulCharacterProblems(request.params, '/params'),
    ];
    if (problems.length === 0) {
      done();
      return;
    }
    const fields = problems.map((p) => p.path).join(', ');
    done(new VigieError('TEXT_CONTAINS_NUL', `Text may not contain a NUL character (\\u0000): ${fields}.`, problems));
  });
}
