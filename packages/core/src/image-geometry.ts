import Type from 'typebox';

/** A point in normalised image coordinates: (0,0) is the top-left corner, (1,1) the bottom-right. */
export const PointSchema = Type.Object(
  {
    x: Type.Number({ minimum: 0, maximum: 1 }),
    y: Type.Number({ minimum: 0, maximum: 1 }),
  },
  { additionalProperties: false },
);

/** A closed polygon over the image, in normalised coordinates. */
export const PolygonSchema = Type.Array(PointSchema, {
  minItems: 3,
  maxItems: 64,
  description: 'Vertices in normalised image coordinates (0–1), at least 3.',
});

/** Whether a point lies inside a polygon (even-odd rule; points on an edge may go either way). */
export function pointInPolygon(p: { x: number; y: number }, polygon: readonly { x: number; y: number }[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i];
    const b = polygon[j];
    if (a === undefined || b === undefined) continue;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/** A direction in the image plane (x right, y down), for one-way zones; need not be unit length. */
/** Distance from a point to the segment from `a` to `b`, in the points' own units. */
export function distanceToSegment(
  p: { x: number; y: number },
  a: { x: number; y: number },
  b: { x: number; y: number },
): number {
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

export const DirectionSchema = Type.Object(
  { x: Type.Number({ minimum: -1, maximum: 1 }), y: Type.Number({ minimum: -1, maximum: 1 }) },
  { additionalProperties: false },
);

/** The kind of event a zone watches for. */
export const zoneKinds = ['forbidden', 'count', 'density', 'one_way', 'object_watch'] as const;

/** A weekly time window, minutes since local midnight; `end` < `start` spans midnight. */
export const ScheduleWindowSchema = Type.Object(
  {
    days: Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), {
      minItems: 1,
      maxItems: 7,
      description: '0 = Sunday … 6 = Saturday.',
    }),
    start: Type.Integer({ minimum: 0, maximum: 1439 }),
    end: Type.Integer({ minimum: 0, maximum: 1440 }),
  },
  { additionalProperties: false },
);

const GroundPointSchema = Type.Object({ x: Type.Number(), y: Type.Number() }, { additionalProperties: false });

/** Ground-plane calibration: four image points (normalised) and where they lie on the ground (metres). */
export const CalibrationSchema = Type.Object(
  {
    image: Type.Array(PointSchema, { minItems: 4, maxItems: 4 }),
    ground: Type.Array(GroundPointSchema, { minItems: 4, maxItems: 4 }),
  },
  { additionalProperties: false },
);
