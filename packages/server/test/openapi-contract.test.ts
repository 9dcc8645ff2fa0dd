import { readFile } from 'node:fs/promises';
import { apiTypesFile, generateApiTypes } from '@vigie/server/api-types';
import { describe, expect, it } from 'vitest';

describe('the console’s typed API client', () => {
  it('is generated from the current OpenAPI document (run `npm run gen:api` after changing a route)', async () => {
    const committed = await readFile(apiTypesFile, 'utf8').catch(() => '');
    expect(committed, 'packages/web/src/api/schema.d.ts is stale: run `npm run gen:api`').toBe(
      await generateApiTypes(),
    );
  });
});
