import { nulCharacterProblems, VigieError } from '@vigie/core';
import type { FastifyInstance } from 'fastify';

/**
 * Refuses, before schema validation, every request whose body, query or path parameters carry a NUL
 * character (400 TEXT_CONTAINS_NUL): once for every route, so that no string reaches PostgreSQL (which
 * cannot store one and would answer 22021) or a log unchecked.
 */
export function registerNulGuard(http: FastifyInstance): void {
  http.addHook('preValidation', async (request) => {
    const problems = [
      ...nulCharacterProblems(request.body),
      ...nulCharacterProblems(request.query, '/query'),
      ...nulCharacterProblems(request.params, '/params'),
    ];
    if (problems.length > 0) {
      const fields = problems.map((p) => p.path).join(', ');
      throw new VigieError('TEXT_CONTAINS_NUL', `Text may not contain a NUL character (\\u0000): ${fields}.`, problems);
    }
  });
}
