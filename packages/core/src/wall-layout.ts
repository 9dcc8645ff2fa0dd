import Type, { type Static } from 'typebox';

/** The tile counts an operator's wall offers. */
export const wallGrids = [1, 4, 9, 16] as const;

/** How many tiles a wall shows. */
export type WallGrid = (typeof wallGrids)[number];

/** Shortest and longest time a touring tile stays on one camera. */
export const tourDwellLimitsS = { min: 5, max: 600 } as const;

/** One tile of a saved wall: no camera (empty), one camera, or a tour cycling through several. */
export const WallTileSchema = Type.Object(
  {
    cameraIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 32, uniqueItems: true }),
    dwellS: Type.Optional(
      Type.Integer({
        minimum: tourDwellLimitsS.min,
        maximum: tourDwellLimitsS.max,
        description: 'Seconds on each camera of a tour (two or more cameras).',
      }),
    ),
  },
  { additionalProperties: false },
);

/** A tile of a saved wall. */
export type WallTile = Static<typeof WallTileSchema>;

/** A wall an operator saved under a name: its grid and what each tile shows, in order. */
export const WallLayoutInputSchema = Type.Object(
  {
    grid: Type.Enum([...wallGrids]),
    tiles: Type.Array(WallTileSchema, { maxItems: 16 }),
  },
  { additionalProperties: false },
);

/** What an operator saves. */
export type WallLayoutInput = Static<typeof WallLayoutInputSchema>;

/** A saved wall as the API returns it. */
export const WallLayoutSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 60 }),
    grid: Type.Enum([...wallGrids]),
    tiles: Type.Array(WallTileSchema),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

/** A saved wall. */
export type WallLayout = Static<typeof WallLayoutSchema>;

/** The camera a tile shows at a moment: a tour moves on every `dwellS` seconds from the epoch, so every screen agrees. */
export function tileCameraAt(tile: WallTile, nowMs: number, defaultDwellS = 10): string | undefined {
  if (tile.cameraIds.length <= 1) return tile.cameraIds[0];
  const step = Math.floor(nowMs / ((tile.dwellS ?? defaultDwellS) * 1000));
  return tile.cameraIds[step % tile.cameraIds.length];
}
