/** Messages of the detached monitors (issue 13), French first; merged into fr.ts and en.ts. */
export const monitorFr = {
  'monitor.openAlarms': 'Ouvrir un moniteur d’alarmes détaché',
  'monitor.openLayout': 'Ouvrir sur un moniteur détaché',
  'monitor.openLayoutHint': 'Affiche ce mur dans une seconde fenêtre, à placer sur un autre écran',
  'monitor.alarms': 'Moniteur d’alarmes',
  'monitor.layout': 'Mur « {name} »',
  'monitor.fullScreen': 'Plein écran',
  'monitor.focus': 'Alerte affichée',
  'monitor.calm': 'Aucune alerte en attente. La prochaine s’affichera ici avec l’image de sa caméra.',
  'monitor.pending': 'Alertes en attente ({count})',
  'monitor.noLive': 'Vos rôles ne permettent pas de voir les images en direct.',
  'monitor.cameraUnavailable': 'Caméra non disponible : elle ne vous est pas attribuée ou a été retirée.',
  'monitor.noLayout':
    'Aucun mur enregistré ne s’appelle « {name} ». Enregistrez-le depuis le mur de la fenêtre principale, puis rouvrez ce moniteur.',
  'monitor.emptyTile': 'Vignette libre',
} as const;

/** The same messages in English. */
export const monitorEn: Record<keyof typeof monitorFr, string> = {
  'monitor.openAlarms': 'Open a detached alarm monitor',
  'monitor.openLayout': 'Open on a detached monitor',
  'monitor.openLayoutHint': 'Shows this wall in a second window, to place on another screen',
  'monitor.alarms': 'Alarm monitor',
  'monitor.layout': 'Wall “{name}”',
  'monitor.fullScreen': 'Full screen',
  'monitor.focus': 'Alert shown',
  'monitor.calm': 'No pending alert. The next one will appear here with its camera’s image.',
  'monitor.pending': 'Pending alerts ({count})',
  'monitor.noLive': 'Your roles do not allow viewing live images.',
  'monitor.cameraUnavailable': 'Camera unavailable: it is not assigned to you or was withdrawn.',
  'monitor.noLayout':
    'No saved wall is called “{name}”. Save it from the wall in the main window, then reopen this monitor.',
  'monitor.emptyTile': 'Free tile',
};
