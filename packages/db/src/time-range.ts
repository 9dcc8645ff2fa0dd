import { sql, type Expression, type ExpressionBuilder, type SqlBool, type StringReference } from 'kysely';

/** A time range. */
export interface TimeRange {
  from: Date;
  to: Date;
}

/** A `where` condition: the rows whose [start, end) columns overlap `range` (start before its end, end after its start). */
export function overlaps<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  columns: { start: StringReference<DB, TB>; end: StringReference<DB, TB> },
  range: TimeRange,
): Expression<SqlBool> {
  return sql<SqlBool>`${eb.ref(columns.start)} < ${range.to} and ${eb.ref(columns.end)} > ${range.from}`;
}
