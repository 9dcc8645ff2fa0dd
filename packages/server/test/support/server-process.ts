import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../../cli/dist/main.js', import.meta.url));

/** A `vigie start` process, as an administrator runs it (needs `npm run build`). */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything it wrote on stderr so far. */
  stderr(): string;
  /** Resolves with the exit code or signal when it ends. */
  exited: Promise<number | NodeJS.Signals | null>;
  alive(): boolean;
}

/** Starts `vigie start` with the given environment and waits until it listens (port chosen by the system). */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 120_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [cli, 'start'], {
    env: { ...process.env, VIGIE_PORT: '0', VIGIE_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let ended = false;
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.on('exit', (code, signal) => {
      ended = true;
      resolve(code ?? signal);
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`vigie start did not listen within ${timeoutMs} ms: ${stderr}`)),
      timeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const found = /(http:\/\/[\d.]+:\d+)/.exec(stdout);
      if (found?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`vigie start exited (${String(code)}) before listening: ${stderr}`));
    });
  });
  return { child, url, stderr: () => stderr, exited, alive: () => !ended };
}
