import type { Authorisation } from '../api/contract';
import type { CoveredAnalytic, Dpia, Facing, RegistryEntry, RegistryEntryInput, SignageStatus } from '../api/dpo-api';
import { analyticsWithoutDpia } from '@vigie/core/dpia-rules';

/** The registry editor's fields, as typed: an entry being written, or a new one. */
export interface RegistryDraft {
  reference: string;
  issuedOn: string;
  expiresOn: string;
  signageStatus: SignageStatus;
  signageNotes: string;
  facing: Facing;
  /** The private regions declared (API or CLI): kept as they are, sent back only while the view faces private space. */
  privateRegions: RegistryEntryInput['privateRegions'];
  /** The impact assessment, or undefined when the camera has none. */
  dpia: Dpia | undefined;
}

/** The fields of a recorded entry, or empty fields for a camera the registry does not hold yet. */
export function registryDraft(entry: RegistryEntry | undefined): RegistryDraft {
  if (entry === undefined)
    return {
      reference: '',
      issuedOn: '',
      expiresOn: '',
      signageStatus: 'missing',
      signageNotes: '',
      facing: 'public',
      privateRegions: undefined,
      dpia: undefined,
    };
  return {
    reference: entry.authorisation.reference,
    issuedOn: entry.authorisation.issuedOn,
    expiresOn: entry.authorisation.expiresOn,
    signageStatus: entry.signage.status,
    signageNotes: entry.signage.notes ?? '',
    facing: entry.facing,
    privateRegions: entry.privateRegions,
    dpia: entry.dpia,
  };
}

/** A new impact assessment covering the camera's enabled analytics that need one, to review in a year. */
export function blankDpia(enabled: readonly CoveredAnalytic[], today: string): Dpia {
  const year = Number(today.slice(0, 4)) + 1;
  return {
    reference: '',
    dpoOpinion: '',
    lessIntrusiveAlternatives: '',
    coveredAnalytics: enabled.filter((a) => !analyticsWithoutDpia.includes(a)),
    reviewOn: `${year}${today.slice(4)}`,
  };
}

/** What the server records: trimmed text, notes only when written, the assessment only when there is one. */
export function registryInput(draft: RegistryDraft): RegistryEntryInput {
  const notes = draft.signageNotes.trim();
  const dpia = draft.dpia;
  return {
    authorisation: { reference: draft.reference.trim(), issuedOn: draft.issuedOn, expiresOn: draft.expiresOn },
    signage: { status: draft.signageStatus, ...(notes === '' ? {} : { notes }) },
    facing: draft.facing,
    ...(draft.facing === 'private' && draft.privateRegions !== undefined
      ? { privateRegions: draft.privateRegions }
      : {}),
    ...(dpia === undefined
      ? {}
      : {
          dpia: {
            ...dpia,
            reference: dpia.reference.trim(),
            dpoOpinion: dpia.dpoOpinion.trim(),
            lessIntrusiveAlternatives: dpia.lessIntrusiveAlternatives.trim(),
          },
        }),
  };
}

/** One analytic an assessment may cover: enabled on the camera or not (covered once, since disabled). */
export interface DpiaChoice {
  analytic: CoveredAnalytic;
  enabled: boolean;
}

/**
 * The analytics the assessment's checkboxes offer: the camera's enabled ones, and any it still covers that
 * were disabled since (so the DPO can uncheck them); nothing else, since it would cover nothing that runs.
 */
export function dpiaChoices(enabled: readonly CoveredAnalytic[], covered: readonly CoveredAnalytic[]): DpiaChoice[] {
  const stale = covered.filter((a) => !enabled.includes(a));
  return [
    ...enabled.map((analytic) => ({ analytic, enabled: true })),
    ...stale.map((analytic) => ({ analytic, enabled: false })),
  ];
}

/** A camera's authorisation as its registry entry states it (fresher than the camera's copy), else the camera's. */
export function authorisationOf(
  camera: { authorisation: Authorisation },
  entry: Pick<RegistryEntry, 'authorisation'> | undefined,
): Authorisation {
  return entry === undefined
    ? camera.authorisation
    : { state: entry.authorisation.state, expiresAt: entry.authorisation.expiresAt };
}
