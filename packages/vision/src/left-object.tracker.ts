import type { Box } from '@vigie/core';
import type { Blob } from './background.model.js';
import { iou } from './geometry.math.js';
import type { LeftObject } from './rule.context.js';

/** Left-object tracker settings. */
export interface LeftObjectOptions {
  /** Seconds of stillness the background model needed before showing the blob (added back to `since`). */
  leadS: number;
  /** Largest blob, as a fraction of the frame, still taken for an object rather than a person or a car. */
  maxArea?: number;
  /** Seconds unseen after which an object is gone. */
  goneAfterS?: number;
}

function overlapFraction(inner: Box, outer: Box): number {
  const ix = Math.max(0, Math.min(inner.x + inner.w, outer.x + outer.w) - Math.max(inner.x, outer.x));
  const iy = Math.max(0, Math.min(inner.y + inner.h, outer.y + outer.h) - Math.max(inner.y, outer.y));
  const a = inner.w * inner.h;
  return a > 0 ? (ix * iy) / a : 0;
}

/**
 * Follows the static-foreground blobs of the background model over time, leaving out those covered by
 * a tracked person (someone standing still is not a left object), and reports the ones that vanish.
 */
export class LeftObjectTracker {
  private objects: LeftObject[] = [];
  private nextId = 1;
  private readonly o: Required<LeftObjectOptions>;

  constructor(options: LeftObjectOptions) {
    this.o = { maxArea: 0.02, goneAfterS: 1, ...options };
  }

  /** Updates with this frame's static blobs and person boxes; returns current and just-removed objects. */
  update(input: { blobs: readonly Blob[]; persons: readonly Box[]; t: number }): {
    current: LeftObject[];
    removed: LeftObject[];
  } {
    const { t } = input;
    const candidates = input.blobs.filter(
      (b) => b.area <= this.o.maxArea && !input.persons.some((p) => overlapFraction(b.box, p) > 0.5),
    );
    const seen = new Set<LeftObject>();
    for (const blob of candidates) {
      let best: LeftObject | undefined;
      let bestIou = 0.2;
      for (const o of this.objects) {
        const v = iou(o.box, blob.box);
        if (v > bestIou && !seen.has(o)) {
          best = o;
          bestIou = v;
        }
      }
      if (best === undefined) {
        best = { id: this.nextId++, box: blob.box, since: t - this.o.leadS * 1000, lastSeen: t };
        this.objects.push(best);
      }
      best.box = blob.box;
      best.lastSeen = t;
      seen.add(best);
    }
    const removed: LeftObject[] = [];
    this.objects = this.objects.filter((o) => {
      // A person standing over the object hides it: not a removal until they step away.
      const hidden = input.persons.some((p) => overlapFraction(o.box, p) > 0.5);
      if (hidden) o.lastSeen = t;
      if (t - o.lastSeen <= this.o.goneAfterS * 1000) return true;
      removed.push(o);
      return false;
    });
    return { current: this.objects.filter((o) => seen.has(o)), removed };
  }
}
