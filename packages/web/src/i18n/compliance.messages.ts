/** Messages of the compliance screen (the checklist `vigie compliance` prints), French first; merged into messages.ts. */
export const complianceFr = {
  'nav.adminCompliance': 'Conformité',
  'compliance.heading': 'Conformité de cette installation',
  'compliance.intro':
    'Chaque exigence du profil légal actif, vérifiée sur cette installation : conforme, non conforme (avec ce qu’il faut faire) ou à vérifier par une personne. La même liste que la commande « vigie compliance ».',
  'compliance.profile': 'Profil légal « {profile} », vérifié le {at}',
  'compliance.summary': '{pass} conforme(s), {fail} non conforme(s), {manual} à vérifier par une personne',
  'compliance.column.requirement': 'Exigence',
  'compliance.column.status': 'État',
  'compliance.column.title': 'Ce qui est exigé',
  'compliance.column.action': 'Constats et ce qu’il faut faire',
  'compliance.status.pass': 'conforme',
  'compliance.status.fail': 'non conforme',
  'compliance.status.manual': 'à vérifier',
  'compliance.refresh': 'Vérifier de nouveau',
} as const;

/** English messages of the compliance screen. */
export const complianceEn: Record<keyof typeof complianceFr, string> = {
  'nav.adminCompliance': 'Compliance',
  'compliance.heading': 'Compliance of this installation',
  'compliance.intro':
    'Each requirement of the active legal profile, checked on this installation: met, not met (with what to do) or for a person to check. The same list as the "vigie compliance" command.',
  'compliance.profile': 'Legal profile "{profile}", checked on {at}',
  'compliance.summary': '{pass} met, {fail} not met, {manual} for a person to check',
  'compliance.column.requirement': 'Requirement',
  'compliance.column.status': 'Status',
  'compliance.column.title': 'What is required',
  'compliance.column.action': 'Findings and what to do',
  'compliance.status.pass': 'met',
  'compliance.status.fail': 'not met',
  'compliance.status.manual': 'to check',
  'compliance.refresh': 'Check again',
};
