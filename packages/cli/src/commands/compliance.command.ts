import type { ChecklistLanguage, ComplianceChecklist } from '@vigie/core';
import { Command, Option } from 'commander';
import { CliError, type CliIo } from '../io.js';
import { client, serverOption } from './server-client.js';

const marks: Record<ComplianceChecklist['checks'][number]['status'], string> = {
  pass: 'PASS  ',
  fail: 'FAIL  ',
  manual: 'MANUAL',
};

/** The checklist's languages (core's `checklistLanguages`, not imported: the CLI must start fast). */
const languages = ['fr', 'en'] as const satisfies readonly ChecklistLanguage[];

/** The command's own lines, in each language of the checklist. */
const texts: Record<
  ChecklistLanguage,
  {
    heading: (profile: string, at: string) => string;
    summary: (pass: number, fail: number, manual: number) => string;
    failed: (fail: number) => string;
  }
> = {
  fr: {
    heading: (profile, at) => `Conformité de cette installation (profil légal « ${profile} », ${at}) :`,
    summary: (pass, fail, manual) =>
      `${pass} conforme(s), ${fail} non conforme(s), ${manual} à vérifier par une personne.`,
    failed: (fail) => `${fail} exigence(s) non satisfaite(s) : voir ci-dessus ce qu’il faut faire.`,
  },
  en: {
    heading: (profile, at) => `Compliance of this installation (legal profile "${profile}", ${at}):`,
    summary: (pass, fail, manual) => `${pass} passed, ${fail} failed, ${manual} to check by a person.`,
    failed: (fail) => `${fail} requirement(s) failed: see above what to do.`,
  },
};

/** Writes the checklist a line per requirement, with findings and what to do under each failure. */
export function formatChecklist(list: ComplianceChecklist, language: ChecklistLanguage): string[] {
  const text = texts[language];
  const lines = [text.heading(list.profile, list.generatedAt)];
  for (const check of list.checks) {
    lines.push(`${marks[check.status]} ${check.requirement.padEnd(8)} ${check.title}`);
    for (const finding of check.findings) lines.push(`         - ${finding}`);
    if (check.status !== 'pass') lines.push(`         → ${check.action}`);
  }
  const { pass, fail, manual } = list.summary;
  lines.push(text.summary(pass, fail, manual));
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
    .addOption(new Option('--lang <language>', 'language of the checklist').choices([...languages]).default('fr'))
    .action(async (options: { lang: ChecklistLanguage }, command: Command) => {
      const list = await client(command, io).request<ComplianceChecklist>(
        'GET',
        `/api/compliance/checklist?lang=${options.lang}`,
      );
      for (const line of formatChecklist(list, options.lang)) io.out(line);
      if (list.summary.fail > 0) throw new CliError(texts[options.lang].failed(list.summary.fail), 1);
    });
}
