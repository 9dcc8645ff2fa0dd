import type { AuditEntry, AuditInput, Clock } from '@vigie/core';
import { whileDatabaseAway } from './connection-loss.js';
import type { Kysely } from 'kysely';
import { AlertRepository } from './alert.repository.js';
import { AnalysisAuthorisationRepository } from './analysis-authorisation.repository.js';
import { ModelRepository } from './model.repository.js';
import { OnvifDeviceRepository } from './onvif-device.repository.js';
import { PtzMaskRepository } from './ptz-mask.repository.js';
import { RuleReplayRepository } from './rule-replay.repository.js';
import { AccessRequestRepository } from './access-request.repository.js';
import { AuditRepository } from './audit.repository.js';
import { AuthRepository } from './auth.repository.js';
import { CameraRepository } from './camera.repository.js';
import { ClusterRepository } from './cluster.repository.js';
import { HabilitationRepository } from './habilitation.repository.js';
import { IncidentRepository } from './incident.repository.js';
import { LegalHoldRepository } from './legal-hold.repository.js';
import { RecordingRepository } from './recording.repository.js';
import { LegalRegistryRepository } from './legal-registry.repository.js';
import { StreamSecretRepository } from './stream-secret.repository.js';
import type { Tables } from './tables.js';
import { UnmaskRepository } from './unmask.repository.js';
import { UserRepository } from './user.repository.js';
import { WallLayoutRepository } from './wall-layout.repository.js';

/** Every repository, bound to one connection or transaction. */
export interface Stores {
  cameras: CameraRepository;
  users: UserRepository;
  auth: AuthRepository;
  audit: AuditRepository;
  recordings: RecordingRepository;
  alerts: AlertRepository;
  registry: LegalRegistryRepository;
  accessRequests: AccessRequestRepository;
  cluster: ClusterRepository;
  analysisAuthorisations: AnalysisAuthorisationRepository;
  legalHolds: LegalHoldRepository;
  incidents: IncidentRepository;
  models: ModelRepository;
  wallLayouts: WallLayoutRepository;
  onvifDevices: OnvifDeviceRepository;
  unmask: UnmaskRepository;
  habilitations: HabilitationRepository;
  streamSecrets: StreamSecretRepository;
  ptzMasks: PtzMaskRepository;
  replays: RuleReplayRepository;
}

/** Runs work on a set of repositories, in one transaction. */
export type UnitOfWork = <T>(work: (stores: Stores) => Promise<T>) => Promise<T>;

/** The repositories over a connection (or a transaction). */
export function storesFor(db: Kysely<Tables>, clock: Clock): Stores {
  return {
    cameras: new CameraRepository(db, clock),
    users: new UserRepository(db),
    auth: new AuthRepository(db),
    audit: new AuditRepository(db, clock),
    recordings: new RecordingRepository(db),
    alerts: new AlertRepository(db),
    registry: new LegalRegistryRepository(db, clock),
    accessRequests: new AccessRequestRepository(db, clock),
    cluster: new ClusterRepository(db),
    analysisAuthorisations: new AnalysisAuthorisationRepository(db, clock),
    legalHolds: new LegalHoldRepository(db),
    incidents: new IncidentRepository(db),
    models: new ModelRepository(db, clock),
    wallLayouts: new WallLayoutRepository(db),
    onvifDevices: new OnvifDeviceRepository(db),
    unmask: new UnmaskRepository(db),
    habilitations: new HabilitationRepository(db),
    streamSecrets: new StreamSecretRepository(db),
    ptzMasks: new PtzMaskRepository(db, clock),
    replays: new RuleReplayRepository(db),
  };
}

/** A unit of work: each call runs in its own transaction, so a change and its audit entry land together. */
export function unitOfWork(db: Kysely<Tables>, clock: Clock): UnitOfWork {
  return (work) => db.transaction().execute((trx) => work(storesFor(trx, clock)));
}

/** Appends system audit entries through `work`, waiting for the database while it is away (recorders' audits). */
export function auditWhileDatabaseAway(work: UnitOfWork): (entry: AuditInput) => Promise<AuditEntry> {
  return (entry) => whileDatabaseAway(() => work(({ audit }) => audit.append(entry)));
}
