import { tmpdir } from 'node:os';
import { euPrivatePremisesProfile, systemClock } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import { buildApp } from '@vigie/server';
import { describe, expect, it } from 'vitest';

describe('console settings', () => {
  it('tells the console, before login, which map tiles to draw (none by default: plain offline background)', async () => {
    const database = await testEngines[0]!.open();
    const tiles = 'https://tiles.valenciennes.example/{z}/{x}/{y}.png';
    const configured = await buildApp({
      database,
      clock: systemClock,
      webRoot: '/nonexistent',
      console: { mapTileUrl: tiles },
      mediaDir: tmpdir(),
    });
    const plain = await buildApp({
      database,
      clock: systemClock,
      webRoot: '/nonexistent',
      mediaDir: tmpdir(),
      profile: euPrivatePremisesProfile,
    });
    try {
      expect((await configured.http.inject({ method: 'GET', url: '/api/console/settings' })).json()).toMatchObject({
        mapTileUrl: tiles,
        legalProfile: { id: 'fr', maxRetentionDays: 30, defaultRetentionDays: 15, timeZone: 'Europe/Paris' },
      });
      // The console learns the active profile's rules from here: it keeps no copy of them.
      const settings = (await plain.http.inject({ method: 'GET', url: '/api/console/settings' })).json<{
        mapTileUrl: null;
        legalProfile: {
          id: string;
          purposes: string[];
          maxRetentionDays: number;
          analytics: Record<string, { justifiedBy: string[] | 'any'; basis: string }>;
          accessRequestDeadlineMonths: number;
        };
      }>();
      expect(settings.mapTileUrl).toBeNull();
      expect(settings.legalProfile).toMatchObject({ id: 'eu-private', defaultRetentionDays: 3 });
      expect(settings.legalProfile.purposes).toEqual([...euPrivatePremisesProfile.purposes]);
      // Which purposes allow each analytic (the camera editor greys out the others), and the deadlines.
      expect(settings.legalProfile.analytics).toEqual(
        JSON.parse(JSON.stringify(euPrivatePremisesProfile.analytics)) as unknown,
      );
      expect(settings.legalProfile.accessRequestDeadlineMonths).toBe(
        euPrivatePremisesProfile.accessRequestDeadlineMonths,
      );
    } finally {
      await configured.http.close();
      await plain.http.close();
      await database.close();
    }
  });
});
