import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { euPrivatePremisesProfile, type ModelRegistrationInput } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import { modelFileIdentity } from '@vigie/vision';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorise, cameraBody, loginAs, openTestApp, type SessionHeaders, type TestApp } from './support.js';

const dir = await mkdtemp(join(tmpdir(), 'vigie-models-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const registration = (file: { fileName: string; sha256: string }): ModelRegistrationInput => ({
  name: 'yolox-nano',
  version: '0.1.1',
  ...file,
  purpose: 'Detect persons and carried bags for the abandoned-object analytic',
  provenance: 'Megvii YOLOX nano, COCO-trained, fetched from the project releases',
  licence: 'Apache-2.0',
  capabilities: ['person', 'backpack', 'handbag', 'suitcase'],
  evaluation: {
    dataset: 'synthetic evaluation scenes',
    command: 'npm run eval',
    measuredOn: '2026-11-01',
    events: { abandoned_object: { precision: 0.9, recall: 0.8 } },
  },
  attestation: 'Attestation DLPAJ 2026-17',
});

describe.each(testEngines)('model registry on $name (LEGAL R16, R17, R23)', (engine) => {
  let app: TestApp;
  let dpo: SessionHeaders;
  let modelPath: string;

  beforeAll(async () => {
    modelPath = join(dir, `${engine.name}-yolox_nano.onnx`);
    await writeFile(modelPath, randomBytes(4096));
    app = await openTestApp(engine, undefined, { modelPath });
    dpo = await loginAs(app, ['dpo']);
  });
  afterAll(() => app?.close());

  const register = (body: unknown) =>
    app.http.inject({ method: 'POST', url: '/api/models', headers: dpo, payload: body as Record<string, unknown> });

  it('refuses a model that declares a face, identity, plate or emotion capability, quoting the law', async () => {
    const file = await modelFileIdentity(modelPath);
    for (const capabilities of [['person', 'face'], ['plate'], ['reid_embedding'], ['emotion']]) {
      const response = await register({ ...registration(file), capabilities });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'CAPABILITY_REFUSED_BY_LAW' } });
    }
    const visage = await register({ ...registration(file), name: 'reconnaissance-visages' });
    expect(visage.json()).toMatchObject({ error: { code: 'CAPABILITY_REFUSED_BY_LAW', details: [{ path: '/name' }] } });
  });

  it('asks for the minister’s attestation under the French profile', async () => {
    const { attestation: _a, ...unattested } = registration(await modelFileIdentity(modelPath));
    const response = await register(unattested);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'MODEL_REGISTRATION_INVALID', details: [{ path: '/attestation' }] },
    });
  });

  it('refuses to load an unregistered model: the camera’s analytics stay off', async () => {
    const created = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: await loginAs(app, ['supervisor']),
      payload: cameraBody({
        name: 'Counting',
        sourceUrl: pathToFileURL(modelPath).toString(),
        analytics: ['people_count'],
      }),
    });
    const cameraId = created.json<{ id: string }>().id;
    await authorise(app, cameraId);
    await app.analysis.start();
    try {
      expect(app.analysis.state().runningCameraIds).not.toContain(cameraId);
      expect(app.analysis.state().modelRefusal).toMatch(/is not in the model registry: it will not run/);
      await expect(app.models.verify(modelPath)).rejects.toMatchObject({ code: 'MODEL_NOT_REGISTERED' });
    } finally {
      await app.analysis.stop();
    }
  });

  it('accepts the registered file, audited, and refuses it once altered, naming the mismatch', async () => {
    const file = await modelFileIdentity(modelPath);
    const response = await register(registration(file));
    expect(response.statusCode, response.body).toBe(201);
    expect((await app.models.verify(modelPath)).version).toBe('0.1.1');
    const listed = (await app.http.inject({ method: 'GET', url: '/api/models', headers: dpo })).json<
      { sha256: string }[]
    >();
    expect(listed.map((m) => m.sha256)).toEqual([file.sha256]);
    const trail = (
      await app.http.inject({ method: 'GET', url: '/api/audit?action=model.registered', headers: dpo })
    ).json<unknown[]>();
    expect(trail).toHaveLength(1);
    await writeFile(modelPath, randomBytes(4096));
    await expect(app.models.verify(modelPath)).rejects.toThrow(
      /does not match its registration \(yolox-nano 0\.1\.1\)/,
    );
  });
});

describe('model registry under the EU private-premises profile', () => {
  it('needs no national attestation', async () => {
    const [engine] = testEngines;
    if (engine === undefined) throw new Error('no test engine');
    const app = await openTestApp(engine, undefined, { profile: euPrivatePremisesProfile });
    try {
      const dpo = await loginAs(app, ['dpo']);
      const { attestation: _a, ...unattested } = registration({ fileName: 'm.onnx', sha256: 'a'.repeat(64) });
      const response = await app.http.inject({ method: 'POST', url: '/api/models', headers: dpo, payload: unattested });
      expect(response.statusCode, response.body).toBe(201);
    } finally {
      await app.close();
    }
  });
});
