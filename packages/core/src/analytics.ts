import Type, { type Static } from 'typebox';
import { analyticsEventTypes, type AnalyticsEventType } from './analytic-event-types.js';
import {
  CalibrationSchema,
  DirectionSchema,
  PointSchema,
  PolygonSchema,
  ScheduleWindowSchema,
  zoneKinds,
} from './image-geometry.js';

export { analyticsEventTypes, type AnalyticsEventType } from './analytic-event-types.js';

/**
 * Object classes the detector reports; nothing that identifies a person (LEGAL R16/R17). `vehicle`
 * (car, bus, truck: never a plate) and `two_wheeler` (bicycle, motorbike) hide what stands still under
 * them from the left-object search; they are not person-tracked, and a ridden two-wheeler with no one
 * counted on it stands for its rider in the headcount.
 */
export const detectedClasses = [
  'person',
  'backpack',
  'handbag',
  'suitcase',
  'vehicle',
  'two_wheeler',
  'object',
] as const;

/** One detected object class. */
export type DetectedClass = (typeof detectedClasses)[number];

/** An axis-aligned box in normalised image coordinates: (x, y) top-left, sizes as fractions of the frame. */
export const BoxSchema = Type.Object(
  {
    x: Type.Number(),
    y: Type.Number(),
    w: Type.Number({ minimum: 0 }),
    h: Type.Number({ minimum: 0 }),
  },
  { additionalProperties: false },
);

/** A normalised image box. */
export type Box = Static<typeof BoxSchema>;

/** One detector output: where, what class, how sure. No identity, embedding or face field, by design (R17). */
export interface Detection {
  box: Box;
  label: DetectedClass;
  score: number;
  /** A person found upright only in the view turned by 90°: lying in the frame. */
  lying?: boolean;
  /**
   * Found upright only in the view turned upside down: lying along the camera's axis, head towards
   * it (foreshortened, the box no wider than tall).
   */
  upsideDown?: boolean;
}

/** A decoded video frame: 8-bit gray (1 byte per pixel) or packed RGB (3 bytes per pixel). */
export interface VideoFrame {
  data: Uint8Array;
  width: number;
  height: number;
  format: 'gray' | 'rgb24';
  /** Presentation time in milliseconds since the start of the stream. */
  t: number;
  /**
   * The same instant at a higher resolution (up to the source's own), on some frames only, for the work
   * that needs the detail and runs rarely (the tiled count pass of crowded views); same format.
   */
  detail?: VideoFrame;
}

/** Port for an object detector (onnxruntime, a motion-blob fallback, a test double). */
export interface Detector {
  /** Detects persons and carried objects in one frame. */
  detect(frame: VideoFrame): Promise<Detection[]>;
  /** The same model at another network input size, sharing its session (absent: one size only). */
  atInputSize?(inputSize: number): Detector;
}

/** A zone as analytics use it: its polygon plus what to watch there. */
export const AnalysisZoneSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
    kind: Type.Enum([...zoneKinds]),
    polygon: PolygonSchema,
    direction: Type.Optional(DirectionSchema),
    schedule: Type.Optional(Type.Array(ScheduleWindowSchema, { maxItems: 14 })),
  },
  { additionalProperties: false },
);

/** A counting line crossed from side A to side B ("in") or back ("out"). */
export const CountingLineSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
    a: PointSchema,
    b: PointSchema,
  },
  { additionalProperties: false },
);

const positive = (description: string) => Type.Optional(Type.Number({ exclusiveMinimum: 0, description }));

/** Tunable rule parameters; every one has a default in `defaultRuleParams`. */
export const RuleParamsSchema = Type.Object(
  {
    abandonedAfterS: positive('Seconds an object must stay still and unattended.'),
    attendedWithinM: positive('A person closer than this attends the object.'),
    removedAfterStaticS: positive('An object must have been still this long before its removal is reported.'),
    crowdDensityPerM2: positive('Persons per square metre that raise crowd_density.'),
    crowdMinPersons: positive('Fewest tracked persons for crowd_movement.'),
    crowdDivergencePerS: positive('|mean radial speed| / mean distance to centroid (1/s) for crowd_movement.'),
    runningSpeedMps: positive('Speed above which a person is running.'),
    runningMinS: positive('Seconds the speed must hold.'),
    onGroundAspect: positive('Box width/height above which a person is lying.'),
    onGroundAfterS: positive('Seconds lying and still before person_on_ground.'),
    wrongWayMinSpeedMps: positive('Slowest motion judged for wrong_way.'),
    wrongWayMinS: positive('Seconds of motion against the allowed direction.'),
    countPeriodS: positive('Seconds between people_count reports.'),
    situationEndS: positive(
      'Seconds without any sign of a situation (bag, person down, crowd) after which it has ended; a recurrence after that opens a new alert.',
    ),
    fireMinFraction: positive('Fraction of the frame that must be flickering flame-coloured.'),
    tamperAfterS: positive('Seconds a covered/defocused/moved view must last.'),
  },
  { additionalProperties: false },
);

/** Rule parameters, all optional. */
export type RuleParams = Static<typeof RuleParamsSchema>;

/** Rule parameters with every default applied. */
export type ResolvedRuleParams = Required<RuleParams>;

/** Defaults chosen for a 5 fps analysis of a street camera; the reasons are in packages/vision/README.md. */
export const defaultRuleParams: ResolvedRuleParams = {
  abandonedAfterS: 10,
  attendedWithinM: 2,
  removedAfterStaticS: 10,
  crowdDensityPerM2: 2,
  crowdMinPersons: 6,
  crowdDivergencePerS: 0.25,
  runningSpeedMps: 3,
  runningMinS: 1,
  onGroundAspect: 1.3,
  onGroundAfterS: 4,
  wrongWayMinSpeedMps: 0.5,
  wrongWayMinS: 1,
  countPeriodS: 10,
  situationEndS: 15,
  fireMinFraction: 0.0002,
  tamperAfterS: 3,
};

/** Analytics settings of one camera: zones, counting lines, calibration, rules switched on, parameters. */
export const AnalysisConfigSchema = Type.Object(
  {
    zones: Type.Optional(Type.Array(AnalysisZoneSchema, { maxItems: 64 })),
    lines: Type.Optional(Type.Array(CountingLineSchema, { maxItems: 32 })),
    calibration: Type.Optional(CalibrationSchema),
    rules: Type.Optional(Type.Array(Type.Enum([...analyticsEventTypes]), { maxItems: analyticsEventTypes.length })),
    params: Type.Optional(RuleParamsSchema),
    shadow: Type.Optional(
      Type.Array(Type.Enum([...analyticsEventTypes]), {
        maxItems: analyticsEventTypes.length,
        description: 'Rules running in shadow: their alerts go to the review list, never to the operators.',
      }),
    ),
  },
  { additionalProperties: false },
);

/** A weekly schedule window. */
export type ScheduleWindow = Static<typeof ScheduleWindowSchema>;
/** A zone watched by analytics. */
export type AnalysisZone = Static<typeof AnalysisZoneSchema>;
/** A counting line. */
export type CountingLine = Static<typeof CountingLineSchema>;
/** A ground-plane calibration. */
export type Calibration = Static<typeof CalibrationSchema>;
/** Analytics settings of one camera. */
export type AnalysisConfig = Static<typeof AnalysisConfigSchema>;

/** Applies the defaults to a partial parameter set. */
export function resolveRuleParams(params: RuleParams = {}): ResolvedRuleParams {
  return { ...defaultRuleParams, ...params };
}

/**
 * What a rule reports: type, time, image region, a short reason, an optional number (count, density,
 * speed). It carries ephemeral track numbers only, never an identity, face, embedding or plate (R17).
 */
export const AnalyticsEventSchema = Type.Object(
  {
    type: Type.Enum([...analyticsEventTypes]),
    t: Type.Number({ description: 'Milliseconds since the start of the stream.' }),
    zoneId: Type.Optional(Type.String()),
    region: Type.Optional(BoxSchema),
    value: Type.Optional(Type.Number()),
    countIn: Type.Optional(Type.Integer({ minimum: 0 })),
    countOut: Type.Optional(Type.Integer({ minimum: 0 })),
    reason: Type.String({ maxLength: 200 }),
    tracks: Type.Optional(Type.Array(Type.Integer(), { maxItems: 256 })),
  },
  { additionalProperties: false },
);

/** An event raised by a rule. */
export type AnalyticsEvent = Static<typeof AnalyticsEventSchema>;

/** How urgent an alert is for the operator. */
export const alertSeverities = ['info', 'low', 'medium', 'high'] as const;

/** One alert severity. */
export type AlertSeverity = (typeof alertSeverities)[number];

/** Severity of each event type: what needs a human soonest comes first in the console. */
export const eventSeverity: Record<AnalyticsEventType, AlertSeverity> = {
  abandoned_object: 'high',
  object_removed: 'low',
  people_count: 'info',
  crowd_density: 'medium',
  crowd_movement: 'high',
  rapid_movement: 'medium',
  person_on_ground: 'high',
  intrusion: 'high',
  wrong_way: 'low',
  fire_smoke: 'high',
  camera_tamper: 'medium',
};
