import type { FieldProblem } from './errors.js';

/** The character no text field takes: PostgreSQL cannot store it, and it truncates text in C-based tools. */
const nul = '\u0000';

/**
 * Where a parsed input (JSON body, query, path parameters) carries a NUL character, in a string or in
 * a key, as JSON pointers (`/zones/0/name`); empty when there is none. Walks objects and arrays; bytes are not text.
 */
export function nulCharacterProblems(value: unknown, path = ''): FieldProblem[] {
  if (typeof value === 'string') {
    return value.includes(nul) ? [{ path: path || '/', reason: 'must not contain a NUL character (\\u0000)' }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => nulCharacterProblems(item, `${path}/${index}`));
  if (value === null || typeof value !== 'object' || isBinary(value)) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const at = `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1').replaceAll(nul, '\\u0000')}`;
    const keyProblem = key.includes(nul)
      ? [{ path: at, reason: 'is a field name with a NUL character (\\u0000)' }]
      : [];
    return [...keyProblem, ...nulCharacterProblems(item, at)];
  });
}

// Bytes (an uploaded photo) are not text; query objects have an unusual prototype, so objects are not filtered by it.
function isBinary(value: object): boolean {
  return ArrayBuffer.isView(value) || value instanceof ArrayBuffer;
}
