import type { Migration } from 'kysely';
import * as initial from './1795392000000-Initial.js';

/** Every migration in order; a landed migration is never edited, a change gets a new one. */
export const migrations: Record<string, Migration> = {
  '1795392000000-Initial': initial,
};
