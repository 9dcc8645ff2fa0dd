import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * `setpriv` (util-linux) on Linux: it sets the parent-death signal (prctl PR_SET_PDEATHSIG, which Node
 * cannot reach) and then execs the command, so the command keeps its pid and dies with its parent.
 */
function findSetpriv(env: NodeJS.ProcessEnv): string | undefined {
  if (process.platform !== 'linux') return undefined;
  const dirs = [...(env['PATH'] ?? '').split(delimiter), '/usr/bin', '/bin'];
  return dirs.map((dir) => join(dir, 'setpriv')).find((path) => path !== 'setpriv' && existsSync(path));
}

let setprivPath: string | undefined | null = null;

/**
 * The command line that runs `command args` so that it receives SIGTERM when this process dies, even by
 * SIGKILL (`command` is a path): a recorder must never outlive its server (ffmpeg ignores the end of its stdin and a broken
 * progress pipe). Without setpriv (not Linux, util-linux missing) the command runs as is and the
 * server's start-up sweep stops the strays.
 */
export function dyingWithParent(command: string, args: readonly string[]): { command: string; args: string[] } {
  if (setprivPath === null) setprivPath = findSetpriv(process.env);
  // A missing program keeps failing as a spawn error (ENOENT), which the supervisor words for a person.
  if (setprivPath === undefined || !existsSync(command)) return { command, args: [...args] };
  return { command: setprivPath, args: ['--pdeathsig', 'TERM', '--', command, ...args] };
}
