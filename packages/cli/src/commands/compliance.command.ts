import type { ComplianceChecklist } from '@vigie/core';
import { Command } from 'commander';
import { CliError, type CliIo } from '../io.js';
import { client, serverOption } from './server-client.js';

const marks: Record<ComplianceChecklist['checks'][number]['status'], string> = {
  pass: 'PASS  ',
  fail: 'FAIL  ',
  manual: 'MANUAL',
};

/** Writes the checklist a line per requirement, with findings and what to do under each failure. */
export function formatChecklist(list: ComplianceChecklist): string[] {
  const lines = [`Compliance of this installation (legal profile "${list.profile}", ${list.generatedAt}):`];
  for (const check of list.checks) {
    lines.push(`${marks[check.status]} ${check.requirement.padEnd(8)} ${check.title}`);
    for (const finding of check.findings) lines.push(`         - ${finding}`);
    if (check.status !== 'pass') lines.push(`         → ${check.action}`);
  }
  const { pass, fail, manual } = list.summary;
  lines.push(`${pass} passed, ${fail} failed, ${manual} to check by a person.`);
  return lines;
}

/**
 * `vigie compliance`: each requirement of the active legal profile, pass / fail / manual, from a running
 * server (DPO token); exits 1 when any requirement fails.
 */
export function complianceCommand(io: CliIo): Command {
  return new Command('compliance')
    .description(
      'check this installation against its legal profile (DPO: API token in VIGIE_TOKEN); exits 1 on a failure',
    )
    .addOption(serverOption())
    .action(async (_options: unknown, command: Command) => {
      const list = await client(command, io).request<ComplianceChecklist>('GET', '/api/compliance/checklist');
      for (const line of formatChecklist(list)) io.out(line);
      if (list.summary.fail > 0)
        throw new CliError(`${list.summary.fail} requirement(s) failed: see above what to do.`, 1);
    });
}
