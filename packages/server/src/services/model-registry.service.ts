import {
  assertModelRegistered,
  assertModelRegistrable,
  type LegalProfile,
  type ModelRegistration,
  type ModelRegistrationInput,
} from '@vigie/core';
import type { UnitOfWork } from '@vigie/db';
import { modelFileIdentity } from '@vigie/vision';
import type { AuditAuthor } from '../auth/requester.js';

/**
 * The model registry (LEGAL R16, R17, R23): the DPO registers each detection model file with its
 * provenance, licence, classes, accuracy and (where the profile asks) attestation; a file whose
 * SHA-256 is not registered is refused when it is about to be loaded.
 */
export class ModelRegistryService {
  constructor(private readonly deps: { work: UnitOfWork; profile: LegalProfile }) {}

  /** Every registered model. */
  list(): Promise<ModelRegistration[]> {
    return this.deps.work(({ models }) => models.list());
  }

  /** Registers a model, refusing one that declares a refused capability or lacks an attestation; audited. */
  register(input: ModelRegistrationInput, actor: AuditAuthor): Promise<ModelRegistration> {
    assertModelRegistrable(input, this.deps.profile);
    return this.deps.work(async ({ models, audit }) => {
      const registered = await models.register(input, actor.actorName);
      await audit.append({
        action: 'model.registered',
        ...actor,
        details: { name: input.name, version: input.version, sha256: input.sha256, fileName: input.fileName },
      });
      return registered;
    });
  }

  /** The registration of the model file at `path`; throws MODEL_NOT_REGISTERED for an unknown or altered file. */
  async verify(path: string): Promise<ModelRegistration> {
    const file = await modelFileIdentity(path);
    return assertModelRegistered(file, await this.list());
  }
}
