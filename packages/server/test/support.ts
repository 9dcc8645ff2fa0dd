import { systemClock, type Clock } from '@vigie/core';
import type { TestEngine } from '@vigie/db/testing';
import { buildApp, type VigieApp } from '@vigie/server';

/** An application over a fresh database of the given engine. */
export interface TestApp extends VigieApp {
  close(): Promise<void>;
}

/** Builds the real application (no console files) over a fresh, migrated database. */
export async function openTestApp(engine: TestEngine, clock: Clock = systemClock): Promise<TestApp> {
  const database = await engine.open();
  const app = await buildApp({ database, clock, webRoot: '/nonexistent' });
  return {
    ...app,
    close: async () => {
      await app.http.close();
      await database.close();
    },
  };
}

/** A valid camera registration body. */
export function cameraBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Place du marché',
    sourceUrl: 'rtsp://admin:secret@192.0.2.10:554/stream1',
    location: { lat: 50.3579, lon: 3.5233 },
    purposes: ['public_space_safety'],
    ...overrides,
  };
}
