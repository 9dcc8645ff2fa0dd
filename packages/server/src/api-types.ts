import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from '@vigie/core';
import { openDatabase } from '@vigie/db';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from './app.js';

/** The console's generated API types, committed beside its sources. */
export const apiTypesFile = fileURLToPath(new URL('../../web/src/api/schema.d.ts', import.meta.url));

const header = '// Generated from /api/openapi.json by `npm run gen:api`; do not edit.\n';

/**
 * Builds the application as the server does (over an empty in-memory database) and turns its OpenAPI
 * document into the console's TypeScript types. A development tool: `npm run gen:api` writes them, a
 * test fails when the committed file differs; nothing in the product imports this module.
 */
export async function generateApiTypes(): Promise<string> {
  const database = await openDatabase({ dataDir: 'memory://' });
  const mediaDir = await mkdtemp(join(tmpdir(), 'vigie-api-types-'));
  try {
    const app = await buildApp({ database, clock: systemClock, webRoot: '/nonexistent', mediaDir });
    await app.http.ready();
    const types = header + astToString(await openapiTS(app.http.swagger() as never));
    await app.http.close();
    return types;
  } finally {
    await database.close();
    await rm(mediaDir, { recursive: true, force: true });
  }
}

/** Writes the generated types; returns whether the committed file changed. */
export async function writeApiTypes(): Promise<boolean> {
  const types = await generateApiTypes();
  const committed = await readFile(apiTypesFile, 'utf8').catch(() => '');
  if (committed === types) return false;
  await writeFile(apiTypesFile, types);
  return true;
}
