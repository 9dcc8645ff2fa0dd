import {
  accessRequestTransitions,
  analyticsAllowedToRun,
  analyticsEventTypes,
  analyticsWithoutDpia,
  incidentTransitions,
} from '@vigie/core';
import { describe, expect, it } from 'vitest';
import {
  analyticsWithoutDpia as consoleWithoutDpia,
  nextStatuses,
  uncoveredAnalytics,
} from '../src/logic/legal-rules.js';
import { incidentTransitions as consoleIncidentTransitions } from '../src/logic/incident-flow.js';

// The console keeps a copy of rules of the core (it bundles only the core's data modules, not its schemas):
// these tests fail when a copy drifts from the rule the server enforces.
describe('rules the console mirrors from the core', () => {
  it('has the access-request workflow of the server', () => {
    expect(nextStatuses).toEqual(accessRequestTransitions);
  });

  it('has the incident workflow of the server', () => {
    expect(consoleIncidentTransitions).toEqual(incidentTransitions);
  });

  it('knows the analytics that need no impact assessment, and which ones are blocked, as the server', () => {
    expect(consoleWithoutDpia).toEqual(analyticsWithoutDpia);
    const dpia = {
      reference: 'AIPD-1',
      dpoOpinion: 'Avis favorable',
      lessIntrusiveAlternatives: 'Rondes étudiées',
      coveredAnalytics: ['abandoned_object' as const, 'intrusion' as const],
      reviewOn: '2026-06-30',
    };
    for (const [covering, today] of [
      [dpia, '2026-06-30'],
      [dpia, '2026-07-01'],
      [undefined, '2026-06-30'],
    ] as const)
      expect(uncoveredAnalytics(analyticsEventTypes, covering, today)).toEqual(
        analyticsAllowedToRun(analyticsEventTypes, covering, today).blocked,
      );
  });
});
