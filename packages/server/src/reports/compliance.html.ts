import type {
  ComplianceIssueCode,
  Purpose,
  RecordOfProcessing,
  RetentionComplianceReport,
  RetentionComplianceRow,
} from '@vigie/core';

/** Escapes text for HTML: every value shown comes from configuration or people, never trusted. */
export function escapeHtml(text: string | number): string {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const purposeLabels: Record<Purpose, string> = {
  public_buildings_protection: 'Protection des bâtiments et installations publics et de leurs abords',
  national_defence_installations: 'Sauvegarde des installations utiles à la défense nationale',
  traffic_regulation: 'Régulation des flux de transport',
  traffic_offences: 'Constatation des infractions aux règles de la circulation',
  public_space_safety: 'Prévention des atteintes à la sécurité des personnes et des biens',
  terrorism_prevention: 'Prévention d’actes de terrorisme',
  natural_technological_risks: 'Prévention des risques naturels ou technologiques',
  rescue_fire_defence: 'Secours aux personnes et défense contre l’incendie',
  amusement_park_safety: 'Sécurité des installations accueillant du public dans les parcs d’attraction',
  vehicle_insurance_check: 'Respect de l’obligation d’être assuré pour circuler',
  illegal_dumping: 'Prévention et constatation des dépôts sauvages',
  premises_property_protection: 'Protection des biens dans les locaux',
  premises_visitor_safety: 'Sécurité des personnes accueillies dans les locaux',
  premises_emergency_response: 'Secours et sécurité incendie dans les locaux',
};

const stateLabels: Record<RetentionComplianceRow['authorisation']['state'], string> = {
  valid: 'valide',
  renewal_due: 'renouvellement à déposer',
  expired: 'expirée',
  missing: 'absente',
};

const signageLabels: Record<RetentionComplianceRow['signage'], string> = {
  installed: 'installé',
  planned: 'prévu',
  missing: 'absent',
};

const issueLabels: Record<ComplianceIssueCode, string> = {
  authorisation_missing: 'Aucune autorisation préfectorale enregistrée',
  authorisation_expired: 'Autorisation préfectorale expirée',
  authorisation_renewal_due: 'Dossier de renouvellement à déposer',
  signage_missing: 'Aucun panneau d’information',
  signage_planned: 'Panneau prévu, pas encore installé',
  signage_photo_missing: 'Pas de photo du panneau',
  retention_above_legal_maximum: 'Conservation au-delà du maximum légal',
  recordings_past_retention: 'Enregistrements conservés au-delà de la durée fixée',
  private_space_unmasked: 'Espace privé visible sans masque',
  analytic_not_justified: 'Analyse non justifiée par les finalités',
};

function page(title: string, generatedAt: string, body: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #111; max-width: 60rem; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.6rem; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid #999; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
.blocking { color: #b00020; } .warning { color: #8a5a00; } .ok { color: #1b6e20; }
.meta { color: #555; font-size: 0.85rem; }
@media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">Généré par Vigie le ${escapeHtml(generatedAt)} à partir de la configuration. Document d’aide : il ne vaut pas certification.</p>
${body}
</body>
</html>
`;
}

const list = (items: readonly string[]) => `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;

/** The record of processing as a printable French page. */
export function recordOfProcessingHtml(record: RecordOfProcessing): string {
  const { controller, dpo } = record;
  return page(
    'Registre des activités de traitement — vidéoprotection',
    record.generatedAt,
    `<h2>Traitement</h2><p>${escapeHtml(record.processing)}</p>
<h2>Responsable du traitement</h2><p>${escapeHtml(controller.name)}<br>${escapeHtml(controller.address)}<br>${escapeHtml(controller.email)}${controller.phone === undefined ? '' : `<br>${escapeHtml(controller.phone)}`}</p>
<h2>Délégué à la protection des données</h2><p>${dpo.name === undefined ? '' : `${escapeHtml(dpo.name)}<br>`}${dpo.address === undefined ? '' : `${escapeHtml(dpo.address)}<br>`}${escapeHtml(dpo.email)}</p>
<h2>Base légale</h2><p>${escapeHtml(record.legalBasis)}</p>
<h2>Finalités</h2><table><tr><th>Finalité (CSI L251-2)</th><th>Caméras</th></tr>${record.purposes
      .map((p) => `<tr><td>${escapeHtml(purposeLabels[p.purpose])}</td><td>${p.cameras}</td></tr>`)
      .join('')}</table>
<h2>Personnes concernées</h2>${list(record.dataSubjects)}
<h2>Catégories de données</h2>${list(record.dataCategories)}
<h2>Données exclues</h2>${list(record.excludedData)}
<h2>Analyses automatiques</h2>${
      record.analytics.length === 0
        ? '<p>Aucune.</p>'
        : `<table><tr><th>Analyse</th><th>Caméras</th><th>Fondement</th></tr>${record.analytics
            .map((a) => `<tr><td>${escapeHtml(a.type)}</td><td>${a.cameras}</td><td>${escapeHtml(a.basis)}</td></tr>`)
            .join('')}</table>`
    }
<h2>Évaluation des analyses (précision selon les verdicts des opérateurs)</h2>${
      record.analyticsEvaluation.length === 0
        ? '<p>Aucune alerte qualifiée sur la période.</p>'
        : `<table><tr><th>Caméra</th><th>Analyse</th><th>Mois</th><th>Mode</th><th>Alertes</th><th>Avérées</th><th>Fausses</th><th>Précision</th></tr>${record.analyticsEvaluation
            .map(
              (e) =>
                `<tr><td>${escapeHtml(e.camera)}</td><td>${escapeHtml(e.type)}</td><td>${e.month.slice(0, 7)}</td><td>${e.mode === 'shadow' ? 'fantôme' : 'en service'}</td><td>${e.alerts}</td><td>${e.trueAlerts}</td><td>${e.falseAlarms}</td><td>${e.precision === null ? '—' : `${Math.round(e.precision * 100)} %`}</td></tr>`,
            )
            .join('')}</table>`
    }
<h2>Destinataires</h2>${list(record.recipients)}
<h2>Transferts hors de l’Union européenne</h2><p>Aucun.</p>
<h2>Durées de conservation</h2><p>Maximum légal : ${record.retention.legalMaxDays} jours (${escapeHtml(record.retention.source)}).</p>
<table><tr><th>Caméra</th><th>Conservation</th></tr>${record.retention.cameras
      .map((c) => `<tr><td>${escapeHtml(c.name)}</td><td>${c.retentionDays} jours</td></tr>`)
      .join('')}</table>${list(record.retention.other)}
<h2>Mesures de sécurité</h2>${list(record.securityMeasures)}`,
  );
}

function issuesCell(row: RetentionComplianceRow): string {
  if (row.issues.length === 0) return '<span class="ok">Conforme</span>';
  return row.issues
    .map(
      (i) =>
        `<div class="${i.severity}">${escapeHtml(issueLabels[i.code])} <small>(${escapeHtml(i.source)})</small></div>`,
    )
    .join('');
}

/** The retention-compliance report as a printable French page. */
export function retentionReportHtml(report: RetentionComplianceReport): string {
  const withOldest = report.cameras.some((row) => row.oldestRecordingStoredAt !== undefined);
  const rows = report.cameras
    .map(
      (row) => `<tr>
<td>${escapeHtml(row.name)}${row.enabled ? '' : ' <small>(désactivée)</small>'}</td>
<td>${row.retentionDays} j / ${row.legalMaxRetentionDays} j</td>
${withOldest ? `<td>${escapeHtml(row.oldestRecordingStoredAt ?? '—')}</td>` : ''}
<td>${escapeHtml(stateLabels[row.authorisation.state])}${row.authorisation.reference === null ? '' : `<br><small>${escapeHtml(row.authorisation.reference)}, jusqu’au ${escapeHtml(row.authorisation.expiresOn ?? '')}</small>`}</td>
<td>${escapeHtml(signageLabels[row.signage])}${row.signagePhoto ? ' (photo)' : ''}</td>
<td>${issuesCell(row)}</td>
</tr>`,
    )
    .join('');
  return page(
    'Conformité des caméras : conservation, autorisation, signalisation',
    report.generatedAt,
    `<p>${report.summary.cameras} caméra(s) : <span class="ok">${report.summary.compliant} conforme(s)</span>, <span class="blocking">${report.summary.nonCompliant} non conforme(s)</span>. Conservation maximale légale : ${report.legalMaxRetentionDays} jours (${escapeHtml(report.retentionSource)}).</p>
<table><tr><th>Caméra</th><th>Conservation / maximum</th>${withOldest ? '<th>Plus ancien enregistrement</th>' : ''}<th>Autorisation</th><th>Panneau</th><th>Constats</th></tr>${rows}</table>`,
  );
}
