import Type, { type Static } from 'typebox';
import { tourDwellLimitsS, wallGrids } from './wall-tour.js';

export { tileCameraAt, tourDwellLimitsS, wallGrids, type WallGrid } from './wall-tour.js';

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
