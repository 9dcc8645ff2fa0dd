import { resolve } from 'node:path';
import { JetStreamBus, JetStreamLeases } from '@vigie/bus';
import { definedOnly, frenchProfile, systemClock } from '@vigie/core';
import { openDatabase, unitOfWork } from '@vigie/db';
import { credentialKeyPath, ffmpegCapabilitiesOrExplain, locateFfmpeg, openCredentialVault } from '@vigie/media';
import { capacityFor, VigieWorker, type WorkerOptions } from './worker.js';
import { workerCores, type WorkerConfig } from './worker.config.js';

/** A worker running with its connections; `close()` stops it and closes them. */
export interface RunningWorker {
  worker: VigieWorker;
  close(): Promise<void>;
}

/** Connects to PostgreSQL and NATS and starts a worker (what `vigie worker` runs). */
export async function runWorker(config: WorkerConfig, log: WorkerOptions['log']): Promise<RunningWorker> {
  // Probed before connecting: a missing ffmpeg part stops the worker with what to install.
  const ffmpegPath = locateFfmpeg().path;
  const ffmpegCapabilities = await ffmpegCapabilitiesOrExplain(ffmpegPath, {
    hardwareEncoders: config.hardwareEncoders,
  });
  const database = await openDatabase({
    url: config.databaseUrl,
    onConnectionError: (error) => log('error', 'database connection lost; reconnecting', { err: error.message }),
  });
  const bus = await JetStreamBus.connect({ url: config.natsUrl, prefix: config.busPrefix, name: 'vigie-worker' }).catch(
    async (error: unknown) => {
      await database.close();
      throw error;
    },
  );
  const leases = await JetStreamLeases.open({ connection: bus.connection, bucket: `${config.busPrefix}_leases` });
  // Cameras analysed are not known in advance: the default assumes a quarter of them, as in the seed city.
  const capacity = config.capacity ?? capacityFor({ cores: workerCores(), analysedShare: 0.25 });
  const vault = await openCredentialVault(credentialKeyPath(resolve(config.dataDir)));
  const worker = new VigieWorker({
    work: unitOfWork(database.db, systemClock),
    bus,
    leases,
    clock: systemClock,
    dataDir: resolve(config.dataDir),
    ffmpegPath,
    ffmpegCapabilities,
    nodeSecret: config.nodeSecret,
    listen: { host: config.host, port: config.port },
    capacity,
    timeZone: frenchProfile.timeZone,
    language: config.language,
    sourcePolicy: config.sourcePolicy,
    ...definedOnly({
      modelPath: config.modelPath,
      fireModelPath: config.fireModelPath,
      vault,
      segmentSeconds: config.segmentSeconds,
    }),
    log,
  });
  await worker.start();
  return {
    worker,
    close: async () => {
      await worker.stop();
      await bus.close();
      await database.close();
    },
  };
}
