import { Command, CommanderError } from 'commander';
import { analyzeCommand } from './commands/analyze.command.js';
import { auditCommand } from './commands/audit.command.js';
import { cameraCommand } from './commands/camera.command.js';
import { complianceCommand } from './commands/compliance.command.js';
import { migrateCommand } from './commands/migrate.command.js';
import { registryCommand } from './commands/registry.command.js';
import { startCommand } from './commands/start.command.js';
import { workerCommand } from './commands/worker.command.js';
import { userCommand } from './commands/user.command.js';
import { sealedCommand } from './commands/sealed.command.js';
import { verifyCommand } from './commands/verify.command.js';
import { CliError, type CliIo } from './io.js';

/** Builds the `vigie` command tree. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('vigie')
    .description('Vigie — privacy-by-design video-protection supervision')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd()) })
    .showHelpAfterError();
  for (const command of [
    startCommand(io),
    workerCommand(io),
    cameraCommand(io),
    registryCommand(io),
    userCommand(io),
    auditCommand(io),
    complianceCommand(io),
    analyzeCommand(io),
    migrateCommand(io),
    verifyCommand(io),
    sealedCommand(io),
  ]) {
    program.addCommand(command.exitOverride().configureOutput(program.configureOutput()));
  }
  for (const command of program.commands) {
    for (const sub of command.commands) sub.exitOverride().configureOutput(program.configureOutput());
  }
  return program;
}

async function describe(error: unknown): Promise<string> {
  if (error instanceof CliError || (error instanceof Error && error.name === 'ConfigError')) return error.message;
  // Loaded only here: `vigie camera list` must not pay for the domain's schemas to start.
  const { isVigieError } = await import('@vigie/core');
  if (isVigieError(error)) {
    const details = error.details.map((d) => `  ${d.path}: ${d.reason}`);
    return [error.message, ...details, `→ ${error.hint}`].join('\n');
  }
  return `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

/** Runs the CLI on the given arguments (without `node` and the script); returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    io.err(await describe(error));
    return error instanceof CliError ? error.exitCode : 1;
  }
}
