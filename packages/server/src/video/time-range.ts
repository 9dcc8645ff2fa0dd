import { VigieError } from '@vigie/core';
import type { TimeRange } from '@vigie/db';

export type { TimeRange } from '@vigie/db';

/** Parses an ISO 8601 range with `from` before `to` and at most `maxHours` long; throws TIME_RANGE_INVALID. */
export function parseTimeRange(input: { from: string; to: string }, maxHours: number): TimeRange {
  const from = new Date(input.from);
  const to = new Date(input.to);
  const problems = [
    ...(Number.isNaN(from.getTime()) ? [{ path: '/from', reason: 'is not an ISO 8601 date-time' }] : []),
    ...(Number.isNaN(to.getTime()) ? [{ path: '/to', reason: 'is not an ISO 8601 date-time' }] : []),
  ];
  if (problems.length === 0 && from.getTime() >= to.getTime())
    problems.push({ path: '/to', reason: 'must be after from' });
  if (problems.length === 0 && to.getTime() - from.getTime() > maxHours * 3_600_000) {
    problems.push({ path: '/to', reason: `the range may span at most ${maxHours} hours` });
  }
  if (problems.length > 0) throw new VigieError('TIME_RANGE_INVALID', 'The time range is not valid.', problems);
  return { from, to };
}

/** Ranges that touch or nearly touch (within `toleranceMs`) merged into one, in order. */
export function mergeRanges(ranges: readonly TimeRange[], toleranceMs: number): TimeRange[] {
  const merged: TimeRange[] = [];
  for (const range of [...ranges].sort((a, b) => a.from.getTime() - b.from.getTime())) {
    const last = merged.at(-1);
    if (last !== undefined && range.from.getTime() - last.to.getTime() <= toleranceMs) {
      if (range.to.getTime() > last.to.getTime()) last.to = range.to;
    } else {
      merged.push({ from: range.from, to: range.to });
    }
  }
  return merged;
}
