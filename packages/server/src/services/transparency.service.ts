import {
  transparencyGeoJson,
  transparencyReport,
  type Clock,
  type LegalProfile,
  type Transparency,
  type TransparencyContacts,
  type TransparencyGeoJson,
} from '@vigie/core';
import type { UnitOfWork } from '@vigie/db';

/** The public information page (R14): contacts from the configuration, cameras from the registries. */
export class TransparencyService {
  readonly #work: UnitOfWork;
  readonly #clock: Clock;
  readonly #profile: LegalProfile;
  readonly #contacts: TransparencyContacts;

  constructor(options: { work: UnitOfWork; clock: Clock; profile: LegalProfile; contacts: TransparencyContacts }) {
    this.#work = options.work;
    this.#clock = options.clock;
    this.#profile = options.profile;
    this.#contacts = options.contacts;
  }

  /** Controller, DPO, complaint authority, and every camera as the public may see it. */
  async report(): Promise<Transparency> {
    return this.#work(async ({ cameras, registry, analysisAuthorisations }) =>
      transparencyReport({
        contacts: this.#contacts,
        cameras: await cameras.list(),
        registry: await registry.list(),
        authorisations: await analysisAuthorisations.list({ current: true }),
        now: this.#clock.now(),
        profile: this.#profile,
      }),
    );
  }

  /** The cameras as GeoJSON points, for maps. */
  async geoJson(): Promise<TransparencyGeoJson> {
    return transparencyGeoJson(await this.report());
  }
}
