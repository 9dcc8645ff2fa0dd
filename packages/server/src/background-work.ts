import type { FastifyBaseLogger } from 'fastify';
import type { AnalysisFleet } from './analysis/analysis-fleet.js';
import type { AuthorisationWatch } from './analysis/authorisation-watch.js';
import type { EventIngestor } from './cluster/event-ingestor.js';
import type { RecorderFleet } from './video/recorder-fleet.js';
import type { RecordingService } from './video/recording.service.js';
import type { RetentionPurge } from './video/retention.purge.js';
import { auditCheckpointIntervalMs, type AuditAnchor } from './security/audit-anchor.js';
import type { CoalescedAudit } from './security/coalesced-audit.js';
import { storageCheckIntervalMs, type StorageWatch } from './video/storage-watch.js';

/** How often expired recordings are purged (LEGAL R3: gone within one cycle). */
const purgeIntervalMs = 10 * 60_000;
/** How often the summaries of coalesced refusals whose minute ended are written. */
const refusalFlushMs = 10_000;
/** How often idle live and playback sessions are closed. */
const sweepIntervalMs = 5_000;

/** What runs in the background of a server. */
export interface BackgroundWorkOptions {
  /** Records the cameras here (embedded), or leaves them to `vigie worker` processes (remote). */
  startRecording?: () => Promise<RecorderFleet>;
  analysis?: AnalysisFleet;
  /** Stores what workers report (remote workers only). */
  ingestor?: EventIngestor;
  purge: RetentionPurge;
  recordings: RecordingService;
  /** Applies the analysis authorisations' starts and ends when they come (LEGAL R18). */
  authorisationWatch?: AuthorisationWatch;
  /** Writes the summaries of coalesced refusals every 10 s (each covers its source's minute), all of them at stop. */
  refusals?: CoalescedAudit;
  /** Reminds the DPO of access-request deadlines coming (LEGAL R15); with each purge. */
  remindDeadlines?: () => Promise<string[]>;
  /** Refreshes the database planner's statistics (PGlite has no autovacuum); with each purge. */
  refreshStatistics?: () => Promise<void>;
  /** Signs a checkpoint of the audit trail at start, every 10 minutes and at stop. */
  auditAnchor?: AuditAnchor;
  /** Measures the recordings volume at start and every 30 s, alerting before it is full (when this server records). */
  storageWatch?: StorageWatch;
  log: FastifyBaseLogger;
}

/**
 * The one owner of a server's background work: recording and analysis (when this server records),
 * storing workers' reports, the retention purge, the viewing-session sweep and the audit checkpoints. `start()` starts them
 * all, `stop()` stops them all, in reverse order.
 */
export class BackgroundWork {
  readonly #options: BackgroundWorkOptions;
  #recorder: RecorderFleet | undefined;
  #timers: NodeJS.Timeout[] = [];
  #running = false;

  constructor(options: BackgroundWorkOptions) {
    this.#options = options;
  }

  /** Starts every job; runs the purge (and the authorisation resync) once at once. */
  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    const { analysis, ingestor, log } = this.#options;
    await ingestor?.start();
    this.#recorder = await this.#options.startRecording?.();
    await analysis?.start();
    this.#timers.push(setInterval(() => this.#purge(), purgeIntervalMs).unref());
    this.#timers.push(
      setInterval(() => {
        this.#options.recordings
          .closeIdleSessions()
          .catch((error: unknown) => log.error({ err: error }, 'closing idle viewing sessions failed'));
      }, sweepIntervalMs).unref(),
    );
    this.#purge();
    const { storageWatch } = this.#options;
    if (storageWatch !== undefined) {
      const check = () =>
        storageWatch
          .check()
          .catch((error: unknown) => log.error({ err: error }, 'measuring the recordings disk failed'));
      await check();
      this.#timers.push(setInterval(() => void check(), storageCheckIntervalMs).unref());
    }
    await this.#options.authorisationWatch?.start();
    const { refusals } = this.#options;
    if (refusals !== undefined)
      this.#timers.push(
        setInterval(() => {
          refusals.flush().catch((error: unknown) => log.error({ err: error }, 'auditing coalesced refusals failed'));
        }, refusalFlushMs).unref(),
      );
    if (this.#options.auditAnchor !== undefined) {
      await this.#checkpoint();
      this.#timers.push(setInterval(() => void this.#checkpoint(), auditCheckpointIntervalMs).unref());
    }
  }

  /** Stops every job; each recorder stores its last segment. */
  async stop(): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    for (const timer of this.#timers) clearInterval(timer);
    this.#timers = [];
    this.#options.authorisationWatch?.stop();
    await this.#recorder?.stop();
    this.#recorder = undefined;
    await this.#options.analysis?.stop();
    await this.#options.ingestor?.stop();
    await this.#options.recordings.closeAllSessions();
    await this.#options.refusals
      ?.flush({ all: true })
      .catch((error: unknown) => this.#options.log.error({ err: error }, 'auditing coalesced refusals failed'));
    await this.#checkpoint();
  }

  async #checkpoint(): Promise<void> {
    await this.#options.auditAnchor
      ?.checkpoint()
      .catch((error: unknown) =>
        this.#options.log.error(
          { err: error },
          'signing an audit checkpoint failed; the trail is only chain-checked until the next one',
        ),
      );
  }

  #purge(): void {
    const { analysis, log, purge, refreshStatistics, remindDeadlines } = this.#options;
    void refreshStatistics?.().catch((error: unknown) =>
      log.warn({ err: error }, 'refreshing database statistics failed'),
    );
    void remindDeadlines?.().catch((error: unknown) => log.error({ err: error }, 'access-request reminders failed'));
    // Authorisations lapse with time, not with an event: recorders and analyses are re-checked here too.
    void this.#recorder?.resync();
    void analysis?.resync();
    purge
      .run()
      .then((reports) => {
        for (const r of reports) log.info(r, 'retention purge: expired recordings deleted');
      })
      .catch((error: unknown) => log.error({ err: error }, 'retention purge failed; it runs again soon'));
  }
}
