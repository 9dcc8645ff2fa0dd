/** Messages of the evidence verifier page and the published key, French first; merged into messages.ts. */
export const evidenceFr = {
  'verifier.title': 'Vérifier un paquet de preuve Vigie',
  'verifier.intro':
    'Déposez un paquet exporté (fichier ZIP). La vérification se fait entièrement dans ce navigateur : rien n’est envoyé.',
  'verifier.fingerprint': 'Empreinte de la clé de l’installation (16 caractères)',
  'verifier.fingerprintHint': 'Publiée sur la page de transparence de l’installation.',
  'verifier.file': 'Paquet de preuve (.zip)',
  'verifier.drop': 'ou déposez le fichier ici',
  'verifier.busy': 'Vérification…',
  'verifier.verified': 'VÉRIFIÉ : ce paquet est celui que l’installation a exporté.',
  'verifier.rejected': 'REJETÉ : ce paquet n’est pas celui qui a été exporté.',
  'verifier.unconfirmed_key': 'Intact, mais confirmez l’empreinte de la clé.',
  'verifier.unreadable': 'Fichier illisible : {message}',
  'verifier.summary':
    'Caméra « {camera} », couvre {from} → {to} (demandé {askedFrom} → {askedTo}), exporté par {by} le {at} ; motif : {reason}',
  'verifier.requisition': 'Réquisition : {reference}',
  'evidence.keyTitle': 'Preuves vérifiables',
  'evidence.keyText':
    'Les exports sont signés par la clé de l’installation, d’empreinte {keyId}. Chacun peut vérifier un export sur la page',
  'evidence.keyLink': 'Vérifier un paquet de preuve',
} as const;

/** English messages of the evidence verifier page and the published key. */
export const evidenceEn: Record<keyof typeof evidenceFr, string> = {
  'verifier.title': 'Verify a Vigie evidence package',
  'verifier.intro':
    'Drop an exported package (ZIP file). Verification runs entirely in this browser: nothing is uploaded.',
  'verifier.fingerprint': 'Fingerprint of the installation key (16 characters)',
  'verifier.fingerprintHint': 'Published on the installation’s transparency page.',
  'verifier.file': 'Evidence package (.zip)',
  'verifier.drop': 'or drop the file here',
  'verifier.busy': 'Verifying…',
  'verifier.verified': 'VERIFIED: this package is the one the installation exported.',
  'verifier.rejected': 'REJECTED: this package is not what was exported.',
  'verifier.unconfirmed_key': 'Intact, but confirm the key fingerprint.',
  'verifier.unreadable': 'Unreadable file: {message}',
  'verifier.summary':
    'Camera "{camera}", covers {from} → {to} (asked {askedFrom} → {askedTo}), exported by {by} on {at}; reason: {reason}',
  'verifier.requisition': 'Requisition: {reference}',
  'evidence.keyTitle': 'Verifiable evidence',
  'evidence.keyText':
    'Exports are signed by the installation key, fingerprint {keyId}. Anyone can check an export on the page',
  'evidence.keyLink': 'Verify an evidence package',
};
