import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('runs with no setting at all: embedded database under ./data, port 8080, local only', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 8080, host: '127.0.0.1', demo: false, logLevel: 'info' });
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.databaseUrl).toBeUndefined();
  });

  it('reads a JSON file and lets environment variables override it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-config-'));
    const file = join(dir, 'vigie.json');
    writeFileSync(file, JSON.stringify({ port: 9000, logLevel: 'debug' }));
    expect(loadConfig({ VIGIE_CONFIG: file, VIGIE_PORT: '9100' })).toMatchObject({ port: 9100, logLevel: 'debug' });
  });

  it('lists every invalid key at once, with the variable to fix', () => {
    try {
      loadConfig({ VIGIE_PORT: 'eighty', VIGIE_DEMO: 'maybe', VIGIE_LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toContain('VIGIE_PORT="eighty" must be a whole number');
      expect(message).toContain('VIGIE_DEMO="maybe" must be true or false');
      expect(message).toContain('logLevel (VIGIE_LOG_LEVEL)');
      expect(message).toContain('databaseUrl (DATABASE_URL)');
      expect((error as ConfigError).problems).toHaveLength(4);
    }
  });

  it('tries hardware encoders for masked cameras unless VIGIE_MASK_ENCODER forces x264, and refuses other names', () => {
    expect(loadConfig({}).maskEncoder).toBe('auto');
    expect(loadConfig({ VIGIE_MASK_ENCODER: 'libx264' }).maskEncoder).toBe('libx264');
    expect(() => loadConfig({ VIGIE_MASK_ENCODER: 'h264_nvenc' })).toThrow(/maskEncoder \(VIGIE_MASK_ENCODER\)/);
  });

  it('takes a map tile URL template for the console, and refuses one without {z}', () => {
    const url = 'https://tiles.valenciennes.example/{z}/{x}/{y}.png';
    expect(loadConfig({ VIGIE_MAP_TILE_URL: url }).mapTileUrl).toBe(url);
    expect(loadConfig({}).mapTileUrl).toBeUndefined();
    expect(() => loadConfig({ VIGIE_MAP_TILE_URL: 'tiles.example/x.png' })).toThrow(
      /mapTileUrl \(VIGIE_MAP_TILE_URL\)/,
    );
  });

  it('rejects unknown keys and unreadable files in the config file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-config-'));
    const file = join(dir, 'vigie.json');
    writeFileSync(file, JSON.stringify({ prot: 9000 }));
    expect(() => loadConfig({ VIGIE_CONFIG: file })).toThrow(/"prot" \(config file\)/);
    writeFileSync(file, '{ port: 1');
    expect(() => loadConfig({ VIGIE_CONFIG: file })).toThrow(/is not a valid JSON object/);
    expect(() => loadConfig({ VIGIE_CONFIG: join(dir, 'missing.json') })).toThrow(/cannot be read/);
    expect(() => loadConfig({ VIGIE_PORT: '70000' })).toThrow(/port \(VIGIE_PORT\)/);
  });
});

describe('legal profile', () => {
  it('runs under the French profile by default and takes another by name', () => {
    expect(loadConfig({}).legalProfile).toBe('fr');
    expect(loadConfig({ VIGIE_LEGAL_PROFILE: 'eu-private' }).legalProfile).toBe('eu-private');
  });

  it('refuses an unknown profile at start, naming the known ones', () => {
    try {
      loadConfig({ VIGIE_LEGAL_PROFILE: 'de' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        expect.stringMatching(
          /^legalProfile \(VIGIE_LEGAL_PROFILE\): "de" is not a legal profile Vigie knows; choose one of "fr" \(France/,
        ),
      ]);
      expect((error as ConfigError).message).toContain('"eu-private" (EU — private premises');
    }
  });
});

describe('transparency contacts', () => {
  it('has demo contacts by default, and takes a deployment’s own in part from the config file', () => {
    expect(loadConfig({}).transparency.dpo.email).toBe('dpo@example.org');
    const dir = mkdtempSync(join(tmpdir(), 'vigie-config-'));
    const file = join(dir, 'vigie.json');
    const dpo = { name: 'Service DPO mutualisé', email: 'dpo@valenciennes-metropole.example' };
    writeFileSync(file, JSON.stringify({ transparency: { dpo } }));
    const config = loadConfig({ VIGIE_CONFIG: file });
    expect(config.transparency.dpo).toEqual(dpo);
    expect(config.transparency.controller.name).toBe('Commune de démonstration — le maire');
  });

  it('names the wrong transparency key, however deep', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-config-'));
    const file = join(dir, 'vigie.json');
    writeFileSync(file, JSON.stringify({ transparency: { dpo: { email: 'nobody', phone: '1' } } }));
    try {
      loadConfig({ VIGIE_CONFIG: file });
      expect.unreachable();
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(message).toContain('"transparency/dpo/email" (config file)');
      expect(message).toContain('"transparency/dpo/phone" (config file)');
    }
  });

  it('takes the camera networks as a CIDR list and files as a flag, refusing what is no network', () => {
    const config = loadConfig({ VIGIE_CAMERA_NETWORKS: '127.0.0.0/8, ::1/128', VIGIE_FILE_SOURCES: 'true' });
    expect(config).toMatchObject({ cameraNetworks: ['127.0.0.0/8', '::1/128'], fileSources: true });
    expect(loadConfig({})).toMatchObject({ cameraNetworks: [], fileSources: false });
    expect(() => loadConfig({ VIGIE_CAMERA_NETWORKS: '127.0.0.1,10.0.0.0/8' })).toThrow(
      /cameraNetworks \(VIGIE_CAMERA_NETWORKS\): not CIDR networks \(e\.g\. 10\.20\.0\.0\/16\): 127\.0\.0\.1/,
    );
  });
});
