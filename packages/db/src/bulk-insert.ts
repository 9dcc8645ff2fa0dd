import { sql, type Kysely } from 'kysely';

/** A column of a bulk insert and its SQL type, e.g. `['camera_id', 'uuid']`. */
export type BulkColumn = readonly [name: string, type: string];

/**
 * Inserts any number of rows in one statement with one parameter: the rows travel as a JSON array that
 * `jsonb_to_recordset` expands on the server (PostgreSQL and PGlite alike). Much cheaper than a
 * multi-row VALUES list, whose every cell is a parameter to build, send and bind. Column names are the
 * caller's constants, never input; rows' keys must be the column names. Returns the statement's rows
 * when `returning` names a column.
 */
export async function insertJsonRows<R = unknown>(
  db: Kysely<unknown>,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly object[],
  options: { onConflictDoNothing?: boolean; returning?: string } = {},
): Promise<R[]> {
  if (rows.length === 0) return [];
  const names = columns.map(([name]) => name).join(', ');
  const definition = columns.map(([name, type]) => `${name} ${type}`).join(', ');
  const result = await sql<R>`insert into ${sql.raw(table)} (${sql.raw(names)})
    select ${sql.raw(names)} from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${sql.raw(definition)})
    ${sql.raw(options.onConflictDoNothing === true ? 'on conflict do nothing' : '')}
    ${sql.raw(options.returning === undefined ? '' : `returning ${options.returning}`)}`.execute(db);
  return result.rows;
}
