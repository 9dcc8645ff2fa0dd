import { describe, expect, it } from 'vitest';
import { matchReplay, type GivenVerdict } from './rule-replay.js';

const at = (s: number) => new Date(Date.UTC(2026, 10, 1, 8, 0, s)).toISOString();
const event = (from: number, to = from) => ({
  at: at(from),
  endedAt: at(to),
  facts: { subject: 'view' as const, durationS: 3 },
});
const verdict = (alertId: string, from: number, to: number, v: GivenVerdict['verdict']): GivenVerdict => ({
  alertId,
  from: new Date(at(from)),
  to: new Date(at(to)),
  verdict: v,
});

describe('matchReplay', () => {
  it('gives each replayed event the verdict of the nearest labelled alert within 10 s, and counts the true ones missed', () => {
    const { events, summary } = matchReplay(
      [event(0, 5), event(100), event(200), event(400)],
      [
        verdict('a', 12, 20, 'true'), // 7 s after the first event's end: the same situation
        verdict('b', 95, 98, 'false'),
        verdict('c', 205, 206, 'irrelevant'),
        verdict('d', 300, 310, 'true'), // nothing replayed near it
      ],
    );
    expect(events.map((e) => [e.alertId, e.verdict])).toEqual([
      ['a', 'true'],
      ['b', 'false'],
      ['c', 'irrelevant'],
      [undefined, undefined],
    ]);
    expect(summary).toEqual({
      events: 4,
      trueEvents: 1,
      falseEvents: 1,
      irrelevant: 1,
      unlabelled: 1,
      precision: 0.5,
      missedTrue: 1,
    });
  });

  it('has no precision when no replayed event meets a true or false verdict', () => {
    const { summary } = matchReplay([event(0)], [verdict('a', 11, 20, 'true')]);
    expect(summary).toMatchObject({ unlabelled: 1, precision: null, missedTrue: 1 });
  });
});
