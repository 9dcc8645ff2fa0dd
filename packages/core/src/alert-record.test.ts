import { describe, expect, it } from 'vitest';
import { applyAlertAction } from './alert-record.js';

describe('applyAlertAction', () => {
  it('claiming an open alert acknowledges it and records the claim', () => {
    expect(applyAlertAction({ status: 'open', escalated: false }, { action: 'claim' })).toEqual({
      status: 'acknowledged',
      escalated: false,
      claim: true,
    });
  });

  it('refuses to claim a closed alert', () => {
    expect(() =>
      applyAlertAction({ status: 'closed', escalated: false, qualification: 'true_alert' }, { action: 'claim' }),
    ).toThrow(/closed/);
  });
});
