import type { VigieDatabase } from '@vigie/db';
import type { CliIo } from '../io.js';

/** Opens the database the server's configuration names, for administration commands (loaded on use). */
export async function openConfiguredDatabase(io: CliIo): Promise<VigieDatabase> {
  const [{ databaseLocation, loadConfig }, { openDatabase, smallSharedBuffers }] = await Promise.all([
    import('@vigie/server'),
    import('@vigie/db'),
  ]);
  const location = databaseLocation(loadConfig(io.env));
  // A command reads and writes a few rows: small shared buffers (0.6 of the ~1 CPU-s an on-disk open cost).
  return openDatabase('dataDir' in location ? { ...location, sharedBuffers: smallSharedBuffers } : location);
}
