import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { testEngines } from '@vigie/db/testing';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from './support.js';

const typesFile = fileURLToPath(new URL('../../web/src/api/schema.d.ts', import.meta.url));
const header = '// Generated from /api/openapi.json by `npm run gen:api`; do not edit.\n';

describe('the console’s typed API client', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await openTestApp(testEngines[0]!);
    await app.http.ready();
  });
  afterAll(() => app?.close());

  it('is generated from the current OpenAPI document (run `npm run gen:api` after changing a route)', async () => {
    const types = header + astToString(await openapiTS(app.http.swagger() as never));
    if (process.env['UPDATE_API_TYPES'] === '1') await writeFile(typesFile, types);
    const committed = await readFile(typesFile, 'utf8').catch(() => '');
    expect(committed, 'packages/web/src/api/schema.d.ts is stale: run `npm run gen:api`').toBe(types);
  });
});
