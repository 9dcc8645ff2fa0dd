import { JetStreamBus, MqttExport } from '@vigie/bus';
import { networkInterfaces } from 'node:os';
import { definedOnly, legalProfileById, systemClock, type Bus, type SourceUrlPolicy } from '@vigie/core';
import { migrateToLatest, openDatabase } from '@vigie/db';
import { chooseMaskEncoder, ffmpegCapabilitiesOrExplain, locateFfmpeg } from '@vigie/media';
import { buildApp, type AppDependencies, type VigieApp } from './app.js';
import { habilitationPolicy } from './services/habilitation.service.js';
import { systemRequester } from './auth/requester.js';
import { databaseLocation, type Config } from './config.js';
import { seedDemoAccounts, seedDemoAnalysisAuthorisation, seedDemoCameras, seedDemoRegistry } from './demo.js';

/** The addresses the server answers at: the one it binds, or every interface's when it binds them all. */
function ownAddresses(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host];
  return Object.values(networkInterfaces()).flatMap((entries) => (entries ?? []).map((entry) => entry.address));
}

/** A running Vigie server. */
export interface RunningServer {
  app: VigieApp;
  /** The address it listens on, e.g. http://127.0.0.1:8080. */
  url: string;
  /** Stops accepting requests, then closes the database. */
  close(): Promise<void>;
}

/** What tests may lower in `startServer`: the cost of password hashes, the embedded database's shared buffers. */
export interface ServerTestSettings extends Pick<AppDependencies, 'passwordCost'> {
  /** PostgreSQL's `shared_buffers` for the embedded database (its 128 MB default are zeroed at each start). */
  databaseSharedBuffers?: string;
}

/**
 * Checks ffmpeg (refusing one that lacks what Vigie runs, with what to install), opens the database,
 * migrates it, seeds demo cameras if asked, and starts listening. `testing` lets tests lower costs
 * (`ServerTestSettings`); the `vigie start` command never passes it.
 */
export async function startServer(config: Config, testing: ServerTestSettings = {}): Promise<RunningServer> {
  const { databaseSharedBuffers, ...appTesting } = testing;
  const ffmpegPath = locateFfmpeg().path;
  const ffmpegCapabilities = await ffmpegCapabilitiesOrExplain(ffmpegPath, {
    hardwareEncoders: config.maskEncoder === 'auto',
  });
  const location = databaseLocation(config, (error) =>
    process.stderr.write(`database connection lost: ${error.message}\n`),
  );
  const database = await openDatabase(
    'dataDir' in location ? { ...location, ...definedOnly({ sharedBuffers: databaseSharedBuffers }) } : location,
  );
  let bus: Bus | undefined;
  let mqtt: MqttExport | undefined;
  try {
    await migrateToLatest(database.db);
    if (config.natsUrl !== undefined) bus = await JetStreamBus.connect({ url: config.natsUrl, name: 'vigie-server' });
    const profile = legalProfileById(config.legalProfile);
    // The server's own API is refused as a camera source; its port is known once it listens (below).
    const sourcePolicy: SourceUrlPolicy = {
      allowFiles: config.demo || config.fileSources,
      allowedNetworks: config.cameraNetworks,
      server: { addresses: ownAddresses(config.host), port: config.port },
    };
    const app = await buildApp({
      sourcePolicy,
      trustedProxies: config.trustedProxies,
      ...definedOnly({ bus }),
      workers: config.workers,
      ...definedOnly({ nodeSecret: config.nodeSecret, unmaskSecret: config.unmaskSecret }),
      promotionPolicy: { minLabelled: config.shadowMinLabelled, minPrecision: config.shadowMinPrecision },
      database,
      clock: systemClock,
      profile,
      habilitation: habilitationPolicy(profile, config.requireWorkstation),
      console: definedOnly({ mapTileUrl: config.mapTileUrl }),
      transparency: config.transparency,
      logger: {
        level: config.logLevel,
        ...(process.stdout.isTTY
          ? {
              transport: {
                target: 'pino-pretty',
                options: { ignore: 'pid,hostname' },
              },
            }
          : {}),
      },
      mediaDir: config.dataDir,
      ffmpegPath: () => ffmpegPath,
      ffmpegCapabilities,
      ...appTesting,
      language: config.language,
      ...definedOnly({ modelPath: config.modelPath, fireModelPath: config.fireModelPath }),
    });
    app.http.log.info(
      `ffmpeg ${ffmpegCapabilities.version} at ${ffmpegPath}; masked cameras encode with ` +
        chooseMaskEncoder(ffmpegCapabilities.hardwareEncoders).name,
    );
    // Rows from before stream passwords were sealed: their passwords leave the URLs now (audited per camera).
    const sealed = await app.cameras.sealStreamPasswords(systemRequester('stream password sealing'));
    if (sealed > 0) app.http.log.warn(`stream passwords of ${sealed} cameras moved out of their URLs and sealed`);
    if (config.demo) {
      await seedDemoCameras({ cameras: app.cameras, dataDir: config.dataDir, log: app.http.log });
      await seedDemoRegistry({ cameras: app.cameras, registry: app.registry, now: new Date(), log: app.http.log });
      await seedDemoAnalysisAuthorisation({
        cameras: app.cameras,
        authorisations: app.authorisations,
        now: new Date(),
        profile,
        log: app.http.log,
      });
      await seedDemoAccounts({
        users: app.users,
        habilitations: app.habilitations,
        now: new Date(),
        dataDir: config.dataDir,
        log: app.http.log,
      });
    }
    await app.background.start();
    if (config.mqttUrl !== undefined) {
      mqtt = await MqttExport.start({ url: config.mqttUrl, bus: bus ?? app.domainEvents.bus });
    }
    await app.http.listen({ host: config.host, port: config.port });
    const address = app.http.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    sourcePolicy.server = { addresses: ownAddresses(config.host), port };
    return {
      app,
      url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
      close: async () => {
        await mqtt?.stop();
        await app.http.close();
        await bus?.close();
        await database.close();
      },
    };
  } catch (error) {
    await mqtt?.stop();
    await bus?.close();
    await database.close();
    throw error;
  }
}
