// `npm run gen:api`: regenerates the console's API types (packages/web/src/api/schema.d.ts) from the
// server's OpenAPI document, after `tsc -b` has built the server. Run it after changing a route.
import { apiTypesFile, writeApiTypes } from '@vigie/server/api-types';

const changed = await writeApiTypes();
process.stdout.write(changed ? `Updated ${apiTypesFile}.\n` : `${apiTypesFile} is up to date.\n`);
