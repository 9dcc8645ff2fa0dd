import type { RuleParamName } from '../api/review-api';

/** The message key of a rule parameter's label, one per parameter the API knows. */
type RuleParamKey = `ruleParam.${RuleParamName}`;

/**
 * Labels of the rules' tunable parameters with their unit, French first; merged into messages.ts. The
 * `satisfies` makes a parameter added to the rules without its label a type error.
 */
export const ruleParamsFr = {
  'ruleParam.abandonedAfterS': 'Immobile et sans surveillance pendant (s)',
  'ruleParam.attendedWithinM': 'Surveillé par une personne à moins de (m)',
  'ruleParam.removedAfterStaticS': 'Immobile avant son enlèvement depuis au moins (s)',
  'ruleParam.crowdDensityPerM2': 'Densité de foule (personnes/m²)',
  'ruleParam.crowdMinPersons': 'Nombre minimal de personnes suivies',
  'ruleParam.crowdDivergencePerS': 'Vitesse de dispersion ou de rassemblement (1/s)',
  'ruleParam.runningSpeedMps': 'Vitesse de course (m/s)',
  'ruleParam.runningMinS': 'Durée minimale de course (s)',
  'ruleParam.onGroundAspect': 'Rapport largeur/hauteur d’une personne allongée',
  'ruleParam.onGroundAfterS': 'Au sol et immobile pendant (s)',
  'ruleParam.wrongWayMinSpeedMps': 'Vitesse minimale prise en compte (m/s)',
  'ruleParam.wrongWayMinS': 'Durée minimale à contresens (s)',
  'ruleParam.countPeriodS': 'Intervalle entre deux comptages (s)',
  'ruleParam.situationEndS': 'Situation terminée après une absence de signe de (s)',
  'ruleParam.fireMinFraction': 'Surface minimale de flammes (fraction de l’image, 0 à 1)',
  'ruleParam.tamperAfterS': 'Délai avant alerte (s)',
} as const satisfies Record<RuleParamKey, string>;

/** English labels of the rules' tunable parameters. */
export const ruleParamsEn: Record<keyof typeof ruleParamsFr, string> = {
  'ruleParam.abandonedAfterS': 'Still and unattended for (s)',
  'ruleParam.attendedWithinM': 'Attended by a person within (m)',
  'ruleParam.removedAfterStaticS': 'Still before its removal for at least (s)',
  'ruleParam.crowdDensityPerM2': 'Crowd density (persons/m²)',
  'ruleParam.crowdMinPersons': 'Fewest tracked persons',
  'ruleParam.crowdDivergencePerS': 'Dispersal or gathering rate (1/s)',
  'ruleParam.runningSpeedMps': 'Running speed (m/s)',
  'ruleParam.runningMinS': 'Shortest running time (s)',
  'ruleParam.onGroundAspect': 'Width/height ratio of a person lying down',
  'ruleParam.onGroundAfterS': 'On the ground and still for (s)',
  'ruleParam.wrongWayMinSpeedMps': 'Slowest speed considered (m/s)',
  'ruleParam.wrongWayMinS': 'Shortest time against the direction (s)',
  'ruleParam.countPeriodS': 'Interval between two counts (s)',
  'ruleParam.situationEndS': 'Situation over after no sign for (s)',
  'ruleParam.fireMinFraction': 'Smallest flame area (fraction of the frame, 0 to 1)',
  'ruleParam.tamperAfterS': 'Delay before alert (s)',
};
