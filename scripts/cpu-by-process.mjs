// Sums the CPU time of every process on the machine by kind (vitest, eslint, chromium, ffmpeg…) while a command
// runs: `node scripts/cpu-by-process.mjs -- bash .ci/run`. Reads /proc once a second (Linux only), so processes
// that live under a second are missed; prints CPU-seconds per kind (user + system, then each), most first, when the
// command ends.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';

const ticksPerSecond = 100; // USER_HZ on Linux
const nodeKinds = ['vitest', 'eslint', 'prettier', 'tsc', 'vite', 'main.js'];

/** The kind a process counts under: its command name, or for Node the tool it runs. */
function kindOf(pid) {
  const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  if (comm !== 'node' && !comm.startsWith('npm') && !args[0]?.endsWith('node')) return comm;
  const command = args.join(' ');
  const tool = nodeKinds.find((name) => command.includes(name));
  return `node ${tool ?? basename(args[1] ?? comm)}`;
}

/** Each process seen, by pid and start time: its kind and its latest user and system ticks. */
const seen = new Map();
function sample() {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1).split(' ');
      const key = `${pid}/${fields[19]}`;
      const ticks = { user: Number(fields[11]), system: Number(fields[12]) };
      const known = seen.get(key);
      if (known !== undefined) known.ticks = ticks;
      else seen.set(key, { kind: kindOf(pid), ticks });
    } catch {
      // The process ended between listing and reading.
    }
  }
}

const command = process.argv.slice(process.argv.indexOf('--') + 1);
if (process.argv.indexOf('--') < 0 || command.length === 0) {
  console.error('usage: node scripts/cpu-by-process.mjs -- <command> [args…]');
  process.exit(2);
}
sample();
const before = new Map([...seen].map(([key, { ticks }]) => [key, ticks]));
const timer = setInterval(sample, 1000);
const child = spawn(command[0], command.slice(1), { stdio: 'inherit' });
child.on('close', (code, signal) => {
  clearInterval(timer);
  sample();
  const byKind = new Map();
  for (const [key, { kind, ticks }] of seen) {
    const sum = byKind.get(kind) ?? { user: 0, system: 0 };
    const from = before.get(key) ?? { user: 0, system: 0 };
    sum.user += ticks.user - from.user;
    sum.system += ticks.system - from.system;
    byKind.set(kind, sum);
  }
  const total = ({ user, system }) => user + system;
  const rows = [...byKind].filter(([, ticks]) => total(ticks) > 0).sort((a, b) => total(b[1]) - total(a[1]));
  const seconds = (ticks) => (ticks / ticksPerSecond).toFixed(1).padStart(9);
  console.log('\nCPU-seconds by process while the command ran (every process on the machine):');
  console.log(`${'all'.padStart(9)}${'user'.padStart(9)}${'system'.padStart(9)}  process`);
  for (const [kind, ticks] of rows.slice(0, 25))
    console.log(`${seconds(total(ticks))}${seconds(ticks.user)}${seconds(ticks.system)}  ${kind}`);
  process.exit(code ?? (signal === null ? 1 : 128));
});
