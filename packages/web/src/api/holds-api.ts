import { api } from './client';
import { outcome } from './dpo-api';
import type { Body, Reply } from './schema-types';

/** A legal hold: footage kept past retention for a judicial requisition, with its state. */
export type LegalHold = Reply<'/api/holds', 'get', 200>[number];

/** What a supervisor sends to place a hold. */
export type PlaceHold = Body<'/api/holds', 'post'>;

/** Legal holds: listed for supervisors and the DPO, placed and released by supervisors. */
export const holdsApi = {
  list: () => outcome(api.GET('/api/holds')),
  place: (body: PlaceHold) => outcome(api.POST('/api/holds', { body })),
  release: (holdId: string, reason: string) =>
    outcome(api.POST('/api/holds/{id}/release', { params: { path: { id: holdId } }, body: { reason } })),
};
