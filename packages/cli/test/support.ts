import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '@vigie/cli';
import type { Role } from '@vigie/core';
import { loadConfig, type RunningServer } from '@vigie/server';
import { habilitate, startSeededServer, testPasswordCost } from '../../server/test/support.js';

/** The CLI's input and output captured: what it printed on each stream, with the environment and stdin given. */
export function captureIo(env: NodeJS.ProcessEnv, stdin = ''): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    env,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    readStdin: () => Promise.resolve(stdin),
  };
}

/** A running server over a fresh data folder, and the environment that points the CLI at it with an API token. */
export interface ServerForCli {
  server: RunningServer;
  /** Its data folder (held by the server while it runs). */
  dataDir: string;
  /** VIGIE_URL and VIGIE_TOKEN of an account holding the roles asked for. */
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

/** Starts a server (`settings` as environment variables, e.g. VIGIE_DEMO) and gives an account of `roles` an API token. */
export async function startServerForCli(roles: Role[], settings: Record<string, string> = {}): Promise<ServerForCli> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vigie-cli-'));
  const server = await startSeededServer(
    loadConfig({ VIGIE_PORT: '0', VIGIE_DATA_DIR: dataDir, VIGIE_LOG_LEVEL: 'silent', ...settings }),
    { passwordCost: testPasswordCost },
  );
  const actor = { actorName: 'test setup' };
  const username = `cli-${roles.join('-')}`;
  await server.app.users.create(
    { username, displayName: username, roles, password: 'a long enough password' },
    { now: new Date(), actor },
  );
  await habilitate(server.app, username, roles);
  const token = await server.app.users.createToken({ username, name: 'cli test', now: new Date(), actor });
  return {
    server,
    dataDir,
    env: { VIGIE_URL: server.url, VIGIE_TOKEN: token },
    close: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
