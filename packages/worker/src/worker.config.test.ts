import { describe, expect, it } from 'vitest';
import { loadWorkerConfig, WorkerConfigError } from './worker.config.js';

const required = {
  DATABASE_URL: 'postgres://vigie@db/vigie',
  NATS_URL: 'nats://bus:4222',
  VIGIE_NODE_SECRET: 'x'.repeat(32),
};

describe('loadWorkerConfig', () => {
  it('captions alert snapshots in French unless VIGIE_LANGUAGE says English', () => {
    expect(loadWorkerConfig(required).language).toBe('fr');
    expect(loadWorkerConfig({ ...required, VIGIE_LANGUAGE: 'en' }).language).toBe('en');
  });

  it('lists every problem at once, an unknown language among them', () => {
    const problems = (() => {
      try {
        loadWorkerConfig({ NATS_URL: 'http://bus', VIGIE_LANGUAGE: 'de', VIGIE_MASK_ENCODER: 'nvenc' });
      } catch (error) {
        if (error instanceof WorkerConfigError) return error.problems;
        throw error;
      }
      return [];
    })();
    expect(problems).toEqual([
      expect.stringMatching(/^DATABASE_URL is required/),
      expect.stringMatching(/^NATS_URL="http:\/\/bus" is not valid/),
      expect.stringMatching(/^VIGIE_NODE_SECRET is required/),
      'VIGIE_MASK_ENCODER="nvenc" must be auto or libx264',
      'VIGIE_LANGUAGE="de" must be fr or en',
    ]);
  });
});
