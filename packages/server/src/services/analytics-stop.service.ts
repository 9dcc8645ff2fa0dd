import type { AnalyticsStop, Clock } from '@vigie/core';
import { definedOnly } from '@vigie/core';
import type { UnitOfWork } from '@vigie/db';
import type { DomainEvents } from '../events/domain-events.js';
import type { AuditAuthor } from '../auth/requester.js';

/** A press of the stop button. */
export interface StopPress {
  paused: boolean;
  cameraId?: string;
  reason: string;
}

/**
 * The analytics stop button (LEGAL R22): stored with its audit entry in one transaction, so a restart
 * keeps it, then published so that every server and worker applies it within seconds.
 */
export class AnalyticsStopService {
  constructor(private readonly deps: { work: UnitOfWork; clock: Clock; events: DomainEvents }) {}

  /** The stored state. */
  current(): Promise<AnalyticsStop> {
    return this.deps.work(({ cluster }) => cluster.analyticsStop());
  }

  /** Halts or resumes analytics, everywhere or on one camera; audited; returns the new state. */
  async press(press: StopPress, actor: AuditAuthor): Promise<AnalyticsStop> {
    const { paused, cameraId, reason } = press;
    const stop = await this.deps.work(async ({ cluster, audit }) => {
      const state = await cluster.setAnalyticsStop({
        paused,
        ...definedOnly({ cameraId }),
        by: actor.actorName,
        reason,
        at: this.deps.clock.now(),
      });
      await audit.append({
        action: paused ? 'analytics.paused' : 'analytics.resumed',
        ...actor,
        ...definedOnly({ cameraId }),
        reason,
        details: { scope: cameraId === undefined ? 'all cameras' : 'one camera' },
      });
      return state;
    });
    this.deps.events.publish({ v: 1, type: 'analytics.stop', stop });
    return stop;
  }
}
