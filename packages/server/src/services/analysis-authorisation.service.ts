import {
  assertAnalysisAuthorisation,
  nextAuthorisationChange,
  VigieError,
  type AnalysisAuthorisation,
  type AnalysisAuthorisationInput,
  type Clock,
  type LegalProfile,
} from '@vigie/core';
import type { UnitOfWork } from '@vigie/db';
import type { AuditAuthor } from '../auth/requester.js';

/** What the audit trail keeps of a decision: enough to find it again, never the notice's full text. */
function auditDetails(authorisation: AnalysisAuthorisation): Record<string, unknown> {
  return {
    id: authorisation.id,
    reference: authorisation.reference,
    occasion: authorisation.occasion,
    cameras: authorisation.cameraIds,
    eventTypes: authorisation.eventTypes,
    startsAt: authorisation.startsAt,
    endsAt: authorisation.endsAt,
  };
}

/**
 * Analysis authorisations (LEGAL R18, R19, R26): a DPO records the decision; alert analytics run only
 * inside it. `onChange` tells the analyses to re-check what may run (a new decision, a start, an end).
 */
export class AnalysisAuthorisationService {
  constructor(
    private readonly deps: { work: UnitOfWork; clock: Clock; profile: LegalProfile; onChange: () => Promise<void> },
  ) {}

  /** Every authorisation, latest first; `current`: those not ended (what the public is told about). */
  list(options: { current?: boolean } = {}): Promise<AnalysisAuthorisation[]> {
    return this.deps.work(({ analysisAuthorisations }) => analysisAuthorisations.list(options));
  }

  /** Records a decision checked against the legal profile and the cameras; audited in the same transaction. */
  async record(input: AnalysisAuthorisationInput, actor: AuditAuthor): Promise<AnalysisAuthorisation> {
    assertAnalysisAuthorisation(input, { now: this.deps.clock.now(), profile: this.deps.profile });
    const recorded = await this.deps.work(async ({ cameras, analysisAuthorisations, audit }) => {
      const known = new Set((await cameras.list()).map((c) => c.id));
      const unknown = input.cameraIds.flatMap((id, index) =>
        known.has(id) ? [] : [{ path: `/cameraIds/${index}`, reason: `no camera has id ${id}` }],
      );
      if (unknown.length > 0) {
        throw new VigieError('CAMERA_NOT_FOUND', 'The authorisation names cameras that do not exist.', unknown);
      }
      const authorisation = await analysisAuthorisations.create(input, actor.actorName);
      await audit.append({
        action: 'analysis_authorisation.recorded',
        ...actor,
        reason: input.legalBasis,
        details: auditDetails(authorisation),
      });
      return authorisation;
    });
    await this.deps.onChange();
    return recorded;
  }

  /**
   * Audits every start and end reached by now, exactly once across servers, and tells the analyses
   * when there was one; returns the next instant to call it again.
   */
  async applyTransitions(): Promise<Date | undefined> {
    const { started, ended, next } = await this.deps.work(async ({ analysisAuthorisations, audit }) => {
      const transitions = await analysisAuthorisations.claimTransitions();
      const system = { actorName: 'system' };
      for (const authorisation of transitions.started) {
        await audit.append({
          action: 'analysis_authorisation.started',
          ...system,
          reason: `${authorisation.reference}: analytics may run`,
          details: auditDetails(authorisation),
        });
      }
      for (const authorisation of transitions.ended) {
        await audit.append({
          action: 'analysis_authorisation.ended',
          ...system,
          reason: `${authorisation.reference}: ended; its analytics stop`,
          details: auditDetails(authorisation),
        });
      }
      const current = await analysisAuthorisations.list({ current: true });
      return { ...transitions, next: nextAuthorisationChange(current, this.deps.clock.now()) };
    });
    if (started.length > 0 || ended.length > 0) await this.deps.onChange();
    return next;
  }
}
