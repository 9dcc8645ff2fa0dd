import {
  AccountabilityStatisticsSchema,
  CameraMonthStatisticsSchema,
  type AccountabilityStatistics,
} from './accountability.js';
import Type, { type Static } from 'typebox';
import { analyticsEventTypes } from './analytic-event-types.js';
import type { Camera } from './camera.js';
import { LocationSchema } from './camera.js';
import { purposes, type LegalProfile } from './legal-profile.js';
import { authorisationStates } from './authorisation.js';
import {
  analysisAuthorisationState,
  analysisAuthorisationStates,
  type AnalysisAuthorisation,
} from './analysis-authorisation.js';
import { authorisationState, signageStatuses, type RegistryEntry } from './registry.js';
import { definedOnly } from './defined-only.js';

/** Who answers for the cameras, and how a person reaches the data protection officer (GDPR art. 13). */
export const TransparencyContactsSchema = Type.Object(
  {
    controller: Type.Object(
      {
        name: Type.String({
          minLength: 1,
          maxLength: 200,
          description: 'The data controller: usually the mayor’s office.',
        }),
        address: Type.String({ minLength: 1, maxLength: 500 }),
        email: Type.String({ format: 'email' }),
        phone: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
      },
      { additionalProperties: false },
    ),
    dpo: Type.Object(
      {
        name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        email: Type.String({ format: 'email' }),
        address: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
      },
      { additionalProperties: false },
    ),
    complaintUrl: Type.String({
      format: 'uri',
      description: 'Where to complain about the processing: the CNIL in France.',
    }),
  },
  { additionalProperties: false },
);

/** What the public may know about one camera; never its stream address or anything secret. */
export const PublicCameraSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    location: LocationSchema,
    heading: Type.Number(),
    fieldOfView: Type.Number(),
    purposes: Type.Array(Type.Enum([...purposes])),
    retentionDays: Type.Integer(),
    enabled: Type.Boolean(),
    signage: Type.Enum([...signageStatuses], { description: 'missing also when no registry entry exists.' }),
    analytics: Type.Array(Type.Enum([...analyticsEventTypes])),
    authorisation: Type.Object(
      {
        state: Type.Enum([...authorisationStates]),
        reference: Type.Union([Type.String(), Type.Null()], { description: 'Number of the prefectoral order.' }),
        expiresOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** The public notice of an analysis authorisation (R26): shown before it starts, until it ends. */
export const PublicAnalysisAuthorisationSchema = Type.Object(
  {
    reference: Type.String(),
    legalBasis: Type.String(),
    occasion: Type.String(),
    responsibleService: Type.String(),
    cameras: Type.Array(Type.String(), { description: 'Names of the cameras it covers.' }),
    eventTypes: Type.Array(Type.Enum([...analyticsEventTypes])),
    startsAt: Type.String({ format: 'date-time' }),
    endsAt: Type.String({ format: 'date-time' }),
    state: Type.Enum([...analysisAuthorisationStates]),
    publicNotice: Type.String(),
  },
  { additionalProperties: false },
);

/** The public second-level information page as data (R14): who, why, how long, and each camera. */
export const TransparencySchema = Type.Object(
  {
    ...TransparencyContactsSchema.properties,
    legalProfile: Type.Object(
      {
        id: Type.String(),
        title: Type.String(),
        timeZone: Type.String({
          description: 'The IANA time zone in which the city states and reads dates and times.',
        }),
      },
      { additionalProperties: false, description: 'The rules this installation runs under.' },
    ),
    analysisAuthorisations: Type.Array(PublicAnalysisAuthorisationSchema, {
      description: 'Analysis authorisations not ended yet, each with its public notice (scheduled ones included).',
    }),
    accessRequestDeadlineMonths: Type.Integer({ description: 'Months within which an access request is answered.' }),
    maxRetentionDays: Type.Integer({ description: 'Legal maximum retention of recordings.' }),
    generatedAt: Type.String({ format: 'date-time' }),
    cameras: Type.Array(PublicCameraSchema),
    statistics: Type.Optional(AccountabilityStatisticsSchema),
  },
  { additionalProperties: false },
);

const PublicCameraPropertiesSchema = Type.Object(
  {
    name: Type.String(),
    heading: Type.Number(),
    fieldOfView: Type.Number(),
    purposes: Type.Array(Type.String()),
    retentionDays: Type.Integer(),
    enabled: Type.Boolean(),
    signage: Type.String(),
    analytics: Type.Array(Type.String()),
    authorisationState: Type.String(),
    statistics: Type.Optional(
      Type.Array(CameraMonthStatisticsSchema, { description: 'How this camera’s images were used, month by month.' }),
    ),
  },
  { additionalProperties: false },
);

/** The cameras as a GeoJSON FeatureCollection of points (RFC 7946: longitude first). */
export const TransparencyGeoJsonSchema = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(
      Type.Object(
        {
          type: Type.Literal('Feature'),
          id: Type.String(),
          geometry: Type.Object(
            {
              type: Type.Literal('Point'),
              coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }),
            },
            { additionalProperties: false },
          ),
          properties: PublicCameraPropertiesSchema,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/** The controller's and DPO's contacts. */
export type TransparencyContacts = Static<typeof TransparencyContactsSchema>;
/** One camera as the public sees it. */
export type PublicCamera = Static<typeof PublicCameraSchema>;
/** The transparency page's data. */
export type Transparency = Static<typeof TransparencySchema>;
/** The cameras as GeoJSON. */
export type TransparencyGeoJson = Static<typeof TransparencyGeoJsonSchema>;

/** One camera as the public sees it: purposes, retention, signage, analytics, authorisation; no source. */
export function publicCamera(camera: Camera, entry: RegistryEntry | undefined, now: Date): PublicCamera {
  return {
    id: camera.id,
    name: camera.name,
    location: camera.location,
    heading: camera.heading,
    fieldOfView: camera.fieldOfView,
    purposes: camera.purposes,
    retentionDays: camera.retentionDays,
    enabled: camera.enabled,
    signage: entry?.signage.status ?? 'missing',
    analytics: camera.analytics,
    authorisation: {
      state: authorisationState(entry, now),
      reference: entry?.authorisation.reference ?? null,
      expiresOn: entry?.authorisation.expiresOn ?? null,
    },
  };
}

/** Builds the transparency page's data from the configuration, the registries and the analysis authorisations. */
export function transparencyReport(input: {
  contacts: TransparencyContacts;
  cameras: readonly Camera[];
  registry: readonly RegistryEntry[];
  authorisations?: readonly AnalysisAuthorisation[];
  now: Date;
  profile: LegalProfile;
  /** Accountability statistics from the audit trail (counts only). */
  statistics?: AccountabilityStatistics;
}): Transparency {
  const entries = new Map(input.registry.map((entry) => [entry.cameraId, entry]));
  const names = new Map(input.cameras.map((camera) => [camera.id, camera.name]));
  const notices = (input.authorisations ?? [])
    .map((a) => ({ ...a, state: analysisAuthorisationState(a, input.now) }))
    .filter((a) => a.state !== 'ended')
    .map((a) => ({
      reference: a.reference,
      legalBasis: a.legalBasis,
      occasion: a.occasion,
      responsibleService: a.responsibleService,
      cameras: a.cameraIds.flatMap((id) => names.get(id) ?? []),
      eventTypes: a.eventTypes,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      state: a.state,
      publicNotice: a.publicNotice,
    }));
  return {
    ...input.contacts,
    legalProfile: { id: input.profile.id, title: input.profile.title.fr, timeZone: input.profile.timeZone },
    analysisAuthorisations: notices,
    accessRequestDeadlineMonths: input.profile.accessRequestDeadlineMonths,
    maxRetentionDays: input.profile.maxRetentionDays,
    generatedAt: input.now.toISOString(),
    cameras: input.cameras.map((camera) => publicCamera(camera, entries.get(camera.id), input.now)),
    ...definedOnly({ statistics: input.statistics }),
  };
}

/** The cameras of a transparency report as GeoJSON points. */
export function transparencyGeoJson(report: Pick<Transparency, 'cameras' | 'statistics'>): TransparencyGeoJson {
  const statistics = report.statistics?.cameras ?? [];
  return {
    type: 'FeatureCollection',
    features: report.cameras.map((camera) => ({
      type: 'Feature',
      id: camera.id,
      geometry: { type: 'Point', coordinates: [camera.location.lon, camera.location.lat] },
      properties: {
        name: camera.name,
        heading: camera.heading,
        fieldOfView: camera.fieldOfView,
        purposes: camera.purposes,
        retentionDays: camera.retentionDays,
        enabled: camera.enabled,
        signage: camera.signage,
        analytics: camera.analytics,
        authorisationState: camera.authorisation.state,
        ...(report.statistics === undefined
          ? {}
          : { statistics: statistics.filter((row) => row.cameraId === camera.id) }),
      },
    })),
  };
}
