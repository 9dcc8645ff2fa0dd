import {
  accountabilityActions,
  accountabilityStatistics,
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
    const now = this.#clock.now();
    // The statistics cover the current month and the twelve before it.
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 12, 1));
    return this.#work(async ({ cameras, registry, analysisAuthorisations, audit }) =>
      transparencyReport({
        statistics: accountabilityStatistics(await audit.ofActions(accountabilityActions, from), this.#profile),
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
