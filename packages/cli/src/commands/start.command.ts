import { Command } from 'commander';
import type { CliIo } from '../io.js';

/** `vigie start`: runs the server and console until interrupted. */
export function startCommand(io: CliIo): Command {
  return new Command('start')
    .description('start the server and the console')
    .option('--demo', 'register demo cameras when the registry is empty')
    .action(async (options: { demo?: boolean }) => {
      const { loadConfig, startServer } = await import('@vigie/server');
      const config = loadConfig(options.demo ? { ...io.env, VIGIE_DEMO: 'true' } : io.env);
      const server = await startServer(config);
      // Where `vigie` exposes it (bin/vigie.js: V8's memory reducer off): one full collection, so that what start-up
      // left (the embedded database's set-up: ≈ 180 MB) is given back now rather than at the next full collection.
      globalThis.gc?.();
      const database = config.databaseUrl === undefined ? `embedded, in ${config.dataDir}` : 'PostgreSQL';
      io.out(`Vigie is running: console and API at ${server.url} (database: ${database}). Press Ctrl+C to stop.`);
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          io.out('Stopping…');
          void server.close().then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
