import { api } from './client';
import { outcome } from './dpo-api';
import type { Body, Reply } from './schema-types';

/** A lift of a camera's liftable masks over a past range, with its state. */
export type UnmaskLift = Reply<'/api/unmask-lifts', 'get', 200>[number];

/** What a supervisor sends to ask for a lift. */
export type RequestLift = Body<'/api/unmask-lifts', 'post'>;

/** Two-person unmasking: request, decision by someone else, and the watermarked view's address. */
export const unmaskApi = {
  list: () => outcome(api.GET('/api/unmask-lifts')),
  request: (body: RequestLift) => outcome(api.POST('/api/unmask-lifts', { body })),
  decide: (liftId: string, approve: boolean, note: string) =>
    outcome(
      api.POST(approve ? '/api/unmask-lifts/{id}/approve' : '/api/unmask-lifts/{id}/refuse', {
        params: { path: { id: liftId } },
        body: { note },
      }),
    ),
  /** The only address of unmasked pixels: the server checks the lift, then watermarks every frame. */
  videoUrl: (liftId: string) => `/api/unmask-lifts/${encodeURIComponent(liftId)}/video.mp4`,
};
