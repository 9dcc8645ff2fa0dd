import Type, { type Static } from 'typebox';
import { analyticsEventTypes } from './analytic-event-types.js';
import {
  CalibrationSchema,
  DirectionSchema,
  PointSchema,
  PolygonSchema,
  ScheduleWindowSchema,
  zoneKinds,
} from './image-geometry.js';
import { purposes } from './legal-profile.js';
import { AuthorisationSummarySchema } from './authorisation.js';
import { RuleSettingsSchema } from './rule-settings.js';

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
    kind: Type.Optional(
      Type.Enum([...zoneKinds], {
        description:
          'What analytics watch here: forbidden (intrusion), count, density, one_way (wrong way), object_watch.',
      }),
    ),
    direction: Type.Optional(DirectionSchema),
    schedule: Type.Optional(Type.Array(ScheduleWindowSchema, { maxItems: 14 })),
  },
  { additionalProperties: false },
);

/** An area blacked out before any pixel is stored or shown (dwellings, private spaces). */
export const MaskSchema = Type.Object(
  {
    id: IdSchema,
    label: Type.Optional(Type.String({ maxLength: 100 })),
    polygon: PolygonSchema,
    liftable: Type.Optional(
      Type.Boolean({
        description:
          'May be lifted for a past range by two people (request, then approval by another with the right role); permanent when absent.',
      }),
    ),
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
/** A position on the map. */
export type Location = Static<typeof LocationSchema>;

const cameraFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  sourceUrl: Type.String({
    minLength: 1,
    maxLength: 2048,
    description:
      'rtsp://, rtsps://, http(s):// (MJPEG, HLS) URL of the stream; file:// only where allowed (the demo). Loopback, link-local and metadata addresses are refused unless the configuration allows their network.',
  }),
  subStreamUrl: Type.String({
    minLength: 1,
    maxLength: 2048,
    description:
      'Optional smaller stream of the same camera (ONVIF sub profile): analysis and small live tiles use it; the main stream (sourceUrl) is recorded.',
  }),
  site: Type.String({
    minLength: 1,
    maxLength: 100,
    description: 'Site or group the camera belongs to (station, town hall…): the wall’s camera tree groups by it.',
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
  analytics: Type.Array(Type.Enum([...analyticsEventTypes]), {
    maxItems: analyticsEventTypes.length,
    uniqueItems: true,
    description:
      'Analytics switched on; none by default. Each must be justified by one of the camera’s purposes (see analyticJustifications); anonymous people_count needs none.',
  }),
  masksOnCamera: Type.Boolean({
    description:
      'The camera applies the privacy masks itself (ONVIF Media2): Vigie checks at start and every few seconds that its masks cover every one of Vigie’s and then records by stream copy; otherwise (not covered, not offered, no answer, liftable or per-preset masks) Vigie burns the masks in itself and warns.',
  }),
  ruleSettings: Type.Optional(RuleSettingsSchema),
  calibration: Type.Optional(
    Type.Union([CalibrationSchema, Type.Null()], {
      description:
        'Ground calibration: four image points (normalised) and where each lies on the ground in metres (e.g. the corners of a marked rectangle of known size). Needed by the rules whose measure is in metres (rapid_movement, crowd_density); null removes it.',
    }),
  ),
};

/** What a client sends to register a camera; omitted optional fields take privacy-preserving defaults. */
export const CameraInputSchema = Type.Object(
  {
    name: cameraFields.name,
    sourceUrl: cameraFields.sourceUrl,
    subStreamUrl: Type.Optional(cameraFields.subStreamUrl),
    site: Type.Optional(cameraFields.site),
    location: cameraFields.location,
    heading: Type.Optional(cameraFields.heading),
    fieldOfView: Type.Optional(cameraFields.fieldOfView),
    zones: Type.Optional(cameraFields.zones),
    masks: Type.Optional(cameraFields.masks),
    lines: Type.Optional(cameraFields.lines),
    retentionDays: Type.Optional(cameraFields.retentionDays),
    purposes: cameraFields.purposes,
    enabled: Type.Optional(cameraFields.enabled),
    analytics: Type.Optional(cameraFields.analytics),
    masksOnCamera: Type.Optional(cameraFields.masksOnCamera),
    ruleSettings: cameraFields.ruleSettings,
    calibration: cameraFields.calibration,
  },
  { additionalProperties: false },
);

/** What a client sends to change a camera: any subset of the fields. */
export const CameraPatchSchema = Type.Object(
  {
    name: Type.Optional(cameraFields.name),
    sourceUrl: Type.Optional(cameraFields.sourceUrl),
    subStreamUrl: Type.Optional(
      Type.Union([cameraFields.subStreamUrl, Type.Null()], { description: 'null removes it.' }),
    ),
    site: Type.Optional(Type.Union([cameraFields.site, Type.Null()], { description: 'null removes it.' })),
    location: Type.Optional(cameraFields.location),
    heading: Type.Optional(cameraFields.heading),
    fieldOfView: Type.Optional(cameraFields.fieldOfView),
    zones: Type.Optional(cameraFields.zones),
    masks: Type.Optional(cameraFields.masks),
    lines: Type.Optional(cameraFields.lines),
    retentionDays: Type.Optional(cameraFields.retentionDays),
    purposes: Type.Optional(cameraFields.purposes),
    enabled: Type.Optional(cameraFields.enabled),
    analytics: Type.Optional(cameraFields.analytics),
    masksOnCamera: Type.Optional(cameraFields.masksOnCamera),
    ruleSettings: cameraFields.ruleSettings,
    calibration: cameraFields.calibration,
  },
  { additionalProperties: false, minProperties: 1 },
);

/** A registered camera as the API returns it; credentials in the source URL are never returned. */
export const CameraSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    ...cameraFields,
    subStreamUrl: Type.Optional(cameraFields.subStreamUrl),
    site: Type.Optional(cameraFields.site),
    masksOnCamera: Type.Optional(cameraFields.masksOnCamera),
    version: Type.Integer({
      minimum: 1,
      description: 'Incremented on every change.',
    }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    authorisation: AuthorisationSummarySchema,
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
export type CameraSettings = Omit<Camera, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'authorisation'>;
