import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  definedOnly,
  evidenceFormat,
  retentionCutoff,
  segmentsOverlapping,
  VigieError,
  type Camera,
  type Clock,
  type EvidenceManifest,
  type SegmentStorage,
} from '@vigie/core';
import type { ExportRecord, IndexedSegment, UnitOfWork } from '@vigie/db';
import {
  concatList,
  copyFromStorage,
  exportArgs,
  keyframeTimes,
  planExport,
  playedRange,
  runFfmpeg,
  type ExportPlan,
} from '@vigie/media';
import { OnnxDetector, writeAnonymisedCopy, type AnonymisedCopyReport } from '@vigie/vision';
import type { AccessRequestService } from '../services/access-request.service.js';
import type { AuditAuthor } from '../auth/requester.js';
import type { CameraService } from '../services/camera.service.js';
import type { LegalRegistryService } from '../services/legal-registry.service.js';
import type { InstallationKey } from '../security/installation-key.js';
import { vigieVersion } from '../version.js';
import { recipientFingerprint, sealStream, type SealFor } from '../security/sealed-export.js';
import { evidencePackage, signManifest, type SignedManifest } from './evidence-package.js';
import type { PersonRequester } from '../auth/requester.js';
import type { MediaTools } from './recording.service.js';
import { parseTimeRange, type TimeRange } from './time-range.js';

/** What a person asks to export. */
export interface ExportRequest {
  from: string;
  to: string;
  purpose: string;
  reason: string;
  /** Reference of the judicial requisition the export answers, stated in the signed manifest. */
  requisition?: string;
}

/** What a cut really produced: the plan, the range the file covers (from the media) and the segments used. */
interface Cut {
  plan: ExportPlan;
  requested: TimeRange;
  covered: TimeRange;
  segments: IndexedSegment[];
}

/** An exported file as served: its bytes, read from the export storage as they are sent. */
export interface ExportDownload {
  stream: Readable;
  id: string;
  sha256: string;
}

const maxExportHours = 24;
const videoName = 'video.mp4';

function signedOf(record: ExportRecord): SignedManifest {
  if (record.signed === null) {
    throw new VigieError(
      'EXPORT_NOT_PACKAGED',
      `Export ${record.id} was made before exports were signed: it has no evidence package.`,
    );
  }
  return record.signed;
}

function manifestOf(record: ExportRecord): EvidenceManifest {
  return JSON.parse(signedOf(record).manifest) as EvidenceManifest;
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Exports a recorded range as one MP4 by stream copy (no quality loss), with a SHA-256 manifest. The
 * purpose must be one of the camera's declared purposes (R2) and a reason is required; both are audited.
 */
export class ExportService {
  constructor(
    private readonly deps: {
      work: UnitOfWork;
      clock: Clock;
      cameras: CameraService;
      storage: SegmentStorage;
      /** Where exported files are kept, by key (`<export id>.mp4`): never a path in the database. */
      exportStorage: SegmentStorage;
      media: MediaTools;
      registry: Pick<LegalRegistryService, 'assertViewable'>;
      accessRequests: Pick<AccessRequestService, 'get' | 'attachExport'>;
      /** Signs every manifest (the installation's Ed25519 key). */
      key: InstallationKey;
      /** YOLOX model to find the people to pixelate; without it, moving regions are pixelated. */
      modelPath?: string;
    },
  ) {}

  /** Cuts and joins the range into one file, records and audits the export, returns its manifest. */
  async create(cameraId: string, request: ExportRequest, requester: PersonRequester): Promise<EvidenceManifest> {
    const camera = await this.deps.cameras.get(cameraId, requester);
    await this.deps.registry.assertViewable(camera.id);
    if (!(camera.purposes as readonly string[]).includes(request.purpose)) {
      throw new VigieError(
        'PURPOSE_NOT_DECLARED',
        `"${request.purpose}" is not a declared purpose of camera "${camera.name}" (${camera.purposes.join(', ')}).`,
        [{ path: '/purpose', reason: `must be one of ${camera.purposes.join(', ')}` }],
      );
    }
    const range = parseTimeRange(request, maxExportHours);
    const cutoff = retentionCutoff(this.deps.clock.now(), camera.retentionDays);
    const id = randomUUID();
    const output = join(this.deps.media.workDir, `export-${id}.mp4`);
    const cut = await this.#cut(camera, range, cutoff, output);
    const record = await this.#store(
      {
        id,
        camera,
        cut,
        output,
        purpose: request.purpose,
        reason: request.reason,
        actor: requester,
        ...definedOnly({ requisition: request.requisition }),
      },
      { purpose: request.purpose, ...definedOnly({ requisition: request.requisition }) },
    );
    return manifestOf(record);
  }

  /**
   * Exports a range matched to a citizen's access request with every person pixelated (GDPR art. 15(4)),
   * records it, audits it, and attaches it to the request, which then awaits a person's review (R15).
   * Held footage is exported even past its camera's retention: the hold kept it for this.
   */
  async createForAccessRequest(
    target: { requestId: string; rangeId: string },
    actor: PersonRequester,
  ): Promise<{ manifest: EvidenceManifest; anonymisation: AnonymisedCopyReport }> {
    const request = await this.deps.accessRequests.get(target.requestId);
    const matched = request.ranges.find((r) => r.id === target.rangeId);
    if (matched === undefined) {
      throw new VigieError('EXPORT_NOT_FOUND', `Request ${request.reference} has no matched range ${target.rangeId}.`);
    }
    const camera = await this.deps.cameras.get(matched.cameraId, actor);
    const range = { from: new Date(matched.start), to: new Date(matched.end) };
    const id = randomUUID();
    const output = join(this.deps.media.workDir, `export-${id}.mp4`);
    const scratch = await mkdtemp(join(this.deps.media.workDir, 'anonymise-'));
    let cut: Cut;
    let anonymisation: AnonymisedCopyReport;
    const detector =
      this.deps.modelPath === undefined
        ? undefined
        : await OnnxDetector.create({ modelPath: this.deps.modelPath, worker: false });
    try {
      const extract = join(scratch, 'extract.mp4');
      cut = await this.#cut(camera, range, new Date(0), extract);
      anonymisation = await writeAnonymisedCopy({
        ffmpegPath: this.deps.media.ffmpegPath(),
        input: extract,
        output,
        ...definedOnly({ detector }),
      });
    } catch (error) {
      await rm(output, { force: true });
      if (error instanceof VigieError) throw error;
      throw new VigieError(
        'MEDIA_UNAVAILABLE',
        `The anonymised copy could not be written: ${(error as Error).message}`,
      );
    } finally {
      await detector?.close();
      await rm(scratch, { recursive: true, force: true });
    }
    const record = await this.#store(
      {
        id,
        camera,
        cut,
        output,
        purpose: 'data_subject_access',
        reason: `Access request ${request.reference} (GDPR art. 15): every person pixelated (${anonymisation.method})`,
        actor,
      },
      { accessRequest: request.reference, ...anonymisation },
    );
    await this.deps.accessRequests.attachExport({ ...target, exportId: id }, actor);
    return { manifest: manifestOf(record), anonymisation };
  }

  /** The anonymised copy attached to a request's matched range, for the DPO to review and deliver; audited. */
  async downloadForAccessRequest(
    target: { requestId: string; rangeId: string },
    requester: PersonRequester,
  ): Promise<ExportDownload> {
    const request = await this.deps.accessRequests.get(target.requestId);
    const exportId = request.ranges.find((r) => r.id === target.rangeId)?.exportId ?? null;
    if (exportId === null) {
      throw new VigieError(
        'EXPORT_NOT_FOUND',
        `No anonymised copy is attached to this range of request ${request.reference} yet.`,
      );
    }
    return this.download(exportId, requester);
  }

  /**
   * Hashes an exported file, reads the range it really covers from its frames, records it and audits its
   * creation, then signs a manifest naming that audit entry — all in one transaction.
   */
  async #store(
    made: {
      id: string;
      camera: Camera;
      cut: Cut;
      output: string;
      purpose: string;
      reason: string;
      requisition?: string;
      actor: AuditAuthor;
    },
    details: Record<string, unknown>,
  ): Promise<ExportRecord> {
    const played = await playedRange(this.deps.media.ffmpegPath(), made.output);
    if (played === undefined) {
      await rm(made.output, { force: true });
      throw new VigieError('MEDIA_UNAVAILABLE', 'The exported file does not decode: the recording may be damaged.');
    }
    const from = made.cut.covered.from;
    const to = new Date(from.getTime() + Math.round((played.end - played.first) * 1000));
    const record: ExportRecord = {
      id: made.id,
      cameraId: made.camera.id,
      cameraName: made.camera.name,
      from,
      to,
      purpose: made.purpose,
      reason: made.reason,
      exportedBy: made.actor.actorName,
      exportedAt: this.deps.clock.now(),
      fileKey: `${made.id}.mp4`,
      bytes: (await stat(made.output)).size,
      sha256: await sha256File(made.output),
      signed: null,
    };
    // Stored before it is recorded: a record never names a missing file (a failed transaction removes it).
    await this.deps.exportStorage.put(record.fileKey, made.output);
    await this.#recordExport(record, made, details).catch(async (error: unknown) => {
      await this.deps.exportStorage.remove(record.fileKey);
      throw error;
    });
    return record;
  }

  /** Audits the export's creation and records it with its manifest (naming that audit entry), in one transaction. */
  async #recordExport(
    record: ExportRecord,
    made: { cut: Cut; actor: AuditAuthor; requisition?: string },
    details: Record<string, unknown>,
  ): Promise<void> {
    const { from, to } = record;
    await this.deps.work(async ({ recordings, audit }) => {
      const entry = await audit.append({
        action: 'export.created',
        ...made.actor,
        cameraId: record.cameraId,
        rangeStart: record.from.toISOString(),
        rangeEnd: record.to.toISOString(),
        reason: record.reason,
        details: {
          export: record.id,
          sha256: record.sha256,
          bytes: record.bytes,
          requested: { from: made.cut.requested.from.toISOString(), to: made.cut.requested.to.toISOString() },
          ...details,
        },
      });
      const manifest: EvidenceManifest = {
        format: evidenceFormat,
        id: record.id,
        installation: { keyId: this.deps.key.keyId },
        camera: { id: record.cameraId, name: record.cameraName },
        requested: { from: made.cut.requested.from.toISOString(), to: made.cut.requested.to.toISOString() },
        covered: { from: from.toISOString(), to: to.toISOString(), cut: 'keyframe' },
        purpose: record.purpose,
        reason: record.reason,
        ...definedOnly({ requisition: made.requisition }),
        exportedBy: record.exportedBy,
        exportedAt: record.exportedAt.toISOString(),
        software: { name: 'vigie', version: vigieVersion },
        auditEntryHash: entry.hash,
        segments: made.cut.segments.map((s) => ({
          startedAt: s.startedAt.toISOString(),
          endedAt: s.endedAt.toISOString(),
          sha256: s.sha256,
        })),
        files: [{ name: videoName, bytes: record.bytes, sha256: record.sha256 }],
      };
      record.signed = signManifest(manifest, this.deps.key);
      await recordings.insertExport(record);
    });
  }

  /**
   * Joins the recorded segments of a range (ended after `notBefore`) into one MP4 by stream copy; the file
   * starts at the keyframe at or before the requested start, which is where its covered range starts.
   */
  async #cut(camera: Camera, requested: TimeRange, notBefore: Date, output: string): Promise<Cut> {
    const indexed = await this.deps.work(({ recordings }) =>
      recordings.segmentsBetween(camera.id, requested, notBefore),
    );
    const segments = segmentsOverlapping(indexed, requested);
    const scratch = await mkdtemp(join(this.deps.media.workDir, 'export-'));
    try {
      // Each segment read through the storage port (this disk or the worker holding it), one at a time.
      const withPaths: (IndexedSegment & { path: string })[] = [];
      for (const [i, s] of segments.entries())
        withPaths.push({ ...s, path: await copyFromStorage(this.deps.storage, s.key, join(scratch, `${i}.mp4`)) });
      const plan = planExport({ segments: withPaths, ...requested });
      const first = withPaths[0];
      if (plan === undefined || first === undefined) {
        throw new VigieError(
          'NO_RECORDING',
          `Camera "${camera.name}" has no recording between ${requested.from.toISOString()} and ${requested.to.toISOString()}.`,
        );
      }
      const inpoint = plan.parts[0]?.inpoint ?? 0;
      const keyframes = await keyframeTimes(this.deps.media.ffmpegPath(), first.path);
      const start = keyframes.filter((t) => t <= inpoint + 0.001).at(-1) ?? 0;
      const covered = { from: new Date(first.startedAt.getTime() + Math.round(start * 1000)), to: plan.to };
      const listPath = join(scratch, 'list.ffconcat');
      await writeFile(listPath, concatList(plan.parts));
      await runFfmpeg(
        this.deps.media.ffmpegPath(),
        exportArgs({
          listPath,
          output,
          metadata: { cameraId: camera.id, cameraName: camera.name, from: covered.from, to: plan.to },
        }),
      );
      return { plan, requested, covered, segments };
    } catch (error) {
      await rm(output, { force: true });
      if (error instanceof VigieError) throw error;
      throw new VigieError('MEDIA_UNAVAILABLE', `The export could not be written: ${(error as Error).message}`);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  /** The manifest of an export. */
  async manifest(id: string): Promise<EvidenceManifest> {
    return manifestOf(await this.#record(id));
  }

  /** The exported file's path and hash, for download; the download is audited. */
  async download(id: string, requester: PersonRequester): Promise<ExportDownload> {
    const record = await this.#record(id);
    await this.#auditDownload(record, requester, 'video');
    return {
      stream: Readable.from(this.deps.exportStorage.read(record.fileKey)),
      id: record.id,
      sha256: record.sha256,
    };
  }

  /** The evidence package (ZIP: video, signed manifest, signature, public key, instructions); audited. */
  async package(id: string, requester: PersonRequester): Promise<{ stream: Readable; bytes: number; id: string }> {
    const record = await this.#record(id);
    const made = await this.#packageOf(record);
    await this.#auditDownload(record, requester, 'package');
    return { ...made, id: record.id };
  }

  /**
   * The evidence package sealed for a recipient outside the system (LEGAL R12): for their X25519 key or
   * under a passphrase; the transmission is audited with the recipient's name and key fingerprint (R5).
   */
  async sealedPackage(
    id: string,
    requester: PersonRequester,
    to: { recipientName: string; sealFor: SealFor },
  ): Promise<{ stream: Readable; id: string }> {
    const record = await this.#record(id);
    const made = await this.#packageOf(record);
    const stream = sealStream(made.stream, to.sealFor);
    const sealed =
      'recipient' in to.sealFor
        ? { encryption: 'recipient key', keyFingerprint: recipientFingerprint(to.sealFor.recipient) }
        : { encryption: 'passphrase' };
    await this.deps.work(({ audit }) =>
      audit.append({
        action: 'export.transmitted',
        ...requester,
        cameraId: record.cameraId,
        rangeStart: record.from.toISOString(),
        rangeEnd: record.to.toISOString(),
        details: { export: record.id, sha256: record.sha256, recipient: to.recipientName, ...sealed },
      }),
    );
    return { stream, id: record.id };
  }

  #packageOf(record: ExportRecord): Promise<{ stream: Readable; bytes: number }> {
    return evidencePackage({
      signed: signedOf(record),
      publicKeyPem: this.deps.key.publicKeyPem,
      video: { bytes: record.bytes, read: () => this.deps.exportStorage.read(record.fileKey) },
      modified: record.exportedAt,
    });
  }

  async #auditDownload(record: ExportRecord, requester: PersonRequester, form: 'video' | 'package'): Promise<void> {
    await this.deps.work(({ audit }) =>
      audit.append({
        action: 'export.downloaded',
        ...requester,
        cameraId: record.cameraId,
        rangeStart: record.from.toISOString(),
        rangeEnd: record.to.toISOString(),
        details: { export: record.id, sha256: record.sha256, form },
      }),
    );
  }

  async #record(id: string): Promise<ExportRecord> {
    const record = await this.deps.work(({ recordings }) => recordings.export(id));
    if (record === undefined) throw new VigieError('EXPORT_NOT_FOUND', `No export has id ${id}.`);
    return record;
  }
}
