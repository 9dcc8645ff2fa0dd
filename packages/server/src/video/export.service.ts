import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { retentionCutoff, VigieError, type Camera, type Clock, type SegmentStorage } from '@vigie/core';
import type { ExportRecord, UnitOfWork } from '@vigie/db';
import { concatList, exportArgs, planExport, runFfmpeg, type ExportPlan } from '@vigie/media';
import { OnnxDetector, writeAnonymisedCopy, type AnonymisedCopyReport } from '@vigie/vision';
import type { AccessRequestService } from '../services/access-request.service.js';
import type { Actor, CameraService } from '../services/camera.service.js';
import type { RegistryService } from '../services/registry.service.js';
import type { PersonRequester } from '../auth/requester.js';
import type { MediaTools } from './recording.service.js';
import { parseTimeRange, type TimeRange } from './time-range.js';

/** The manifest that travels with an exported clip (LEGAL R12): what, who, when, why, and file hashes. */
export interface ExportManifest {
  id: string;
  cameraId: string;
  cameraName: string;
  from: string;
  to: string;
  purpose: string;
  reason: string;
  exportedBy: string;
  exportedAt: string;
  files: { name: string; bytes: number; sha256: string }[];
}

/** What a person asks to export. */
export interface ExportRequest {
  from: string;
  to: string;
  purpose: string;
  reason: string;
}

const maxExportHours = 24;
const videoName = 'video.mp4';

function manifestOf(record: ExportRecord): ExportManifest {
  return {
    id: record.id,
    cameraId: record.cameraId,
    cameraName: record.cameraName,
    from: record.from.toISOString(),
    to: record.to.toISOString(),
    purpose: record.purpose,
    reason: record.reason,
    exportedBy: record.exportedBy,
    exportedAt: record.exportedAt.toISOString(),
    files: [{ name: videoName, bytes: record.bytes, sha256: record.sha256 }],
  };
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
      media: MediaTools;
      registry: Pick<RegistryService, 'assertViewable'>;
      accessRequests: Pick<AccessRequestService, 'get' | 'attachExport'>;
      /** YOLOX model to find the people to pixelate; without it, moving regions are pixelated. */
      modelPath?: string;
    },
  ) {}

  /** Cuts and joins the range into one file, records and audits the export, returns its manifest. */
  async create(cameraId: string, request: ExportRequest, watcher: PersonRequester): Promise<ExportManifest> {
    const camera = await this.deps.cameras.get(cameraId, watcher);
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
    const dir = join(this.deps.media.workDir, 'exports');
    await mkdir(dir, { recursive: true });
    const output = join(dir, `${id}.mp4`);
    const plan = await this.#cut(camera, range, cutoff, output);
    const record = await this.#store(
      { id, camera, plan, output, purpose: request.purpose, reason: request.reason, actor: watcher },
      { purpose: request.purpose },
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
  ): Promise<{ manifest: ExportManifest; anonymisation: AnonymisedCopyReport }> {
    const request = await this.deps.accessRequests.get(target.requestId);
    const matched = request.ranges.find((r) => r.id === target.rangeId);
    if (matched === undefined) {
      throw new VigieError('EXPORT_NOT_FOUND', `Request ${request.reference} has no matched range ${target.rangeId}.`);
    }
    const camera = await this.deps.cameras.get(matched.cameraId, actor);
    const range = { from: new Date(matched.start), to: new Date(matched.end) };
    const id = randomUUID();
    const dir = join(this.deps.media.workDir, 'exports');
    await mkdir(dir, { recursive: true });
    const output = join(dir, `${id}.mp4`);
    const scratch = await mkdtemp(join(this.deps.media.workDir, 'anonymise-'));
    let plan: ExportPlan;
    let anonymisation: AnonymisedCopyReport;
    const detector =
      this.deps.modelPath === undefined
        ? undefined
        : await OnnxDetector.create({ modelPath: this.deps.modelPath, worker: false });
    try {
      const extract = join(scratch, 'extract.mp4');
      plan = await this.#cut(camera, range, new Date(0), extract);
      anonymisation = await writeAnonymisedCopy({
        ffmpegPath: this.deps.media.ffmpegPath(),
        input: extract,
        output,
        ...(detector === undefined ? {} : { detector }),
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
        plan,
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
    watcher: PersonRequester,
  ): Promise<{ path: string; manifest: ExportManifest }> {
    const request = await this.deps.accessRequests.get(target.requestId);
    const exportId = request.ranges.find((r) => r.id === target.rangeId)?.exportId ?? null;
    if (exportId === null) {
      throw new VigieError(
        'EXPORT_NOT_FOUND',
        `No anonymised copy is attached to this range of request ${request.reference} yet.`,
      );
    }
    return this.download(exportId, watcher);
  }

  /** Hashes an exported file, records it in the register and audits its creation, in one transaction. */
  async #store(
    made: {
      id: string;
      camera: Camera;
      plan: ExportPlan;
      output: string;
      purpose: string;
      reason: string;
      actor: Actor;
    },
    details: Record<string, unknown>,
  ): Promise<ExportRecord> {
    const record: ExportRecord = {
      id: made.id,
      cameraId: made.camera.id,
      cameraName: made.camera.name,
      from: made.plan.from,
      to: made.plan.to,
      purpose: made.purpose,
      reason: made.reason,
      exportedBy: made.actor.actorName,
      exportedAt: this.deps.clock.now(),
      fileKey: made.output,
      bytes: (await stat(made.output)).size,
      sha256: await sha256File(made.output),
    };
    await this.deps.work(async ({ recordings, audit }) => {
      await recordings.insertExport(record);
      await audit.append({
        action: 'export.created',
        ...made.actor,
        cameraId: record.cameraId,
        rangeStart: record.from.toISOString(),
        rangeEnd: record.to.toISOString(),
        reason: record.reason,
        details: { export: record.id, sha256: record.sha256, bytes: record.bytes, ...details },
      });
    });
    return record;
  }

  /** Joins the recorded segments of a range (ended after `notBefore`) into one MP4 by stream copy. */
  async #cut(camera: Camera, range: TimeRange, notBefore: Date, output: string): Promise<ExportPlan> {
    const segments = await this.deps.work(({ recordings }) => recordings.segmentsBetween(camera.id, range, notBefore));
    const withPaths = await Promise.all(
      segments.map(async (s) => ({ ...s, path: await this.deps.storage.localPath(s.key) })),
    );
    const plan = planExport({ segments: withPaths, ...range });
    if (plan === undefined) {
      throw new VigieError(
        'NO_RECORDING',
        `Camera "${camera.name}" has no recording between ${range.from.toISOString()} and ${range.to.toISOString()}.`,
      );
    }
    const scratch = await mkdtemp(join(this.deps.media.workDir, 'export-'));
    try {
      const listPath = join(scratch, 'list.ffconcat');
      await writeFile(listPath, concatList(plan.parts));
      await runFfmpeg(
        this.deps.media.ffmpegPath(),
        exportArgs({
          listPath,
          output,
          metadata: { cameraId: camera.id, cameraName: camera.name, from: plan.from, to: plan.to },
        }),
      );
    } catch (error) {
      await rm(output, { force: true });
      throw new VigieError('MEDIA_UNAVAILABLE', `The export could not be written: ${(error as Error).message}`);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    return plan;
  }

  /** The manifest of an export. */
  async manifest(id: string): Promise<ExportManifest> {
    return manifestOf(await this.#record(id));
  }

  /** The exported file's path and manifest, for download; the download is audited. */
  async download(id: string, watcher: PersonRequester): Promise<{ path: string; manifest: ExportManifest }> {
    const record = await this.#record(id);
    await this.deps.work(({ audit }) =>
      audit.append({
        action: 'export.downloaded',
        ...watcher,
        cameraId: record.cameraId,
        rangeStart: record.from.toISOString(),
        rangeEnd: record.to.toISOString(),
        details: { export: id, sha256: record.sha256 },
      }),
    );
    return { path: record.fileKey, manifest: manifestOf(record) };
  }

  async #record(id: string): Promise<ExportRecord> {
    const record = await this.deps.work(({ recordings }) => recordings.export(id));
    if (record === undefined) throw new VigieError('EXPORT_NOT_FOUND', `No export has id ${id}.`);
    return record;
  }
}
