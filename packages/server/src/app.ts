import type { SnapshotLanguage } from '@vigie/vision';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifyWebsocket from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  LibraryCameraMaskGateway,
  LibraryOnvifGateway,
  LibraryPtzGateway,
  credentialKeyPath,
  loadOrCreateCredentialVault,
  type CredentialVault,
  LocalDiskStorage,
  decodeImage,
  ffmpegCapabilitiesOrExplain,
  locateFfmpeg,
  type FfmpegCapabilities,
} from '@vigie/media';
import {
  defaultPromotionPolicy,
  definedOnly,
  frenchProfile,
  type Bus,
  type IncidentGrouping,
  type Clock,
  type SegmentStorage,
  type LegalProfile,
  type Notifier,
  type OnvifGateway,
  type CameraMaskGateway,
  type PtzGateway,
  type PromotionPolicy,
  type TransparencyContacts,
  type SourceUrlPolicy,
  defaultSourceUrlPolicy,
  defaultStorageThreshold,
  type StorageThreshold,
  type VolumeSpace,
} from '@vigie/core';
import { InProcessBus } from '@vigie/bus';
import { ClusterRepository, unitOfWork, type VigieDatabase } from '@vigie/db';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { EventHub } from './event-hub.js';
import { PushEventSchema } from './events/push-event.js';
import { BackgroundWork } from './background-work.js';
import { EventIngestor } from './cluster/event-ingestor.js';
import { WorkerMeasures } from './cluster/worker-measures.js';
import { NodeSegmentStorage } from './cluster/node-segment.storage.js';
import { DomainEvents } from './events/domain-events.js';
import { projectToPush } from './events/push-projection.js';
import { AnalyticsStopService } from './services/analytics-stop.service.js';
import { errorBody, errorHandler } from './http-errors.js';
import { identify, registerAccessControl } from './auth/access-control.js';
import { RecentAccess } from './auth/recent-access.js';
import { AnalysisFleet } from './analysis/analysis-fleet.js';
import { AuthorisationWatch } from './analysis/authorisation-watch.js';
import { sharedSchemaCompilers } from './routes/schema-compilers.js';
import { alertRoutes } from './routes/alert.routes.js';
import { wallLayoutRoutes } from './routes/wall-layout.routes.js';
import { analyticsRoutes } from './routes/analytics.routes.js';
import { ruleModeRoutes } from './routes/rule-mode.routes.js';
import { RuleModeService } from './services/rule-mode.service.js';
import { RuleReplayService } from './services/rule-replay.service.js';
import { auditRoutes } from './routes/audit.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { cameraRoutes } from './routes/camera.routes.js';
import { onvifRoutes } from './routes/onvif.routes.js';
import { ptzRoutes } from './routes/ptz.routes.js';
import { legalRegistryRoutes } from './routes/legal-registry.routes.js';
import { videoRoutes } from './routes/video.routes.js';
import { liveStreamRoutes } from './routes/live-stream.routes.js';
import { AlertService } from './services/alert.service.js';
import { WallLayoutService } from './services/wall-layout.service.js';
import { systemRoutes, type ConsoleSettings } from './routes/system.routes.js';
import { userRoutes } from './routes/user.routes.js';
import { tokenRoutes } from './routes/token.routes.js';
import { accessRequestRoutes } from './routes/access-request.routes.js';
import { transparencyRoutes } from './routes/transparency.routes.js';
import { complianceRoutes } from './routes/compliance.routes.js';
import { analysisAuthorisationRoutes } from './routes/analysis-authorisation.routes.js';
import { AnalysisAuthorisationService } from './services/analysis-authorisation.service.js';
import { ModelRegistryService } from './services/model-registry.service.js';
import { modelRoutes } from './routes/model.routes.js';
import { AuthService, type AuthPolicy } from './services/auth.service.js';
import { CameraService } from './services/camera.service.js';
import { CameraStatusService } from './services/camera-status.service.js';
import { LegalRegistryService } from './services/legal-registry.service.js';
import { AccessRequestService } from './services/access-request.service.js';
import { RateLimiter } from './rate-limiter.js';
import { TransparencyService } from './services/transparency.service.js';
import { ComplianceService } from './services/compliance.service.js';
import { demoTransparencyContacts } from './config.js';
import type { PasswordHashCost } from './auth/password-hashing.js';
import { UserService } from './services/user.service.js';
import { OutboxNotifier } from './services/outbox-notifier.js';
import { HabilitationService, habilitationPolicy, type HabilitationPolicy } from './services/habilitation.service.js';
import { habilitationRoutes } from './routes/habilitation.routes.js';
import { ExportService } from './video/export.service.js';
import { LegalHoldService } from './services/legal-hold.service.js';
import { UnmaskService } from './services/unmask.service.js';
import { unmaskRoutes } from './routes/unmask.routes.js';
import { loadOrCreateCustodyKey } from './security/custody-key.js';
import { IncidentService } from './services/incident.service.js';
import { incidentRoutes } from './routes/incident.routes.js';
import { legalHoldRoutes } from './routes/legal-hold.routes.js';
import { vigieVersion } from './version.js';
import { registerNulGuard } from './security/nul-guard.js';
import { registerSecurityHeaders } from './security/security-headers.js';
import { loadOrCreateInstallationKey, type InstallationKey } from './security/installation-key.js';
import { dataDirOnEncryptedVolume } from './security/encrypted-volume.js';
import { OnvifService } from './services/onvif.service.js';
import { PtzService } from './services/ptz.service.js';
import { AuditAnchor, installationFiles } from './security/audit-anchor.js';
import { CoalescedAudit } from './security/coalesced-audit.js';
import { RecorderFleet, type RecorderFleetOptions } from './video/recorder-fleet.js';
import { RecordingService, type MediaTools } from './video/recording.service.js';
import { RetentionPurge } from './video/retention.purge.js';
import { heldCopiesRecovery } from './video/held-copies.recovery.js';
import { recoverServerSpool } from './video/spool-recovery.js';
import { StorageWatch, volumeSpace } from './video/storage-watch.js';
import { ViewingSessions } from './video/viewing-sessions.js';
import { LiveFeeds } from './video/live-feeds.js';
import { consoleStaticOptions, isConsoleAsset, sendConsolePage } from './web/console-assets.js';

/** What the HTTP application is built from. */
export interface AppDependencies {
  /** What taking a rule out of shadow requires (default: 20 labelled shadow alerts, precision ≥ 0.5). */
  promotionPolicy?: PromotionPolicy;
  database: VigieDatabase;
  clock: Clock;
  profile?: LegalProfile;
  /** How near and how close in time alerts group into one incident (default: 300 m, 10 minutes). */
  incidentGrouping?: IncidentGrouping;
  logger?: FastifyServerOptions['logger'];
  /** Built console to serve at `/`; defaults to packages/web/dist when it exists. */
  webRoot?: string;
  authPolicy?: AuthPolicy;
  /** Recordings (`recordings/`), exports and scratch files (`work/`) live under this directory. */
  mediaDir: string;
  /** Resolves the ffmpeg binary (default: the system ffmpeg, else the npm-shipped one). */
  ffmpegPath?: () => string;
  /** What that ffmpeg can do (`ffmpegCapabilitiesOrExplain`); default: probed when recording starts. */
  ffmpegCapabilities?: FfmpegCapabilities;
  /** Argon2id cost of new password hashes: tests lower it; production never sets it (default `passwordHashCost`). */
  passwordCost?: PasswordHashCost;
  /** YOLOX ONNX model for person/object detection; without it, analytics use moving blobs. */
  modelPath?: string;
  /** Fire patch classifier ONNX confirming `fire_smoke`; without it that rule does not run (and says so). */
  fireModelPath?: string;
  /** Operators' language for words burnt into alert snapshots; French when unset. */
  language?: SnapshotLanguage;
  /** Settings the console reads before login (map tiles). */
  console?: ConsoleSettings;
  /** Public access-request form: accepted requests per address and window; default 5 per hour. */
  accessRequestLimit?: { max: number; windowMinutes: number };
  /** Controller and DPO shown on the transparency page; the config's `transparency` section. */
  transparency?: TransparencyContacts;
  /** The domain bus (default: in-process); NATS JetStream to share it with other servers and workers. */
  bus?: Bus;
  /** `embedded` (default): this server records and analyses; `remote`: `vigie worker` processes do. */
  workers?: 'embedded' | 'remote';
  /** Secret shared with workers to fetch the segments they hold (VIGIE_NODE_SECRET). */
  nodeSecret?: string;
  /** Where camera sources may point (default: the strict `defaultSourceUrlPolicy`: no files, no loopback or link-local). */
  sourcePolicy?: SourceUrlPolicy;
  /** The installation's Ed25519 key; default: `<mediaDir>/keys/installation-ed25519.pem`, created on first start. It also signs the audit checkpoints, appended to `<mediaDir>/audit-checkpoints.jsonl`. */
  installationKey?: InstallationKey;
  /** Seals device passwords; default: key file `<mediaDir>/keys/credentials-aes256.key`, created on first start. */
  credentialVault?: CredentialVault;
  /** ONVIF devices on the network (default: the `onvif` library). */
  onvif?: OnvifGateway;
  /** PTZ heads of ONVIF cameras (default: the `onvif` library). */
  ptz?: PtzGateway;
  /** The privacy masks cameras apply themselves (default: ONVIF Media2 through the `onvif` library). */
  cameraMasks?: CameraMaskGateway;
  /**
   * Opens the unmasking custody key `<mediaDir>/keys/unmask-custody.json` (created on first start): with it,
   * the picture behind liftable masks is kept sealed and two-person lifts can show it; without, masks are permanent.
   */
  unmaskSecret?: string;
  /** Measures the recordings volume (default: statfs of `<mediaDir>/recordings`) and when it is low (default: under 5 % and 2 GiB). */
  storageSpace?: { probe?: () => Promise<VolumeSpace>; threshold?: StorageThreshold };
  /** Reverse proxies (CIDR) whose X-Forwarded-For/-Proto are believed: the client's address, and HTTPS for HSTS and Secure cookies. */
  trustedProxies?: readonly string[];
  /** Messages to requesters and the DPO (default: `.eml` files in `<mediaDir>/outbox` for a mail relay). */
  notifier?: Notifier;
  /** Who may see images (LEGAL R8–R10); default: what the legal profile asks (`habilitationPolicy`). */
  habilitation?: HabilitationPolicy;
}

/** The wired application: the Fastify instance and the services entry points share. */
export interface VigieApp {
  http: FastifyInstance;
  cameras: CameraService;
  /** ONVIF discovery and cameras added from their devices. */
  onvif: OnvifService;
  /** The legal registry; `registry.assertViewable(cameraId)` guards every image route. */
  registry: LegalRegistryService;
  /** Citizens' access requests; the footage they hold is kept by the retention purge, which reads the holds from the repository. */
  accessRequests: AccessRequestService;
  /** Analysis authorisations (LEGAL R18): alert analytics run only inside one. */
  authorisations: AnalysisAuthorisationService;
  /** The model registry (LEGAL R23): a model file runs only if registered. */
  models: ModelRegistryService;
  /** Applies their starts and ends when they come; started and stopped with the background work. */
  authorisationWatch: AuthorisationWatch;
  /** Compliance documents: record of processing, retention report (with the oldest stored recordings). */
  compliance: ComplianceService;
  auth: AuthService;
  users: UserService;
  /** Designation acts, training dates and workstations: image routes check them (LEGAL R8–R10). */
  habilitations: HabilitationService;
  /** The browsers' push hub, fed by the projection of the domain bus. */
  events: EventHub;
  /** Publishes and follows domain events on the bus. */
  domainEvents: DomainEvents;
  /** Every background job of this server: `start()` and `stop()` (startServer calls them). */
  background: BackgroundWork;
  /** Stores workers' reports exactly once (also when workers are embedded, for tests and benchmarks). */
  ingestor: EventIngestor;
  /** The stop button of the analytics, persisted (LEGAL R22). */
  analyticsStops: AnalyticsStopService;
  /** Segments wherever they are: this server's disk or the worker that recorded them. */
  recordingStorage: SegmentStorage;
  alerts: AlertService;
  recordings: RecordingService;
  exports: ExportService;
  /** Signs evidence manifests; its public key is published (transparency page, every package). */
  installationKey: InstallationKey;
  /** Signed checkpoints of the audit trail's head, kept outside the database too; `background` takes one every 10 minutes. */
  auditAnchor: AuditAnchor;
  /** Audits refusals anyone can provoke (denied requests, unknown users' logins) coalesced per source and minute. */
  refusals: CoalescedAudit;
  /** Legal holds: footage kept past retention for a judicial requisition. */
  holds: LegalHoldService;
  /** Incidents: alerts of nearby cameras grouped, handled along a procedure. */
  incidents: IncidentService;
  /** Watches the recordings volume's free space (absent when remote workers record); `background` runs it every 30 s. */
  storageWatch: StorageWatch | undefined;
  /** The retention purge; `startServer` runs it periodically. */
  purge: RetentionPurge;
  /** The analytics of every camera that has some switched on; started by `startServer`. */
  analysis: AnalysisFleet;
  /** Starts recording every enabled camera (the returned fleet stops with `stop()`). */
  startRecording(
    options?: Pick<
      RecorderFleetOptions,
      'segmentSeconds' | 'backoff' | 'healthCheckMs' | 'ptzFollow' | 'subLiveLingerMs' | 'cameraMaskCheckMs'
    >,
  ): Promise<RecorderFleet>;
  /** Every route with its declared access rule, for the role-matrix test and the docs. */
  routes: RouteSummary[];
}

/** A registered route and what it requires. */
export interface RouteSummary {
  method: string;
  url: string;
  access: string | undefined;
  websocket: boolean;
}

const defaultWebRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Builds the HTTP API and console server around the given database. */
export async function buildApp(deps: AppDependencies): Promise<VigieApp> {
  const events = new EventHub();
  const bus = deps.bus ?? new InProcessBus();
  const work = unitOfWork(deps.database.db, deps.clock);
  const profile = deps.profile ?? frenchProfile;
  // The logger comes with the Fastify instance, built below; events are published only after that.
  const logger: { current?: FastifyBaseLogger } = {};
  const domainEvents = new DomainEvents({
    bus,
    clock: deps.clock,
    onError: (error) => logger.current?.error({ err: error }, 'publishing a domain event failed'),
  });
  const sourcePolicy = deps.sourcePolicy ?? defaultSourceUrlPolicy;
  const vault = deps.credentialVault ?? (await loadOrCreateCredentialVault(credentialKeyPath(deps.mediaDir)));
  const cameras = new CameraService({ work, clock: deps.clock, profile, events: domainEvents, sourcePolicy, vault });
  const ffmpegPath = deps.ffmpegPath ?? (() => locateFfmpeg().path);
  const registry = new LegalRegistryService({
    work,
    clock: deps.clock,
    profile,
    cameras,
    events: domainEvents,
    decodeImage: (contentType, bytes) => decodeImage(ffmpegPath(), contentType, bytes),
  });
  const limit = deps.accessRequestLimit ?? { max: 5, windowMinutes: 60 };
  const contacts = deps.transparency ?? demoTransparencyContacts;
  const accessRequests = new AccessRequestService({
    work,
    clock: deps.clock,
    profile,
    limiter: new RateLimiter({ max: limit.max, windowMs: limit.windowMinutes * 60_000, clock: deps.clock }),
    notifier:
      deps.notifier ??
      new OutboxNotifier(join(deps.mediaDir, 'outbox'), { from: contacts.dpo.email, clock: deps.clock }),
    dpoEmail: contacts.dpo.email,
  });
  // Bound once the analyses and the background work exist: a decision makes both look again.
  const onAuthorisationChange: { current: () => Promise<void> } = { current: () => Promise.resolve() };
  const authorisations = new AnalysisAuthorisationService({
    work,
    clock: deps.clock,
    profile,
    onChange: () => onAuthorisationChange.current(),
  });
  const models = new ModelRegistryService({ work, profile });
  const transparency = new TransparencyService({ work, clock: deps.clock, profile, contacts });
  const users = new UserService(work, definedOnly({ passwordCost: deps.passwordCost }));
  const refusals = new CoalescedAudit({ work, clock: deps.clock });
  const habilitations = new HabilitationService({
    work,
    clock: deps.clock,
    profile,
    policy: deps.habilitation ?? habilitationPolicy(profile),
  });
  const auth = new AuthService({
    work,
    clock: deps.clock,
    refusals,
    ...(deps.authPolicy ? { policy: deps.authPolicy } : {}),
    ...definedOnly({ passwordCost: deps.passwordCost }),
  });
  const recordingsDir = join(deps.mediaDir, 'recordings');
  const storage = new NodeSegmentStorage({
    local: new LocalDiskStorage(recordingsDir),
    work,
    clock: deps.clock,
    ...definedOnly({ secret: deps.nodeSecret }),
  });
  const media: MediaTools = {
    ffmpegPath,
    workDir: join(deps.mediaDir, 'work'),
  };
  await mkdir(media.workDir, { recursive: true });
  await mkdir(recordingsDir, { recursive: true });
  const incidents = new IncidentService({
    work,
    clock: deps.clock,
    events: domainEvents,
    cameras,
    ...definedOnly({ grouping: deps.incidentGrouping }),
    onError: (error) => logger.current?.error({ err: error }, 'filing an alert into an incident failed'),
  });
  const alerts = new AlertService({ work, clock: deps.clock, events: domainEvents, cameras, incidents });
  const wallLayouts = new WallLayoutService({ work, clock: deps.clock, cameras });
  const sessions = new ViewingSessions({ live: 30_000, playback: 15 * 60_000 });
  const liveFeeds = new LiveFeeds((cameraId, message) => logger.current?.warn({ camera: cameraId }, message));
  const recentAccess = new RecentAccess(deps.clock);
  const recordings = new RecordingService({
    work,
    clock: deps.clock,
    cameras,
    storage,
    sessions,
    recentAccess,
    media,
    registry,
    ...(deps.workers === 'remote' ? {} : { liveFeeds }),
    subLive: (cameraId) => fleet?.subLive(cameraId),
    mainLive: (cameraId) => fleet?.mainLive(cameraId),
  });
  const files = installationFiles(deps.mediaDir);
  const installationKey = deps.installationKey ?? (await loadOrCreateInstallationKey(files.key));
  const auditAnchor = new AuditAnchor({ work, key: installationKey, file: files.checkpoints, clock: deps.clock });
  const compliance = new ComplianceService({
    work,
    clock: deps.clock,
    profile,
    contacts,
    verifyAudit: () => auditAnchor.verify(),
    habilitation: habilitations.policy,
    precisionPolicy: deps.promotionPolicy ?? defaultPromotionPolicy,
    encryptedAtRest: () => dataDirOnEncryptedVolume(deps.mediaDir),
  });
  const exports = new ExportService({
    key: installationKey,
    work,
    clock: deps.clock,
    cameras,
    storage,
    // Where exports have always been written, so that exports made before keys were stored stay readable.
    exportStorage: new LocalDiskStorage(join(deps.mediaDir, 'work', 'exports')),
    media,
    registry,
    accessRequests,
    ...definedOnly({ modelPath: deps.modelPath }),
  });
  const holds = new LegalHoldService({ work, clock: deps.clock, cameras });
  const custody =
    deps.unmaskSecret === undefined
      ? undefined
      : await loadOrCreateCustodyKey(join(deps.mediaDir, 'keys', 'unmask-custody.json'), deps.unmaskSecret);
  const unmask = new UnmaskService({
    work,
    clock: deps.clock,
    cameras,
    storage,
    ffmpegPath: media.ffmpegPath,
    ...definedOnly({ custody }),
  });
  // The recording fleet, once started in this process: it measures the streams the health route reports.
  let fleet: RecorderFleet | undefined;
  // …or, for the cameras `vigie worker` processes record, the figures they report with each segment.
  const workerMeasures = new WorkerMeasures({ bus, clock: deps.clock });
  const statuses = new CameraStatusService({
    work,
    cameras,
    clock: deps.clock,
    measures: (cameraId) => fleet?.measures(cameraId) ?? workerMeasures.measures(cameraId),
  });
  const spoolDir = join(deps.mediaDir, 'recordings', '.spool');
  const quarantineDir = join(deps.mediaDir, 'recordings', '.quarantine');
  const purge = new RetentionPurge({ work, clock: deps.clock, storage, profile, quarantineDir });

  const http = Fastify({
    logger: deps.logger ?? false,
    // Unknown keys are rejected, not silently dropped; types are never coerced in bodies.
    ajv: {
      customOptions: {
        removeAdditional: false,
        coerceTypes: false,
        allErrors: true,
        // Rejected values reach the error handler, so that a refused capability asked for as a value is named.
        verbose: true,
      },
    },
    bodyLimit: 1024 * 1024,
    schemaController: { compilersFactory: sharedSchemaCompilers() },
    ...(deps.trustedProxies === undefined || deps.trustedProxies.length === 0
      ? {}
      : { trustProxy: [...deps.trustedProxies] }),
  }).withTypeProvider<TypeBoxTypeProvider>();

  logger.current = http.log;
  const push = await projectToPush(bus, events);
  const stops = new AnalyticsStopService({ work, clock: deps.clock, events: domainEvents });
  const ingestor = new EventIngestor({
    bus,
    work,
    cluster: new ClusterRepository(deps.database.db),
    alerts,
    events: domainEvents,
    measures: workerMeasures,
  });

  const routes: RouteSummary[] = [];
  http.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') {
        routes.push({ method, url: route.url, access: route.config?.access, websocket: route.websocket === true });
      }
    }
  });
  http.setErrorHandler(errorHandler(profile));
  await http.register(fastifyCookie);
  registerSecurityHeaders(http, { mapTileUrl: deps.console?.mapTileUrl });
  registerAccessControl(http, { auth, refusals, habilitations, recent: recentAccess });
  registerNulGuard(http);
  await http.register(fastifyWebsocket);
  await http.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Vigie API',
        version: vigieVersion,
        description:
          'Video-protection supervision. Errors are JSON: { error: { code, message, hint, details[] } }. ' +
          'GET /api/events opens a WebSocket whose messages are PushEvent (components.schemas).',
      },
      // TypeBox schemas are JSON Schema; the swagger typings want their narrower OpenAPI subset.
      components: { schemas: { PushEvent: PushEventSchema as never } },
    },
  });
  const pushAudience = async (request: FastifyRequest) => {
    const caller = await identify(request, auth);
    return caller === undefined ? undefined : cameras.audienceOf(caller);
  };
  const system = { database: deps.database, events, console: deps.console ?? {}, profile, pushAudience };
  await http.register(systemRoutes(system), {
    prefix: '/api',
  });
  await http.register(authRoutes(auth), { prefix: '/api' });
  await http.register(cameraRoutes(cameras), { prefix: '/api' });
  const onvif = new OnvifService({
    work,
    clock: deps.clock,
    cameras,
    gateway: deps.onvif ?? new LibraryOnvifGateway(),
    vault,
  });
  await http.register(onvifRoutes(onvif), { prefix: '/api' });
  const ptzGateway = deps.ptz ?? new LibraryPtzGateway();
  const ptz = new PtzService({
    work,
    clock: deps.clock,
    cameras,
    gateway: ptzGateway,
    vault,
    // Recording starts later (`startRecording`): until then no recorder follows a head.
    masking: {
      aroundMove: (cameraId, move) => (fleet === undefined ? move() : fleet.aroundMove(cameraId, move)),
      follows: (cameraId) => fleet?.followsHead(cameraId) === true,
      presetMasksChanged: async () => fleet?.resync(),
    },
  });
  await http.register(ptzRoutes(ptz), { prefix: '/api' });
  await http.register(auditRoutes({ work, anchor: auditAnchor }), { prefix: '/api' });
  await http.register(videoRoutes({ recordings, exports, statuses, key: installationKey }), { prefix: '/api' });
  await http.register(liveStreamRoutes(recordings), { prefix: '/api' });
  await http.register(alertRoutes(alerts), { prefix: '/api' });
  await http.register(wallLayoutRoutes(wallLayouts), { prefix: '/api' });
  const analysis = new AnalysisFleet({
    work,
    timeZone: profile.timeZone,
    language: deps.language ?? 'fr',
    clock: deps.clock,
    events: domainEvents,
    alerts,
    registry,
    ffmpegPath: media.ffmpegPath,
    log: http.log,
    models,
    vault,
    ...definedOnly({ modelPath: deps.modelPath, fireModelPath: deps.fireModelPath }),
  });
  await http.register(analyticsRoutes({ fleet: analysis, stops, cameras }), { prefix: '/api' });
  const rules = new RuleModeService({
    work,
    events: domainEvents,
    cameras,
    clock: deps.clock,
    ...definedOnly({ policy: deps.promotionPolicy }),
  });
  const replays = new RuleReplayService({
    work,
    clock: deps.clock,
    cameras,
    storage,
    media,
    models,
    lawful: (camera) => analysis.lawful(camera),
    ...definedOnly({ modelPath: deps.modelPath, fireModelPath: deps.fireModelPath }),
    onError: (error) => http.log.warn({ err: error }, 'a rule replay failed'),
  });
  await http.register(ruleModeRoutes({ rules, alerts, replays }), { prefix: '/api' });
  await http.register(legalRegistryRoutes(registry), { prefix: '/api' });
  await http.register(analysisAuthorisationRoutes(authorisations), { prefix: '/api' });
  await http.register(modelRoutes(models), { prefix: '/api' });
  await http.register(userRoutes(users, deps.clock), { prefix: '/api' });
  await http.register(tokenRoutes(users, deps.clock), { prefix: '/api' });
  await http.register(habilitationRoutes(habilitations), { prefix: '/api' });
  await http.register(accessRequestRoutes(accessRequests), { prefix: '/api' });
  await http.register(transparencyRoutes({ transparency, anchor: auditAnchor, key: installationKey }), {
    prefix: '/api',
  });
  await http.register(legalHoldRoutes(holds), { prefix: '/api' });
  await http.register(unmaskRoutes(unmask), { prefix: '/api' });
  await http.register(incidentRoutes(incidents, { clock: deps.clock, timeZone: profile.timeZone }), { prefix: '/api' });
  await http.register(complianceRoutes(compliance), { prefix: '/api' });

  const webRoot = deps.webRoot ?? defaultWebRoot;
  const hasConsole = existsSync(webRoot);
  if (hasConsole) await http.register(fastifyStatic, consoleStaticOptions(webRoot));
  http.setNotFoundHandler((request, reply) => {
    if (hasConsole && request.method === 'GET' && !request.url.startsWith('/api/') && !isConsoleAsset(request.url)) {
      return sendConsolePage(reply);
    }
    return reply
      .status(404)
      .send(errorBody('ROUTE_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0] ?? ''}.`));
  });

  http.addHook('onClose', async () => {
    await background.stop();
    await replays.close();
    await push.close();
    await domainEvents.flushed();
    await recordings.closeAllSessions();
    // A bus the app made is the app's to close; one given to it belongs to the caller.
    if (deps.bus === undefined) await bus.close();
  });

  const startRecording: VigieApp['startRecording'] = async (options) => {
    // What a server killed abruptly left in the spool is indexed (or quarantined) before recording resumes;
    // what a copy recorder left unvouched (the camera's own masks) is masked by Vigie first.
    const heldCopies = await heldCopiesRecovery({
      work,
      storage,
      spoolDir,
      quarantineDir,
      ffmpegPath: media.ffmpegPath(),
      now: deps.clock.now(),
      log: http.log,
      ...definedOnly({ segmentSeconds: options?.segmentSeconds }),
    });
    const recovered = await recoverServerSpool({ work, storage, spoolDir, quarantineDir, distrusted: heldCopies });
    if (recovered.straysStopped + recovered.indexed + recovered.quarantined > 0)
      http.log.warn(recovered, 'recording spool recovered');
    await heldCopies.finish();
    const started = new RecorderFleet({
      work,
      clock: deps.clock,
      events: domainEvents,
      alerts,
      storage,
      spoolDir,
      quarantineDir,
      ffmpegPath: media.ffmpegPath(),
      ffmpegCapabilities: deps.ffmpegCapabilities ?? (await ffmpegCapabilitiesOrExplain(media.ffmpegPath())),
      log: http.log,
      liveFeeds,
      sourcePolicy,
      vault,
      ptz: ptzGateway,
      cameraMasks: deps.cameraMasks ?? new LibraryCameraMaskGateway(),
      ...(custody === undefined ? {} : { custody: custody.publicKey }),
      // The analysis of a camera pulled once reads its recorder's copy: it follows the recorder.
      onAnalysisTap: (cameraId) => analysis.recorderChanged(cameraId),
      ...options,
    });
    analysis.followRecorders(started);
    await started.start();
    fleet = started;
    return started;
  };
  const remote = deps.workers === 'remote';
  const storageWatch = remote
    ? undefined
    : new StorageWatch({
        work,
        clock: deps.clock,
        alerts,
        probe: deps.storageSpace?.probe ?? (() => volumeSpace(recordingsDir)),
        threshold: deps.storageSpace?.threshold ?? defaultStorageThreshold,
        log: http.log,
      });
  const authorisationWatch = new AuthorisationWatch({ authorisations, clock: deps.clock, log: http.log });
  const background = new BackgroundWork({
    ...(remote ? { ingestor } : { startRecording: () => startRecording(), analysis }),
    purge,
    recordings,
    authorisationWatch,
    auditAnchor,
    refusals,
    ...definedOnly({ storageWatch }),
    refreshStatistics: () => deps.database.refreshStatistics(),
    remindDeadlines: () => accessRequests.remindDeadlines(),
    log: http.log,
  });
  onAuthorisationChange.current = async () => {
    if (!remote) await analysis.resync();
    void authorisationWatch.rearm();
  };

  return {
    http,
    cameras,
    onvif,
    registry,
    authorisations,
    authorisationWatch,
    models,
    auth,
    users,
    habilitations,
    events,
    domainEvents,
    background,
    ingestor,
    analyticsStops: stops,
    recordingStorage: storage,
    alerts,
    recordings,
    exports,
    installationKey,
    auditAnchor,
    refusals,
    holds,
    incidents,
    purge,
    storageWatch,
    analysis,
    startRecording,
    accessRequests,
    compliance,
    routes,
  };
}
