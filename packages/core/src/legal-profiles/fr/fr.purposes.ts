/** The eleven purposes of article L251-2 of the French internal-security code. */
export const frenchPurposes = [
  'public_buildings_protection',
  'national_defence_installations',
  'traffic_regulation',
  'traffic_offences',
  'public_space_safety',
  'terrorism_prevention',
  'natural_technological_risks',
  'rescue_fire_defence',
  'amusement_park_safety',
  'vehicle_insurance_check',
  'illegal_dumping',
] as const;
