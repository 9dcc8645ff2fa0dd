import { databaseLocation, loadConfig } from '@vigie/server';
import { openDatabase, type VigieDatabase } from '@vigie/db';
import type { CliIo } from '../io.js';

/** Opens the database the server's configuration names, for administration commands. */
export async function openConfiguredDatabase(io: CliIo): Promise<VigieDatabase> {
  return openDatabase(databaseLocation(loadConfig(io.env)));
}
