import type { Authorisation } from '../api/contract';

/** How the console warns about a camera's prefectoral authorisation: images locked, renewal due, or nothing. */
export type AuthorisationWarning = 'locked' | 'renewal' | undefined;

/** The warning a camera's authorisation calls for (the server refuses images when expired or missing, LEGAL R1). */
export function authorisationWarning(authorisation: Authorisation | undefined): AuthorisationWarning {
  switch (authorisation?.state) {
    case 'expired':
    case 'missing':
      return 'locked';
    case 'renewal_due':
      return 'renewal';
    case 'valid':
    case undefined:
      return undefined;
  }
}
