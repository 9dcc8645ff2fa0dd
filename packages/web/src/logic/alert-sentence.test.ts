import { describe, expect, it } from 'vitest';
import { alertSentence } from './alert-sentence';

describe('alertSentence', () => {
  it('tells the operator what, where, how long, the measure and how sure, in French and in English', () => {
    const crowd = {
      message: '23 persons on 10 m² = 2.3 /m²',
      zoneId: 'parvis',
      facts: {
        subject: 'persons' as const,
        count: 23,
        zoneId: 'parvis',
        durationS: 95,
        confidence: 0.81,
        measure: { value: 2.3, peak: 2.84, unit: 'persons_per_m2' as const },
      },
    };
    expect(alertSentence(crowd, 'fr')).toBe(
      '23 personnes · zone parvis · depuis 1 min 35 s · 2,3 pers./m² (max 2,8) · confiance 81 %',
    );
    expect(alertSentence(crowd, 'en')).toBe(
      '23 persons · zone parvis · for 1 min 35 s · 2.3 persons/m² (peak 2.8) · confidence 81 %',
    );
  });

  it('says a situation ended, names a tampered view, and falls back to the message without facts', () => {
    const tamper = {
      message: 'camera covered for 3 s',
      endedAt: '2026-11-30T10:00:00Z',
      facts: { subject: 'view' as const, manner: 'covered' as const, durationS: 600 },
    };
    expect(alertSentence(tamper, 'fr')).toBe('Vue de la caméra masquée · pendant 10 min (terminé)');
    expect(alertSentence({ message: 'Video lost' }, 'en')).toBe('Video lost');
  });
});
