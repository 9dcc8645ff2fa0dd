import type { Box } from '@vigie/core';
import type { Blob } from './background.model.js';
import { iou, unionBox } from './geometry.math.js';
import type { LeftObject } from './rule.context.js';

/** Left-object tracker settings. */
export interface LeftObjectOptions {
  /** Seconds of stillness the background model needed before showing the blob (added back to `since`). */
  leadS: number;
  /** Largest blob, as a fraction of the frame, still taken for an object rather than a person or a car. */
  maxArea?: number;
  /** Seconds unseen after which an object is gone. */
  goneAfterS?: number;
  /** Gap, as a fraction of the larger side of two pieces, under which they are one object. */
  mergeGap?: number;
  /** Seconds of bag detections kept: a bag is often detected while carried and set down, not once still. */
  itemMemoryS?: number;
  /** Seconds before an object became still in which a person within reach of it counts as having brought it. */
  ownerLookbackS?: number;
  /** Outline edges of the frame over the background's above which a still region is a thing without a bag detection. */
  outlineRatio?: number;
}

/** Edge evidence of a region: mean outline gradient in the frame and in the background. */
export type OutlineEdges = (box: Box) => { current: number; background: number };

/** Area of `inner` inside `outer`, over the area of `inner`. */
export function overlapFraction(inner: Box, outer: Box): number {
  const ix = Math.max(0, Math.min(inner.x + inner.w, outer.x + outer.w) - Math.max(inner.x, outer.x));
  const iy = Math.max(0, Math.min(inner.y + inner.h, outer.y + outer.h) - Math.max(inner.y, outer.y));
  const a = inner.w * inner.h;
  return a > 0 ? (ix * iy) / a : 0;
}

/** The smallest box holding both. */
function both(a: Box, b: Box): Box {
  return unionBox([a, b]) ?? a;
}

/** Whether a person box, grown by half its height, touches an object box: someone within reach of it. */
function withinReach(person: Box, object: Box): boolean {
  const m = person.h / 2;
  return (
    person.x - m < object.x + object.w &&
    object.x < person.x + person.w + m &&
    person.y - m < object.y + object.h &&
    object.y < person.y + person.h + m
  );
}

/** Whether two boxes lie within `gap` (a fraction of the larger one's larger side) of each other. */
function near(a: Box, b: Box, gap: number): boolean {
  const g = gap * Math.max(a.w, a.h, b.w, b.h);
  const dx = Math.max(0, Math.max(a.x, b.x) - Math.min(a.x + a.w, b.x + b.w));
  const dy = Math.max(0, Math.max(a.y, b.y) - Math.min(a.y + a.h, b.y + b.h));
  return dx <= g && dy <= g;
}

/** Merges boxes that touch or nearly touch, until none does: the pieces of one item become one box. */
export function mergePieces(boxes: readonly Box[], gap: number): Box[] {
  const merged = [...boxes];
  for (let again = true; again;) {
    again = false;
    for (let i = 0; i < merged.length && !again; i++)
      for (let j = i + 1; j < merged.length; j++) {
        const a = merged[i];
        const b = merged[j];
        if (a === undefined || b === undefined || !near(a, b, gap)) continue;
        merged[i] = both(a, b);
        merged.splice(j, 1);
        again = true;
        break;
      }
  }
  return merged;
}

/**
 * Follows the static-foreground blobs of the background model over time, leaving out those covered by
 * a person or a vehicle (someone standing still, a car at a red light, is not a left object), merging
 * the pieces of one item and taking the box of a bag the detector found over it, and reports the ones
 * that vanish.
 */
export class LeftObjectTracker {
  private objects: LeftObject[] = [];
  private items: { t: number; box: Box }[] = [];
  private people: { t: number; boxes: readonly Box[] }[] = [];
  private nextId = 1;
  private readonly o: Required<LeftObjectOptions>;

  constructor(options: LeftObjectOptions) {
    this.o = {
      maxArea: 0.02,
      goneAfterS: 1,
      mergeGap: 0.5,
      itemMemoryS: 15,
      outlineRatio: 2,
      ownerLookbackS: 10,
      ...options,
    };
  }

  /**
   * Updates with this frame's static blobs, the boxes that hide them (persons, vehicles) and the bags
   * detected; returns current and just-removed objects.
   */
  update(input: {
    blobs: readonly Blob[];
    persons: readonly Box[];
    items?: readonly Box[];
    /** Person boxes only (`persons` also holds vehicles): who may have brought an object. */
    people?: readonly Box[];
    outline?: OutlineEdges;
    t: number;
  }): {
    current: LeftObject[];
    removed: LeftObject[];
  } {
    const { t } = input;
    for (const box of input.items ?? []) this.items.push({ t, box });
    while ((this.items[0]?.t ?? t) < t - this.o.itemMemoryS * 1000) this.items.shift();
    this.people.push({ t, boxes: input.people ?? [] });
    while ((this.people[0]?.t ?? t) < t - (this.o.ownerLookbackS + this.o.leadS) * 1000) this.people.shift();
    const pieces = input.blobs
      .filter((b) => !input.persons.some((p) => overlapFraction(b.box, p) > 0.5))
      .map((b) => b.box);
    const candidates = mergePieces(pieces, this.o.mergeGap).filter((box) => box.w * box.h <= this.o.maxArea);
    const seen = new Set<LeftObject>();
    for (const box of candidates) {
      let best: LeftObject | undefined;
      let bestIou = 0.2;
      for (const o of this.objects) {
        const v = Math.max(iou(o.box, box), overlapFraction(o.box, box) > 0.8 ? 0.5 : 0);
        if (v > bestIou && !seen.has(o)) {
          best = o;
          bestIou = v;
        }
      }
      if (best === undefined) {
        best = { id: this.nextId++, box, since: t - this.o.leadS * 1000, lastSeen: t };
        this.objects.push(best);
      }
      // Its box covers the bag the detector saw there (the still part may be a piece of it).
      const item = this.items.findLast((i) => overlapFraction(box, i.box) >= 0.5);
      if (item !== undefined) best.evidence = 'item';
      best.box = item === undefined ? box : both(box, item.box);
      if (best.evidence === undefined && input.outline !== undefined) {
        const edges = input.outline(box);
        if (edges.current > this.o.outlineRatio * edges.background) best.evidence = 'outline';
      }
      const since = best.since;
      best.brought ||= this.people.some(
        (p) => p.t >= since - this.o.ownerLookbackS * 1000 && p.boxes.some((b) => withinReach(b, box)),
      );
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
