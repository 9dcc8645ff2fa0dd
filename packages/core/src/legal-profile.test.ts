import { describe, expect, it } from 'vitest';
import { frenchProfile, legalProfileById, legalProfileProblems, legalProfiles } from './legal-profile.js';

describe('legal profiles', () => {
  it('ships consistent profiles, French by default', () => {
    expect(Object.keys(legalProfiles).sort()).toEqual(['eu-private', 'fr']);
    for (const profile of Object.values(legalProfiles)) expect(legalProfileProblems(profile), profile.id).toEqual([]);
    expect(legalProfileById('fr')).toBe(frenchProfile);
  });

  it('names the known profiles when asked for another', () => {
    expect(() => legalProfileById('de')).toThrow(/"de" is not a legal profile Vigie knows; choose one of "fr"/);
    expect(() => legalProfileById('toString')).toThrow(/not a legal profile/);
  });

  it('finds what makes a profile unusable', () => {
    const broken = {
      ...frenchProfile,
      defaultRetentionDays: 50,
      maxRetentionDays: 45,
      timeZone: 'Mars/Olympus',
      purposes: ['traffic_regulation' as const],
      refusedCapabilities: frenchProfile.refusedCapabilities.filter((c) => c.id !== 'plate_recognition'),
    };
    const problems = legalProfileProblems(broken);
    expect(problems).toContain('maxRetentionDays 45 exceeds 30');
    expect(problems).toContain('defaultRetentionDays 50 is not between 1 and maxRetentionDays');
    expect(problems).toContain('time zone "Mars/Olympus" is unknown');
    expect(problems).toContain('it does not refuse plate_recognition');
    expect(problems).toContainEqual(expect.stringMatching(/^analytic "intrusion" names "public_space_safety"/));
  });
});
