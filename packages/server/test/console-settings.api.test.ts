import { tmpdir } from 'node:os';
import { systemClock } from '@vigie/core';
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
    const plain = await buildApp({ database, clock: systemClock, webRoot: '/nonexistent', mediaDir: tmpdir() });
    try {
      expect((await configured.http.inject({ method: 'GET', url: '/api/console/settings' })).json()).toEqual({
        mapTileUrl: tiles,
      });
      expect((await plain.http.inject({ method: 'GET', url: '/api/console/settings' })).json()).toEqual({
        mapTileUrl: null,
      });
    } finally {
      await configured.http.close();
      await plain.http.close();
      await database.close();
    }
  });
});
