import {
  applyCameraPatch,
  assertNoSilentPromotion,
  assertSourceUrlAllowed,
  defaultSourceUrlPolicy,
  cameraSettingsFromInput,
  definedOnly,
  limitedToAssignedCameras,
  privateSpaceExposure,
  redactSourceUrl,
  splitSourcePassword,
  validateCameraSettings,
  VigieError,
  type Camera,
  type CameraInput,
  type CameraPatch,
  type Clock,
  type LegalProfile,
  type PushAudience,
  type SourceUrlPolicy,
  type StreamRole,
} from '@vigie/core';
import type { Stores, UnitOfWork } from '@vigie/db';
import type { CredentialVault } from '@vigie/media';
import { isSystem, type AuditAuthor, type PersonRequester, type Requester } from '../auth/requester.js';
import type { DomainEvents } from '../events/domain-events.js';

/** Hides credentials before a camera leaves the server. */
function forClients(camera: Camera): Camera {
  return {
    ...camera,
    sourceUrl: redactSourceUrl(camera.sourceUrl),
    ...(camera.subStreamUrl === undefined ? {} : { subStreamUrl: redactSourceUrl(camera.subStreamUrl) }),
  };
}

/** Where a URL's password goes: out of the URL, sealed into the stream secrets (kept when none is given). */
async function storePassword(
  stores: Stores,
  vault: CredentialVault,
  at: { cameraId: string; role: StreamRole; url: string | undefined },
): Promise<string | undefined> {
  if (at.url === undefined) {
    await stores.streamSecrets.set(at.cameraId, at.role, undefined);
    return undefined;
  }
  const { url, password } = splitSourcePassword(at.url);
  // '***' is how URLs were shown with their password hidden: sent back, it means "unchanged".
  if (password !== undefined && password !== '***')
    await stores.streamSecrets.set(at.cameraId, at.role, vault.seal(password));
  // A URL without a user name cannot use a password: one kept from before would be sent to a new host.
  else if (new URL(url).username === '') await stores.streamSecrets.set(at.cameraId, at.role, undefined);
  return url;
}

/**
 * Work done in the transaction that creates a camera (e.g. recording the ONVIF device it came from); what it
 * returns is added to the audit entry's details.
 */
export type CreationAttachment = (stores: Stores, camera: Camera) => Promise<Record<string, unknown>>;

/** Whether a requester is limited to assigned cameras: operators who hold no wider role (never Vigie itself). */
function limitedToAssigned(requester: Requester): requester is PersonRequester {
  return !isSystem(requester) && limitedToAssignedCameras(requester.roles);
}

/** Use cases of the camera registry: legal rules, persistence with its audit entry, push to consoles. */
export class CameraService {
  readonly #work: UnitOfWork;
  readonly #profile: LegalProfile;
  readonly #events: DomainEvents;
  readonly #clock: Clock;
  readonly #sourcePolicy: SourceUrlPolicy;
  readonly #vault: CredentialVault;

  /** `vault` seals stream passwords; `sourcePolicy`: where camera sources may point (default: the strict `defaultSourceUrlPolicy`). */
  constructor(options: {
    work: UnitOfWork;
    clock: Clock;
    profile: LegalProfile;
    events: DomainEvents;
    vault: CredentialVault;
    sourcePolicy?: SourceUrlPolicy;
  }) {
    this.#vault = options.vault;
    this.#work = options.work;
    this.#clock = options.clock;
    this.#profile = options.profile;
    this.#events = options.events;
    this.#sourcePolicy = options.sourcePolicy ?? defaultSourceUrlPolicy;
  }

  /** The cameras a requester may see (all, or an operator's assigned ones), credentials hidden. */
  async list(requester: Requester): Promise<Camera[]> {
    return this.#work(async ({ cameras, auth }) => {
      const all = await cameras.list();
      if (!limitedToAssigned(requester)) return all.map(forClients);
      const assigned = await auth.assignedCameras(requester.userId);
      return all.filter((c) => assigned.has(c.id)).map(forClients);
    });
  }

  /** Who a viewer's push channel speaks to: their roles, and all cameras or an operator's assigned ones. */
  async audienceOf(viewer: Pick<PersonRequester, 'userId' | 'roles'>): Promise<PushAudience> {
    if (!limitedToAssignedCameras(viewer.roles)) return { roles: viewer.roles, cameras: 'all' };
    const assigned = await this.#work(({ auth }) => auth.assignedCameras(viewer.userId));
    return { roles: viewer.roles, cameras: assigned };
  }

  /** One camera, credentials hidden; throws CAMERA_NOT_FOUND, also for an operator's unassigned camera. */
  async get(id: string, requester: Requester): Promise<Camera> {
    return this.#work(async (stores) => {
      const camera = await require(stores, id);
      if (limitedToAssigned(requester) && !(await stores.auth.assignedCameras(requester.userId)).has(id)) {
        throw notFound(id);
      }
      return forClients(camera);
    });
  }

  /** Registers a camera after applying defaults and the legal rules, with what `attach` records alongside; audited. */
  async create(input: CameraInput, actor: AuditAuthor, attach?: CreationAttachment): Promise<Camera> {
    const settings = cameraSettingsFromInput(input, this.#profile);
    validateCameraSettings(settings, this.#profile);
    assertSourceUrlAllowed(settings.sourceUrl, this.#sourcePolicy);
    if (typeof settings.subStreamUrl === 'string') assertSourceUrlAllowed(settings.subStreamUrl, this.#sourcePolicy);
    const camera = await this.#work(async (stores) => {
      const { url: sourceUrl } = splitSourcePassword(settings.sourceUrl);
      const sub = settings.subStreamUrl === undefined ? undefined : splitSourcePassword(settings.subStreamUrl).url;
      const stored = await stores.cameras.create({
        ...settings,
        sourceUrl,
        ...definedOnly({ subStreamUrl: sub }),
      });
      await storePassword(stores, this.#vault, { cameraId: stored.id, role: 'main', url: settings.sourceUrl });
      await storePassword(stores, this.#vault, { cameraId: stored.id, role: 'sub', url: settings.subStreamUrl });
      const created = forClients(stored);
      const attached = attach === undefined ? {} : await attach(stores, created);
      await stores.audit.append({
        action: 'camera.created',
        ...actor,
        cameraId: created.id,
        details: { camera: created, ...attached },
      });
      return created;
    });
    this.#events.publish({ v: 1, type: 'camera.created', camera });
    return camera;
  }

  /** Changes a camera; with `expectedVersion`, refuses if someone changed it meanwhile; audited with the diff. */
  async update(
    id: string,
    change: { patch: CameraPatch; expectedVersion?: number | undefined },
    actor: AuditAuthor,
  ): Promise<Camera> {
    const camera = await this.#work(async (stores) => {
      const current = await require(stores, id);
      // A console sends back the redacted URL it was shown: that must not overwrite the credentials.
      const { sourceUrl, subStreamUrl, ...rest } = change.patch;
      const keep = (sent: string | null | undefined, stored: string | undefined): boolean =>
        sent === undefined || (stored !== undefined && sent === redactSourceUrl(stored));
      const settings = applyCameraPatch(current, {
        ...rest,
        ...(keep(sourceUrl, current.sourceUrl) || sourceUrl === undefined ? {} : { sourceUrl }),
        ...(keep(subStreamUrl, current.subStreamUrl) ? {} : { subStreamUrl }),
      });
      validateCameraSettings(settings, this.#profile, change.patch);
      // Checked when the source changes; a stored one the policy now refuses is refused when recording starts.
      if (!keep(sourceUrl, current.sourceUrl)) assertSourceUrlAllowed(settings.sourceUrl, this.#sourcePolicy);
      if (!keep(subStreamUrl, current.subStreamUrl) && typeof settings.subStreamUrl === 'string') {
        assertSourceUrlAllowed(settings.subStreamUrl, this.#sourcePolicy);
      }
      assertNoSilentPromotion(current.ruleSettings ?? {}, settings.ruleSettings ?? {});
      if (change.patch.masks !== undefined) {
        // A change of masks must keep hidden the private space the registry declares (CSI L251-3).
        const exposure = privateSpaceExposure(settings.masks, await stores.registry.get(id));
        if (exposure !== undefined)
          throw new VigieError(
            'MASKS_LEAVE_PRIVATE_SPACE_VISIBLE',
            `Camera "${current.name}" faces private space: ${exposure.map((p) => p.reason).join('; ')}.`,
            exposure,
          );
      }
      // Passwords leave the URLs for the vault; a URL sent without one keeps the stored password (same user).
      const main = await storePassword(stores, this.#vault, { cameraId: id, role: 'main', url: settings.sourceUrl });
      const sub = await storePassword(stores, this.#vault, { cameraId: id, role: 'sub', url: settings.subStreamUrl });
      const { subStreamUrl: _sub, ...others } = settings;
      const stored = {
        ...others,
        sourceUrl: main ?? settings.sourceUrl,
        ...definedOnly({ subStreamUrl: sub }),
      };
      const updated = forClients(await stores.cameras.update(id, stored, change.expectedVersion ?? current.version));
      const shown = forClients(current);
      const diff = Object.fromEntries(
        Object.keys(change.patch)
          .filter((key) => JSON.stringify(shown[key as keyof Camera]) !== JSON.stringify(updated[key as keyof Camera]))
          .map((key) => [key, { from: shown[key as keyof Camera], to: updated[key as keyof Camera] }]),
      );
      await stores.audit.append({ action: 'camera.updated', ...actor, cameraId: id, details: { changes: diff } });
      return updated;
    });
    this.#events.publish({ v: 1, type: 'camera.updated', camera });
    return camera;
  }

  /**
   * Moves the passwords still written in cameras' URLs (rows from before they were sealed) into the vault, and
   * audits each camera so changed; run at every start, it does nothing once every URL is clean.
   */
  async sealStreamPasswords(actor: AuditAuthor): Promise<number> {
    return this.#work(async (stores) => {
      let sealed = 0;
      for (const camera of await stores.cameras.list()) {
        const roles: [StreamRole, string | undefined][] = [
          ['main', camera.sourceUrl],
          ['sub', camera.subStreamUrl],
        ];
        const withPassword = roles.filter(
          ([, url]) => url !== undefined && splitSourcePassword(url).password !== undefined,
        );
        if (withPassword.length === 0) continue;
        const main = await storePassword(stores, this.#vault, {
          cameraId: camera.id,
          role: 'main',
          url: camera.sourceUrl,
        });
        const sub = await storePassword(stores, this.#vault, {
          cameraId: camera.id,
          role: 'sub',
          url: camera.subStreamUrl,
        });
        const {
          id: _id,
          version,
          createdAt: _c,
          updatedAt: _u,
          authorisation: _a,
          subStreamUrl: _s,
          ...settings
        } = camera;
        await stores.cameras.update(
          camera.id,
          { ...settings, sourceUrl: main ?? camera.sourceUrl, ...definedOnly({ subStreamUrl: sub }) },
          version,
        );
        await stores.audit.append({
          action: 'camera.stream_password_sealed',
          ...actor,
          cameraId: camera.id,
          details: { streams: withPassword.map(([role]) => role) },
        });
        sealed += 1;
      }
      return sealed;
    });
  }

  /**
   * Removes a camera; throws CAMERA_NOT_FOUND if there is none and CAMERA_HOLDS_EVIDENCE while an access request
   * or a legal hold keeps some of its footage (deleting it would erase that evidence); audited.
   */
  async remove(id: string, actor: AuditAuthor): Promise<void> {
    await this.#work(async ({ cameras, audit, accessRequests, legalHolds }) => {
      const current = await cameras.get(id);
      if (current === undefined) throw notFound(id);
      const requests = new Set((await accessRequests.holdsFor(id)).map((hold) => hold.reference));
      const holds = (await legalHolds.activeFor(id, this.#clock.now())).map((hold) => hold.requisition);
      if (requests.size > 0 || holds.length > 0) {
        const named = [
          ...[...requests].map((reference) => `access request ${reference}`),
          ...holds.map((requisition) => `legal hold ${requisition}`),
        ];
        throw new VigieError(
          'CAMERA_HOLDS_EVIDENCE',
          `Camera "${current.name}" cannot be removed: its footage is held by ${named.join(', ')}.`,
        );
      }
      if (!(await cameras.remove(id))) throw notFound(id);
      await audit.append({ action: 'camera.deleted', ...actor, cameraId: id, details: { name: current.name } });
    });
    this.#events.publish({ v: 1, type: 'camera.deleted', cameraId: id });
  }
}

async function require(stores: Stores, id: string): Promise<Camera> {
  const camera = await stores.cameras.get(id);
  if (camera === undefined) throw notFound(id);
  return camera;
}

function notFound(id: string): VigieError {
  return new VigieError('CAMERA_NOT_FOUND', `No camera has id ${id}.`);
}
