import { Command } from 'commander';
import type { CliIo } from '../io.js';

/** `vigie worker`: records and analyses a share of the cameras for the servers, until interrupted. */
export function workerCommand(io: CliIo): Command {
  return new Command('worker')
    .description('record and analyse a share of the cameras (needs DATABASE_URL, NATS_URL, VIGIE_NODE_SECRET)')
    .action(async () => {
      // Loaded here: the worker pulls in recording, analysis and the bus, which other commands never need.
      const { loadWorkerConfig, runWorker } = await import('@vigie/worker');
      const config = loadWorkerConfig(io.env);
      const running = await runWorker(config, (level, message, fields) => {
        const line = JSON.stringify({ level, message, ...fields });
        if (level === 'info') io.out(line);
        else io.err(line);
      });
      io.out(
        JSON.stringify({
          level: 'info',
          message: 'worker started',
          node: running.worker.node,
        }),
      );
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          void running.close().then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
