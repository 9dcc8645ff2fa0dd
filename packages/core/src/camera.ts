import Type, { type Static } from 'typebox';
import { purposes } from './legal-profile.js';

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

const IdSchema = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9_-]+$',
});

/** An area of the image that analytics watch (intrusion, counting, density…). */
export const ZoneSchema = Type.Object(
  {
    id: IdSchema,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    polygon: PolygonSchema,
  },
  { additionalProperties: false },
);

/** An area blacked out before any pixel is stored or shown (dwellings, private spaces). */
export const MaskSchema = Type.Object(
  {
    id: IdSchema,
    label: Type.Optional(Type.String({ maxLength: 100 })),
    polygon: PolygonSchema,
  },
  { additionalProperties: false },
);

/** A counting line, crossed from side A to side B ("in") or back ("out"), in normalised image coordinates. */
export const LineSchema = Type.Object(
  {
    id: IdSchema,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    a: PointSchema,
    b: PointSchema,
  },
  { additionalProperties: false },
);

/** Where the camera stands on the map. */
export const LocationSchema = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lon: Type.Number({ minimum: -180, maximum: 180 }),
  },
  { additionalProperties: false },
);

const cameraFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  sourceUrl: Type.String({
    minLength: 1,
    maxLength: 2048,
    description: 'rtsp://, rtsps://, http(s):// (MJPEG, HLS) or file:// URL of the stream.',
  }),
  location: LocationSchema,
  heading: Type.Number({
    minimum: 0,
    maximum: 360,
    description: 'Direction the camera faces, degrees from north.',
  }),
  fieldOfView: Type.Number({
    minimum: 1,
    maximum: 360,
    description: 'Horizontal field of view in degrees.',
  }),
  zones: Type.Array(ZoneSchema, { maxItems: 64 }),
  masks: Type.Array(MaskSchema, { maxItems: 64 }),
  lines: Type.Array(LineSchema, { maxItems: 32 }),
  retentionDays: Type.Integer({
    minimum: 1,
    maximum: 30,
    description: 'Days recordings are kept (legal maximum 30).',
  }),
  purposes: Type.Array(Type.Enum([...purposes]), {
    minItems: 1,
    maxItems: purposes.length,
  }),
  enabled: Type.Boolean(),
};

/** What a client sends to register a camera; omitted optional fields take privacy-preserving defaults. */
export const CameraInputSchema = Type.Object(
  {
    name: cameraFields.name,
    sourceUrl: cameraFields.sourceUrl,
    location: cameraFields.location,
    heading: Type.Optional(cameraFields.heading),
    fieldOfView: Type.Optional(cameraFields.fieldOfView),
    zones: Type.Optional(cameraFields.zones),
    masks: Type.Optional(cameraFields.masks),
    lines: Type.Optional(cameraFields.lines),
    retentionDays: Type.Optional(cameraFields.retentionDays),
    purposes: cameraFields.purposes,
    enabled: Type.Optional(cameraFields.enabled),
  },
  { additionalProperties: false },
);

/** What a client sends to change a camera: any subset of the fields. */
export const CameraPatchSchema = Type.Object(
  {
    name: Type.Optional(cameraFields.name),
    sourceUrl: Type.Optional(cameraFields.sourceUrl),
    location: Type.Optional(cameraFields.location),
    heading: Type.Optional(cameraFields.heading),
    fieldOfView: Type.Optional(cameraFields.fieldOfView),
    zones: Type.Optional(cameraFields.zones),
    masks: Type.Optional(cameraFields.masks),
    lines: Type.Optional(cameraFields.lines),
    retentionDays: Type.Optional(cameraFields.retentionDays),
    purposes: Type.Optional(cameraFields.purposes),
    enabled: Type.Optional(cameraFields.enabled),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** A registered camera as the API returns it; credentials in the source URL are never returned. */
export const CameraSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    ...cameraFields,
    version: Type.Integer({
      minimum: 1,
      description: 'Incremented on every change.',
    }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

/** A normalised image point. */
export type Point = Static<typeof PointSchema>;
/** A zone analytics watch. */
export type Zone = Static<typeof ZoneSchema>;
/** A privacy mask. */
export type Mask = Static<typeof MaskSchema>;
/** A counting line. */
export type Line = Static<typeof LineSchema>;
/** Input to register a camera. */
export type CameraInput = Static<typeof CameraInputSchema>;
/** Input to change a camera. */
export type CameraPatch = Static<typeof CameraPatchSchema>;
/** A registered camera. */
export type Camera = Static<typeof CameraSchema>;
/** All fields of a camera that a person sets, with defaults applied. */
export type CameraSettings = Omit<Camera, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
