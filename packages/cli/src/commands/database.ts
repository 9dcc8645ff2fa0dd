import type { VigieDatabase } from '@vigie/db';
import type { CliIo } from '../io.js';

/** Opens the database the server's configuration names, for administration commands (loaded on use). */
export async function openConfiguredDatabase(io: CliIo): Promise<VigieDatabase> {
  const [{ databaseLocation, loadConfig }, { openDatabase }] = await Promise.all([
    import('@vigie/server'),
    import('@vigie/db'),
  ]);
  return openDatabase(databaseLocation(loadConfig(io.env)));
}
