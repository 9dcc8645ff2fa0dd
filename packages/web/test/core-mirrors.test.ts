import {
  accessRequestTransitions,
  analyticsEventTypes,
  analyticsAllowedToRun,
  analyticsWithoutDpia,
} from '@vigie/core';
import { describe, expect, it } from 'vitest';
import { nextStatuses } from '../src/logic/access-request-flow.js';
import { analyticsWithoutDpia as consoleWithoutDpia, uncoveredAnalytics } from '../src/logic/registry-draft.js';

// The console keeps a copy of two rules of the core (it bundles only core's data modules, not its schemas):
// these tests fail when the copies drift from the rules the server enforces.
describe('rules the console mirrors from the core', () => {
  it('has the access-request workflow of the server', () => {
    expect(nextStatuses).toEqual(accessRequestTransitions);
  });

  it('knows the analytics that need no impact assessment, and which ones are blocked, as the server', () => {
    expect(consoleWithoutDpia).toEqual(analyticsWithoutDpia);
    const dpia = { coveredAnalytics: ['abandoned_object' as const, 'intrusion' as const], reviewOn: '2026-06-30' };
    for (const today of ['2026-06-30', '2026-07-01'])
      expect(uncoveredAnalytics(analyticsEventTypes, dpia, today)).toEqual(
        analyticsAllowedToRun(
          analyticsEventTypes,
          { ...dpia, reference: 'r', dpoOpinion: 'o', lessIntrusiveAlternatives: 'a' },
          today,
        ).blocked,
      );
  });
});
