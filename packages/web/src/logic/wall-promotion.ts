import type { Alert } from '../api/contract';
import { compareAlerts, severities } from './alert-order';

/** What the operator is doing, to decide whether the wall may rearrange itself under their eyes. */
export interface OperatorActivity {
  /** A dialog (export, note, qualification…) is open. */
  dialogOpen: boolean;
  /** Milliseconds since the epoch of the last pointer or key action; undefined if none yet. */
  lastInteractionAt: number | undefined;
}

/** Whether promoting a camera now would not disturb an operator who is acting. */
export function operatorIsIdle(activity: OperatorActivity, now: number, quietMs: number): boolean {
  return (
    !activity.dialogOpen && (activity.lastInteractionAt === undefined || now - activity.lastInteractionAt >= quietMs)
  );
}

/** The wall's promotion state: which camera holds the main tile and which alerts wait to take it. */
export interface PromotionState {
  mainCameraId: string | undefined;
  /** The open alert that put its camera on the main tile: a less severe alert waits until it is no longer open. */
  holding: Alert | undefined;
  /** Open alerts waiting to promote their camera, most urgent first. */
  queue: Alert[];
  /** Alert ids already promoted or queued once, so a repeated push does not promote again. */
  seen: ReadonlySet<string>;
}

/** A wall with no alert yet. */
export const initialPromotion: PromotionState = {
  mainCameraId: undefined,
  holding: undefined,
  queue: [],
  seen: new Set(),
};

/**
 * Takes the wall's current alerts: queues new open ones on cameras the wall shows, and drops queued ones
 * that are no longer open (acknowledged elsewhere) or whose camera left the wall; the alert holding the main
 * tile lets go once it is no longer open.
 */
export function queueAlerts(
  state: PromotionState,
  alerts: readonly Alert[],
  wallCameraIds: readonly string[],
): PromotionState {
  const onWall = new Set(wallCameraIds);
  const open = new Map(alerts.filter((a) => a.status === 'open' && onWall.has(a.cameraId)).map((a) => [a.id, a]));
  const fresh = [...open.values()].filter((a) => !state.seen.has(a.id));
  const kept = state.queue.filter((a) => open.has(a.id)).map((a) => open.get(a.id) ?? a);
  const holding = state.holding === undefined ? undefined : open.get(state.holding.id);
  if (fresh.length === 0 && kept.length === state.queue.length) return { ...state, holding, queue: kept };
  return {
    ...state,
    holding,
    queue: [...kept, ...fresh].sort(compareAlerts),
    seen: new Set([...state.seen, ...fresh.map((a) => a.id)]),
  };
}

/** Whether `alert` is less severe than `than` (a camera health notice against a left bag). */
function lessSevere(alert: Alert, than: Alert): boolean {
  return severities.indexOf(alert.severity) > severities.indexOf(than.severity);
}

/**
 * The waiting alert that takes the main tile as soon as the operator is idle: the most urgent one, unless a more
 * severe alert still open holds the main tile (a degraded camera never pushes a left bag aside).
 */
export function nextPromotion(state: PromotionState): Alert | undefined {
  const next = state.queue[0];
  return next === undefined || (state.holding !== undefined && lessSevere(next, state.holding)) ? undefined : next;
}

/**
 * Promotes the camera of the next promotion (`nextPromotion`) to the main tile, but only while the operator is
 * idle; otherwise the promotion stays queued. Returns the alert promoted, if any.
 */
export function promoteNext(
  state: PromotionState,
  options: { activity: OperatorActivity; now: number; quietMs: number },
): { state: PromotionState; promoted: Alert | undefined } {
  const next = nextPromotion(state);
  if (next === undefined || !operatorIsIdle(options.activity, options.now, options.quietMs)) {
    return { state, promoted: undefined };
  }
  // Other alerts on the camera just promoted are shown by it already.
  const queue = state.queue.filter((a) => a.cameraId !== next.cameraId);
  return { state: { ...state, mainCameraId: next.cameraId, holding: next, queue }, promoted: next };
}
