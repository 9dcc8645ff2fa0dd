import type { IncidentEvent, IncidentState } from '@vigie/core';
import type { IncidentDossier } from '../services/incident.service.js';
import { escapeHtml } from './compliance.html.js';

const stateLabels: Record<IncidentState, string> = {
  new: 'nouveau',
  in_progress: 'en cours',
  resolved: 'résolu',
  closed: 'clos',
};

const eventLabels: Record<IncidentEvent['kind'], string> = {
  opened: 'Ouverture',
  alert_added: 'Alerte rattachée',
  state_changed: 'Changement d’état',
  owner_changed: 'Responsable',
  type_changed: 'Type d’incident',
  step_done: 'Étape faite',
  step_skipped: 'ÉTAPE OBLIGATOIRE SAUTÉE',
  note: 'Note',
  linked: 'Pièce liée',
};

/**
 * The printable incident report (French): what happened where, the procedure and which steps were done or
 * skipped, the alerts, the linked evidence and the whole timeline. Every value is escaped; the page loads
 * and runs nothing.
 */
export function incidentReportHtml(dossier: IncidentDossier, options: { timeZone: string; generatedAt: Date }): string {
  const { incident, type, cameraNames, alerts } = dossier;
  const time = (iso: string) =>
    escapeHtml(
      new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'medium', timeZone: options.timeZone }).format(
        new Date(iso),
      ),
    );
  const camera = (id: string) => escapeHtml(cameraNames[id] ?? id);
  const steps = type.steps
    .map((step) => {
      const done = incident.doneSteps.find((d) => d.stepId === step.id);
      const status =
        done !== undefined
          ? `<span class="ok">fait par ${escapeHtml(done.by)} le ${time(done.at)}</span>`
          : step.required
            ? '<span class="blocking">obligatoire, non fait</span>'
            : 'facultatif, non fait';
      return `<tr><td>${escapeHtml(step.label)}</td><td>${status}</td></tr>`;
    })
    .join('\n');
  const alertRows = alerts
    .map(
      (a) =>
        `<tr><td>${time(a.openedAt)}</td><td>${camera(a.cameraId)}</td><td>${escapeHtml(a.type)}</td><td>${escapeHtml(a.severity)}</td><td>${escapeHtml(a.message)}</td></tr>`,
    )
    .join('\n');
  const links = incident.links
    .map((link) =>
      link.kind === 'clip'
        ? `<li>Clip — ${camera(link.cameraId)}, ${time(link.from)} → ${time(link.to)}</li>`
        : `<li>Export signé n° ${escapeHtml(link.exportId)} (vérifiable avec <code>vigie verify</code> ou la page /verifier)</li>`,
    )
    .join('\n');
  const timeline = incident.timeline
    .map(
      (e) =>
        `<tr class="${e.kind === 'step_skipped' ? 'blocking' : ''}"><td>${time(e.at)}</td><td>${escapeHtml(e.by)}</td><td>${eventLabels[e.kind]}</td><td>${escapeHtml(e.text)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Rapport d’incident — ${escapeHtml(incident.title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #111; max-width: 60rem; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.6rem; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid #999; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
.blocking { color: #b00020; font-weight: bold; } .ok { color: #1b6e20; } .meta { color: #555; font-size: 0.85rem; }
@media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>Rapport d’incident — ${escapeHtml(incident.title)}</h1>
<p class="meta">Incident n° ${escapeHtml(incident.id)} — rapport généré par Vigie le ${time(options.generatedAt.toISOString())}.</p>
<table>
<tr><th>État</th><td>${stateLabels[incident.state]}</td></tr>
<tr><th>Type / procédure</th><td>${escapeHtml(type.name)}</td></tr>
<tr><th>Responsable</th><td>${escapeHtml(incident.owner ?? '—')}</td></tr>
<tr><th>Ouvert le</th><td>${time(incident.openedAt)}</td></tr>
<tr><th>Dernière alerte</th><td>${time(incident.lastAlertAt)}</td></tr>
<tr><th>Caméras</th><td>${incident.cameraIds.map(camera).join(', ')}</td></tr>
<tr><th>Position</th><td>${incident.location.lat.toFixed(5)}, ${incident.location.lon.toFixed(5)}</td></tr>
</table>
<h2>Procédure</h2>
<table><thead><tr><th>Étape</th><th>Suivi</th></tr></thead><tbody>
${steps}
</tbody></table>
<h2>Alertes (${alerts.length})</h2>
<table><thead><tr><th>Heure</th><th>Caméra</th><th>Type</th><th>Gravité</th><th>Message</th></tr></thead><tbody>
${alertRows}
</tbody></table>
<h2>Pièces liées</h2>
${links === '' ? '<p>Aucune.</p>' : `<ul>\n${links}\n</ul>`}
<h2>Chronologie</h2>
<table><thead><tr><th>Heure</th><th>Par</th><th>Événement</th><th>Détail</th></tr></thead><tbody>
${timeline}
</tbody></table>
</body>
</html>
`;
}
