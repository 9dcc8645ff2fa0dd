import { transparencyEn, transparencyFr } from './transparency.messages';

/** The languages of the console; French first, since the first users are French cities. */
export const languages = ['fr', 'en'] as const;

/** A console language. */
export type Language = (typeof languages)[number];

const fr = {
  'app.title': 'Vigie — supervision',
  'app.tagline': 'Vidéoprotection respectueuse de la vie privée',
  'nav.cameras': 'Caméras',
  'cameras.heading': 'Caméras',
  'cameras.empty': 'Aucune caméra enregistrée.',
  'cameras.loading': 'Chargement des caméras…',
  'cameras.error': 'Impossible de charger les caméras : {message}',
  'cameras.count': '{count} caméra(s)',
  'camera.name': 'Nom',
  'camera.purposes': 'Finalités',
  'camera.retention': 'Conservation',
  'camera.retentionDays': '{days} j',
  'camera.masks': 'Masques',
  'camera.enabled': 'Active',
  'camera.location': 'Position',
  'common.yes': 'oui',
  'common.no': 'non',
  'status.live': 'Connecté',
  'status.offline': 'Déconnecté',
  'language.label': 'Langue',
  'login.heading': 'Connexion des agents habilités',
  'login.username': 'Identifiant',
  'login.password': 'Mot de passe',
  'login.totp': 'Code à usage unique (rôles qui voient les images)',
  'login.submit': 'Se connecter',
  'login.logout': 'Se déconnecter',
  'purpose.public_buildings_protection': 'Protection des bâtiments publics',
  'purpose.national_defence_installations': 'Installations de défense nationale',
  'purpose.traffic_regulation': 'Régulation du trafic',
  'purpose.traffic_offences': 'Infractions au code de la route',
  'purpose.public_space_safety': 'Sécurité des personnes et des biens',
  'purpose.terrorism_prevention': 'Prévention du terrorisme',
  'purpose.natural_technological_risks': 'Risques naturels ou technologiques',
  'purpose.rescue_fire_defence': 'Secours et défense contre l’incendie',
  'purpose.amusement_park_safety': 'Sécurité des parcs d’attractions',
  'purpose.vehicle_insurance_check': 'Obligation d’assurance',
  'purpose.illegal_dumping': 'Dépôts sauvages',
  ...transparencyFr,
} as const;

/** A message key. */
export type MessageKey = keyof typeof fr;

const en: Record<MessageKey, string> = {
  'app.title': 'Vigie — supervision',
  'app.tagline': 'Privacy-by-design video protection',
  'nav.cameras': 'Cameras',
  'cameras.heading': 'Cameras',
  'cameras.empty': 'No camera registered.',
  'cameras.loading': 'Loading cameras…',
  'cameras.error': 'Could not load cameras: {message}',
  'cameras.count': '{count} camera(s)',
  'camera.name': 'Name',
  'camera.purposes': 'Purposes',
  'camera.retention': 'Retention',
  'camera.retentionDays': '{days} d',
  'camera.masks': 'Masks',
  'camera.enabled': 'Enabled',
  'camera.location': 'Location',
  'common.yes': 'yes',
  'common.no': 'no',
  'status.live': 'Connected',
  'status.offline': 'Disconnected',
  'language.label': 'Language',
  'login.heading': 'Sign in (authorised staff)',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.totp': 'One-time code (roles that view images)',
  'login.submit': 'Sign in',
  'login.logout': 'Sign out',
  'purpose.public_buildings_protection': 'Public buildings protection',
  'purpose.national_defence_installations': 'National defence installations',
  'purpose.traffic_regulation': 'Traffic regulation',
  'purpose.traffic_offences': 'Traffic offences',
  'purpose.public_space_safety': 'Safety of people and property',
  'purpose.terrorism_prevention': 'Terrorism prevention',
  'purpose.natural_technological_risks': 'Natural or technological risks',
  'purpose.rescue_fire_defence': 'Rescue and fire defence',
  'purpose.amusement_park_safety': 'Amusement park safety',
  'purpose.vehicle_insurance_check': 'Vehicle insurance check',
  'purpose.illegal_dumping': 'Illegal dumping',
  ...transparencyEn,
};

/** Every message in every language. */
export const messages: Record<Language, Record<MessageKey, string>> = { fr, en };

/** Formats a message, replacing `{name}` placeholders. */
export function format(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  return messages[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
