/** Messages of the shadow review screen (rules in observation, their labels and promotion), French first. */
export const reviewFr = {
  'nav.review': 'Règles en observation',
  'review.heading': 'Règles en observation',
  'review.intro':
    'Une règle en observation ne prévient aucun opérateur : ses alertes arrivent ici. Étiquetez-les ; la règle ne passe en direct qu’avec assez d’étiquettes et une précision suffisante, rapport joint au journal d’audit.',
  'review.rules': 'Où en est chaque règle',
  'review.noRules':
    'Aucune règle en observation. Choisissez ci-dessous une caméra et une analyse à observer avant sa mise en direct.',
  'review.observe': 'Mettre une règle en observation',
  'review.observeCamera': 'Caméra',
  'review.observeType': 'Analyse (activée sur cette caméra)',
  'review.observeSubmit': 'Observer',
  'review.observeNone': 'Cette caméra n’a aucune analyse en direct à observer : activez-en une dans sa fiche.',
  'review.rule.labels':
    '{labelled} étiquetée(s) sur {needed} requises — vraies {trueAlerts}, fausses {falseAlarms}, sans objet {irrelevant}',
  'review.rule.precision': 'Précision : {precision}',
  'review.rule.noPrecision': 'Précision : pas encore d’étiquette vraie ou fausse',
  'review.rule.policy':
    'Mise en direct : au moins {count} alertes étiquetées vraies ou fausses et une précision d’au moins {precision}.',
  'review.rule.promote': 'Passer en direct',
  'review.rule.promoted':
    '{rule} — {camera} : passée en direct avec une précision de {precision} sur {labelled} alertes étiquetées ; rapport joint au journal d’audit.',
  'review.rule.months': 'Précision par mois (étiquettes en observation, verdicts des opérateurs en direct)',
  'review.rule.month': 'Mois',
  'review.rule.monthAlerts': 'Alertes',
  'review.rule.monthPrecision': 'Précision',
  'review.rule.monthMode': 'Mode',
  'review.mode.shadow': 'observation',
  'review.mode.live': 'direct',
  'review.alerts': 'Alertes à étiqueter',
  'review.alertsCount': '{count} alerte(s) en observation',
  'review.empty': 'Aucune alerte en observation pour ce filtre.',
  'review.unlabelled': 'à étiqueter',
  'review.label.true': 'Vraie',
  'review.label.false': 'Fausse alerte',
  'review.label.irrelevant': 'Sans objet',
  'review.labelAs': 'Étiqueter',
  'review.noSnapshot': 'Pas d’image',
} as const;

/** English messages of the shadow review screen. */
export const reviewEn: Record<keyof typeof reviewFr, string> = {
  'nav.review': 'Rules in shadow',
  'review.heading': 'Rules in shadow',
  'review.intro':
    'A rule in shadow warns no operator: its alerts come here. Label them; the rule goes live only with enough labels and a high enough precision, its report attached to the audit trail.',
  'review.rules': 'Where each rule stands',
  'review.noRules': 'No rule in shadow. Choose below a camera and an analytic to observe before it goes live.',
  'review.observe': 'Put a rule in shadow',
  'review.observeCamera': 'Camera',
  'review.observeType': 'Analytic (switched on for this camera)',
  'review.observeSubmit': 'Observe',
  'review.observeNone': 'This camera has no live analytic to observe: switch one on in its settings.',
  'review.rule.labels':
    '{labelled} labelled of {needed} needed — true {trueAlerts}, false {falseAlarms}, irrelevant {irrelevant}',
  'review.rule.precision': 'Precision: {precision}',
  'review.rule.noPrecision': 'Precision: no true or false label yet',
  'review.rule.policy':
    'Going live needs at least {count} alerts labelled true or false and a precision of at least {precision}.',
  'review.rule.promote': 'Go live',
  'review.rule.promoted':
    '{rule} — {camera}: now live with a precision of {precision} on {labelled} labelled alerts; report attached to the audit trail.',
  'review.rule.months': 'Precision by month (labels in shadow, operators’ verdicts when live)',
  'review.rule.month': 'Month',
  'review.rule.monthAlerts': 'Alerts',
  'review.rule.monthPrecision': 'Precision',
  'review.rule.monthMode': 'Mode',
  'review.mode.shadow': 'shadow',
  'review.mode.live': 'live',
  'review.alerts': 'Alerts to label',
  'review.alertsCount': '{count} alert(s) in shadow',
  'review.empty': 'No alert in shadow for this filter.',
  'review.unlabelled': 'to label',
  'review.label.true': 'True',
  'review.label.false': 'False alarm',
  'review.label.irrelevant': 'Irrelevant',
  'review.labelAs': 'Label',
  'review.noSnapshot': 'No picture',
};
