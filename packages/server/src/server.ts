import { systemClock } from '@vigie/core';
import { migrateToLatest, openDatabase } from '@vigie/db';
import { buildApp, type VigieApp } from './app.js';
import { databaseLocation, type Config } from './config.js';
import { seedDemoAccounts, seedDemoCameras, seedDemoRegistry } from './demo.js';

/** How often expired recordings are purged (LEGAL R3: gone within one cycle). */
const purgeIntervalMs = 10 * 60_000;

/** A running Vigie server. */
export interface RunningServer {
  app: VigieApp;
  /** The address it listens on, e.g. http://127.0.0.1:8080. */
  url: string;
  /** Stops accepting requests, then closes the database. */
  close(): Promise<void>;
}

/** Opens the database, migrates it, seeds demo cameras if asked, and starts listening. */
export async function startServer(config: Config): Promise<RunningServer> {
  const database = await openDatabase(
    databaseLocation(config, (error) => process.stderr.write(`database connection lost: ${error.message}\n`)),
  );
  try {
    await migrateToLatest(database.db);
    const app = await buildApp({
      database,
      clock: systemClock,
      console: config.mapTileUrl === undefined ? {} : { mapTileUrl: config.mapTileUrl },
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
      ...(config.modelPath === undefined ? {} : { modelPath: config.modelPath }),
    });
    if (config.demo) {
      await seedDemoCameras({ cameras: app.cameras, dataDir: config.dataDir, log: app.http.log });
      await seedDemoRegistry({ cameras: app.cameras, registry: app.registry, now: new Date(), log: app.http.log });
      await seedDemoAccounts({ users: app.users, dataDir: config.dataDir, log: app.http.log });
    }
    const fleet = await app.startRecording();
    await app.analysis.start();
    const purge = (): void => {
      // Authorisations lapse with time, not with an event: recorders and analyses are re-checked here too.
      void fleet.resync();
      void app.analysis.resync();
      app.purge
        .run()
        .then((reports) => {
          for (const r of reports) app.http.log.info(r, 'retention purge: expired recordings deleted');
        })
        .catch((error: unknown) => app.http.log.error({ err: error }, 'retention purge failed; it runs again soon'));
    };
    purge();
    const purgeTimer = setInterval(purge, purgeIntervalMs).unref();
    await app.http.listen({ host: config.host, port: config.port });
    const address = app.http.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    return {
      app,
      url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
      close: async () => {
        clearInterval(purgeTimer);
        await fleet.stop();
        await app.analysis.stop();
        await app.http.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
