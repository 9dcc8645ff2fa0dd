import type { VigieDatabase } from '@vigie/db';
import type { CliIo } from '../io.js';

/**
 * PostgreSQL's shared buffers for an embedded database opened by a one-shot command: its default 128 MB are zeroed at
 * each start (0.6 of the ~1 CPU-s an open cost); a command reads and writes a few rows.
 */
const commandSharedBuffers = '16MB';

/** Opens the database the server's configuration names, for administration commands (loaded on use). */
export async function openConfiguredDatabase(io: CliIo): Promise<VigieDatabase> {
  const [{ databaseLocation, loadConfig }, { openDatabase }] = await Promise.all([
    import('@vigie/server'),
    import('@vigie/db'),
  ]);
  const location = databaseLocation(loadConfig(io.env));
  return openDatabase('dataDir' in location ? { ...location, sharedBuffers: commandSharedBuffers } : location);
}
