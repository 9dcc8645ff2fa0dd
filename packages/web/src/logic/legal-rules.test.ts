import { describe, expect, it } from 'vitest';
import { uncoveredAnalytics } from './legal-rules';

describe('legal rules the console applies', () => {
  it('names enabled analytics that cannot run: not covered, or covered by an assessment past review', () => {
    const dpia = { coveredAnalytics: ['abandoned_object' as const], reviewOn: '2026-06-30' };
    expect(uncoveredAnalytics(['abandoned_object', 'intrusion', 'people_count'], dpia, '2026-06-30')).toEqual([
      'intrusion',
    ]);
    expect(uncoveredAnalytics(['abandoned_object', 'people_count'], dpia, '2026-07-01')).toEqual(['abandoned_object']);
    expect(uncoveredAnalytics(['camera_tamper'], undefined, '2026-07-01')).toEqual([]);
  });
});
