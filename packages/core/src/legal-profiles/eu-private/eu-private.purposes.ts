/** Why a private controller (a shopping centre, a company) films its own premises: legitimate interests. */
export const euPrivatePremisesPurposes = [
  'premises_property_protection',
  'premises_visitor_safety',
  'premises_emergency_response',
] as const;
