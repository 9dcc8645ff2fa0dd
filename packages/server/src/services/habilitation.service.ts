import { randomUUID } from 'node:crypto';
import {
  assertHabilitated,
  habilitationInputProblems,
  VigieError,
  zonedDate,
  type Clock,
  type Habilitation,
  type HabilitationInput,
  type LegalProfile,
} from '@vigie/core';
import type { UnitOfWork, Workstation } from '@vigie/db';
import { randomToken, secretHash } from '../auth/secrets.js';
import type { AuditAuthor } from '../auth/requester.js';

/** Which image-access rules this installation enforces (LEGAL R8, R10). */
export interface HabilitationPolicy {
  /** A valid designation and training are needed to see images. */
  habilitationRequired: boolean;
  /** Images are shown only on enrolled workstations. */
  workstationsRequired: boolean;
}

/** The policy a legal profile asks for, with the configuration's stricter choice on workstations. */
export function habilitationPolicy(profile: LegalProfile, requireWorkstation = false): HabilitationPolicy {
  return {
    habilitationRequired: profile.habilitation.required,
    workstationsRequired: profile.habilitation.workstationsRequired || requireWorkstation,
  };
}

/** One request for images: who, for which camera (when the route names one), from which workstation key. */
export interface ImageAccess {
  userId: string;
  cameraId?: string | undefined;
  workstationKey?: string | undefined;
}

/** Habilitations of the people who see images, and the supervision room's enrolled workstations; audited. */
export class HabilitationService {
  readonly #work: UnitOfWork;
  readonly #clock: Clock;
  readonly #profile: LegalProfile;
  /** What is enforced; read by the compliance checklist too. */
  readonly policy: HabilitationPolicy;

  constructor(options: { work: UnitOfWork; clock: Clock; profile: LegalProfile; policy: HabilitationPolicy }) {
    this.#work = options.work;
    this.#clock = options.clock;
    this.#profile = options.profile;
    this.policy = options.policy;
  }

  /** Records (or replaces) an account's designation act, camera scope and training dates; audited. */
  async record(username: string, input: HabilitationInput, actor: AuditAuthor): Promise<Habilitation> {
    const problems = habilitationInputProblems(input, this.#profile);
    if (problems.length > 0) {
      throw new VigieError(
        'HABILITATION_INVALID',
        `Cannot record the habilitation of "${username}": ${problems.join('; ')}.`,
        problems.map((reason) => ({ path: '', reason })),
      );
    }
    const at = this.#clock.now();
    return this.#work(async ({ auth, cameras, habilitations, audit }) => {
      const account = await auth.credentials(username);
      if (account === undefined) throw new VigieError('USER_NOT_FOUND', `No user named "${username}".`);
      if (input.cameraScope !== 'all') {
        for (const id of input.cameraScope) {
          if ((await cameras.get(id)) === undefined) throw new VigieError('CAMERA_NOT_FOUND', `No camera ${id}.`);
        }
      }
      await habilitations.put(account.id, input, { name: actor.actorName, at });
      await audit.append({ action: 'habilitation.recorded', ...actor, details: { username, ...input } });
      return { ...input, username, recordedBy: actor.actorName, recordedAt: at.toISOString() };
    });
  }

  /** Every recorded habilitation, by username. */
  async list(): Promise<Habilitation[]> {
    return this.#work(({ habilitations }) => habilitations.list());
  }

  /**
   * Throws the coded refusal when this person may not see images now (of this camera, from this
   * workstation): HABILITATION_MISSING / _EXPIRED / _OUT_OF_SCOPE, WORKSTATION_NOT_ENROLLED.
   */
  async assertImageAccess(access: ImageAccess): Promise<void> {
    if (!this.policy.habilitationRequired && !this.policy.workstationsRequired) return;
    const today = zonedDate(this.#clock.now(), this.#profile.timeZone);
    await this.#work(async ({ habilitations }) => {
      if (this.policy.habilitationRequired) {
        assertHabilitated(await habilitations.get(access.userId), { today, cameraId: access.cameraId }, this.#profile);
      }
      if (this.policy.workstationsRequired) {
        const key = access.workstationKey;
        const station = key === undefined ? undefined : await habilitations.workstationByKeyHash(secretHash(key));
        if (station === undefined) {
          throw new VigieError(
            'WORKSTATION_NOT_ENROLLED',
            'Images are shown only on enrolled supervision-room workstations, and this one is not enrolled.',
          );
        }
      }
    });
  }

  /** Enrols a workstation; returns its key, shown this once (only its hash is kept); audited. */
  async enrolWorkstation(name: string, actor: AuditAuthor): Promise<{ workstation: Workstation; key: string }> {
    const key = randomToken('vgw_');
    const at = this.#clock.now();
    const id = randomUUID();
    return this.#work(async ({ habilitations, audit }) => {
      await habilitations.enrol({ id, name, keyHash: secretHash(key), by: actor.actorName, at });
      await audit.append({ action: 'workstation.enrolled', ...actor, details: { id, name } });
      return {
        workstation: { id, name, enrolledBy: actor.actorName, enrolledAt: at.toISOString(), revokedAt: null },
        key,
      };
    });
  }

  /** Whether a key belongs to an enrolled, unrevoked workstation (before a browser keeps it as a cookie). */
  async workstationFor(key: string): Promise<Workstation | undefined> {
    return this.#work(({ habilitations }) => habilitations.workstationByKeyHash(secretHash(key)));
  }

  /** Every workstation, revoked ones included. */
  async workstations(): Promise<Workstation[]> {
    return this.#work(({ habilitations }) => habilitations.workstations());
  }

  /** Revokes a workstation: its key no longer opens images; audited. */
  async revokeWorkstation(id: string, actor: AuditAuthor): Promise<void> {
    await this.#work(async ({ habilitations, audit }) => {
      if (!(await habilitations.revokeWorkstation(id, this.#clock.now()))) {
        throw new VigieError('WORKSTATION_NOT_FOUND', `No enrolled workstation ${id}.`);
      }
      await audit.append({ action: 'workstation.revoked', ...actor, details: { id } });
    });
  }
}
