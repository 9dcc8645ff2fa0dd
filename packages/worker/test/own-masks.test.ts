import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcessBus, MemoryLeases } from '@vigie/bus';
import {
  authorisationPeriod,
  cameraSettingsFromInput,
  frenchProfile,
  segmentStartOfKey,
  systemClock,
  type BusSubscription,
  type CameraMaskGateway,
  type DomainEvent,
} from '@vigie/core';
import { unitOfWork, type UnitOfWork, type VigieDatabase } from '@vigie/db';
import { testEngines } from '@vigie/db/testing';
import {
  connectOnvif,
  LibraryCameraMaskGateway,
  loadOrCreateCredentialVault,
  LocalDiskStorage,
  locateFfmpeg,
  media2Request,
} from '@vigie/media';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeOnvifDevice } from '../../media/test/support/fake-onvif-device.js';
import { maskedBy, type PtzSceneCamera } from '../../media/test/support/ptz-scene-camera.js';
import { leaveKilledCopies, startSelfMaskingCamera, windowMask } from '../../media/test/support/self-masking-camera.js';
import { VigieWorker } from '../src/worker.js';

const onvifPassword = 'Onvif-Pa55word!';

type Published = Extract<DomainEvent, { type: 'segment.recorded' }>['segment'];

describe('VigieWorker: a camera that masks itself, its masks checked over ONVIF (ADR 0006)', () => {
  let dir: string;
  let device: FakeOnvifDevice;
  let scene: PtzSceneCamera;
  let database: VigieDatabase | undefined;
  let work: UnitOfWork;
  let worker: VigieWorker | undefined;
  let subscription: BusSubscription | undefined;
  let cameraId: string;
  /** Starts a worker on the test's data directory (again after a stop: a restart). */
  let startWorker: () => Promise<void>;
  const published: Published[] = [];
  const logged: { message: string; fields: Record<string, unknown> }[] = [];
  /**
   * While set, the checks of the camera's masks wait after asking it, before answering: what it stores meanwhile stays
   * held. A check that read the camera before it was set answers with what it read then.
   */
  let checksHeld: Promise<void> | undefined;
  /** Lets the held checks answer. */
  let answerChecks = () => {};
  const cameraMasks: CameraMaskGateway = {
    masks: async (target) => {
      const reading = await new LibraryCameraMaskGateway().masks(target);
      await checksHeld;
      return reading;
    },
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigie-worker-own-masks-'));
    // The test camera burns in the masks its ONVIF device lists (grey); Vigie's are black.
    ({ scene, device } = await startSelfMaskingCamera(onvifPassword));
    database = await testEngines[0]!.open();
    work = unitOfWork(database.db, systemClock);
    const vault = await loadOrCreateCredentialVault(join(dir, 'credential.key'));
    const settings = cameraSettingsFromInput(
      {
        name: 'Rue des Jardins',
        sourceUrl: scene.url,
        location: { lat: 50.3579, lon: 3.5233 },
        purposes: ['public_space_safety'],
        masks: [{ id: 'fenetre', label: 'Fenêtre du 1er', polygon: windowMask }],
        masksOnCamera: true,
      },
      frenchProfile,
    );
    const year = new Date().getUTCFullYear();
    const authorisation = {
      reference: `${year}/CAB/TEST`,
      issuedOn: `${year - 1}-01-01`,
      expiresOn: `${year + 3}-12-31`,
    };
    cameraId = await work(async ({ cameras, registry, onvifDevices }) => {
      const camera = await cameras.create(settings);
      await registry.record(
        camera.id,
        { authorisation, signage: { status: 'installed' }, facing: 'public' },
        { period: authorisationPeriod(authorisation, { now: new Date(), profile: frenchProfile }), updatedBy: 'test' },
      );
      await onvifDevices.save({
        cameraId: camera.id,
        address: device.address,
        username: 'vigie',
        passwordSealed: vault.seal(onvifPassword),
        manufacturer: 'Test',
        model: 'Scene',
        serialNumber: '1',
        mainProfile: 'main',
        ptz: false,
        addedAt: new Date(),
      });
      return camera.id;
    });
    const bus = new InProcessBus();
    subscription = await bus.follow((event) => {
      if (event.type === 'segment.recorded') published.push(event.segment);
    });
    startWorker = async () => {
      worker = new VigieWorker({
        work,
        bus,
        leases: new MemoryLeases({ clock: systemClock }),
        clock: systemClock,
        dataDir: join(dir, 'worker'),
        ffmpegPath: locateFfmpeg().path,
        nodeSecret: 'a'.repeat(48),
        listen: { host: '127.0.0.1', port: 0 },
        capacity: 4,
        timeZone: frenchProfile.timeZone,
        sourcePolicy: { allowFiles: false, allowedNetworks: ['127.0.0.0/8'] },
        vault,
        cameraMasks,
        segmentSeconds: 2,
        cameraMaskCheckMs: 1000,
        log: (_level, message, fields) => logged.push({ message, fields: fields ?? {} }),
      });
      await worker.start();
    };
    await startWorker();
  }, 120_000);

  afterAll(async () => {
    answerChecks(); // a failed test must not leave the worker's checks (and so its stop) waiting
    await worker?.stop();
    await subscription?.close();
    await database?.close();
    await device?.stop();
    await scene?.stop();
    await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it('records by copy while the camera’s masks are checked, then masks the unvouched copies and restarts masked when they go', async () => {
    const starts = () =>
      logged.filter((entry) => entry.message === 'camera started').map((entry) => entry.fields['copied']);
    // Checked to cover Vigie's masks: copied, and its segments published once a later check vouched for them.
    await expect.poll(() => published.length, { timeout: 40_000, interval: 250 }).toBeGreaterThanOrEqual(3);
    expect(starts()).toEqual([true]);

    // Someone deletes the camera's mask while no check can answer: the copies stored meanwhile are held, unvouched.
    checksHeld = new Promise((resolve) => (answerChecks = resolve));
    const cam = await connectOnvif(device.address, { username: 'vigie', password: onvifPassword });
    const loggedBefore = logged.length;
    const deletedAt = new Date();
    await media2Request(cam, 'DeleteMask', '<Token>fenetre</Token>');
    const storage = new LocalDiskStorage(join(dir, 'worker', 'recordings'));
    const storedSinceDeletion = async () => {
      const keys: string[] = [];
      for await (const key of storage.list(`${cameraId}/`))
        if ((segmentStartOfKey(key) ?? new Date(0)) >= deletedAt) keys.push(key);
      return keys;
    };
    await expect.poll(async () => (await storedSinceDeletion()).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    const held = await storedSinceDeletion();
    // Should this fail, what the worker logged meanwhile tells why (a lost lease, a recorder restart…).
    const loggedSince = JSON.stringify(logged.slice(loggedBefore));
    expect(
      published.filter((s) => held.includes(s.key)),
      loggedSince,
    ).toEqual([]);
    // The next check fails: the held copies are masked after the fact, the camera restarted masked by Vigie.
    answerChecks();
    await expect.poll(starts, { timeout: 20_000, interval: 250 }).toEqual([true, false]);
    const endedAfterDeletion = () => published.filter((s) => new Date(s.endedAt) > deletedAt);
    await expect.poll(() => endedAfterDeletion().length, { timeout: 40_000, interval: 250 }).toBeGreaterThanOrEqual(3);
    await worker!.stop();
    worker = undefined;

    // Each published segment: copied (the camera's grey over the window) or masked by Vigie (black), never unmasked,
    // published with the hash of the file as it is stored (a masked copy replaced the copied file).
    expect(published.map((s) => s.key)).toEqual(expect.arrayContaining(held));
    const modes: string[] = [];
    const sinceDeletion = new Set<string>();
    for (const segment of [...published].sort((a, b) => a.startedAt.localeCompare(b.startedAt))) {
      const file = storage.pathOf(segment.key);
      expect(
        createHash('sha256')
          .update(await readFile(file))
          .digest('hex'),
        segment.key,
      ).toBe(segment.sha256);
      const mode = await maskedBy(file);
      if (modes.at(-1) !== mode) modes.push(mode);
      // No check that began after the deletion passed: whatever ended after it was masked by Vigie.
      if (new Date(segment.endedAt) > deletedAt) sinceDeletion.add(mode);
    }
    expect(modes).toEqual(['camera', 'Vigie']);
    expect(sinceDeletion).toEqual(new Set(['Vigie']));
    expect(new Set(published.map((s) => s.key)).size).toBe(published.length);

    const audited = await work(({ audit }) => audit.list({ cameraId }));
    const checks = audited
      .filter((entry) => entry.action === 'camera.own_masks_checked')
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((entry) => entry.details?.['result']);
    expect(checks).toEqual(['verified', 'missing']);
    // The copies stored after the last passing check were masked after the fact, none quarantined.
    const remasked = audited.filter((entry) => entry.action === 'camera.segments_remasked').map((e) => e.details);
    expect(remasked).toHaveLength(1);
    expect(remasked[0]).toMatchObject({ quarantined: 0 });
    expect(remasked[0]?.['remasked']).toBeGreaterThanOrEqual(held.length);
  }, 180_000);

  it('after a crash, masks what a copy run left unvouched (stored unreported, or in the spool) before reporting it', async () => {
    const storage = new LocalDiskStorage(join(dir, 'worker', 'recordings'));
    // What the servers indexed of the run before (no server follows this test's bus).
    await work(({ recordings }) =>
      recordings.insertSegments(
        published.map((s) => ({ ...s, startedAt: new Date(s.startedAt), endedAt: new Date(s.endedAt) })),
      ),
    );
    let copied: string | undefined;
    for (const segment of published)
      if ((await maskedBy(storage.pathOf(segment.key))) === 'camera') copied ??= storage.pathOf(segment.key);
    if (copied === undefined) throw new Error('the test before published no copied segment');
    const lastEnd = new Date(
      published
        .map((s) => s.endedAt)
        .sort()
        .at(-1)!,
    );
    // What a killed worker left: a copied segment stored but never reported, and one in its spool.
    const { heldKey, spoolKey } = await leaveKilledCopies({
      storage,
      recordingsDir: join(dir, 'worker', 'recordings'),
      cameraId,
      copied,
      lastEnd,
    });
    published.length = 0;

    await startWorker();
    await worker!.flushed();
    const recovered = published.filter((s) => s.key === heldKey || s.key === spoolKey);
    expect(recovered.map((s) => s.key).sort()).toEqual([heldKey, spoolKey].sort());
    for (const segment of recovered) {
      const file = storage.pathOf(segment.key);
      expect(await maskedBy(file), segment.key).toBe('Vigie');
      expect(
        createHash('sha256')
          .update(await readFile(file))
          .digest('hex'),
      ).toBe(segment.sha256);
    }
    const remasked = (await work(({ audit }) => audit.list({ cameraId, action: 'camera.segments_remasked' }))).filter(
      (entry) => entry.reason === 'a worker stopped abruptly with copied segments unvouched',
    );
    expect(remasked.map((entry) => entry.details)).toEqual([expect.objectContaining({ remasked: 2, quarantined: 0 })]);
  }, 120_000);
});
