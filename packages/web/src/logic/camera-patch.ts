import type { Camera } from '../api/client';

/** The camera fields a person edits in the console (`site` '' when the camera has none, `masksOnCamera` false). */
export type CameraDraft = { site: string; masksOnCamera: boolean } & Pick<
  Camera,
  | 'name'
  | 'sourceUrl'
  | 'location'
  | 'heading'
  | 'fieldOfView'
  | 'retentionDays'
  | 'purposes'
  | 'enabled'
  | 'analytics'
  | 'zones'
  | 'masks'
  | 'lines'
  | 'calibration'
>;

const editable: readonly (keyof CameraDraft)[] = [
  'name',
  'site',
  'sourceUrl',
  'location',
  'heading',
  'fieldOfView',
  'retentionDays',
  'purposes',
  'enabled',
  'masksOnCamera',
  'analytics',
  'zones',
  'masks',
  'lines',
  'calibration',
];

/** The editable fields of a camera, as a draft to edit. */
export function draftOf(camera: Camera): CameraDraft {
  // No site is an empty field; masks not applied by the camera are false; no calibration is null (what the API
  // takes to remove one).
  const none = (key: keyof CameraDraft): unknown => (key === 'site' ? '' : key === 'masksOnCamera' ? false : null);
  return Object.fromEntries(editable.map((key) => [key, camera[key] ?? none(key)])) as CameraDraft;
}

/** The site as the API takes it: an empty field means none (null removes it from a camera). */
function siteOf(site: string): string | null {
  return site.trim() === '' ? null : site.trim();
}

/** A new camera's body: the draft, without a site when none was typed. */
export function cameraInput(draft: CameraDraft): Omit<CameraDraft, 'site'> & { site?: string } {
  const { site, ...rest } = draft;
  const named = siteOf(site);
  return named === null ? rest : { ...rest, site: named };
}

/** Only the fields the person changed, so the audit trail records exactly what changed. */
export function cameraPatch(
  original: CameraDraft,
  edited: CameraDraft,
): Partial<Omit<CameraDraft, 'site'>> & { site?: string | null } {
  return Object.fromEntries(
    editable
      .filter((key) => JSON.stringify(original[key]) !== JSON.stringify(edited[key]))
      .map((key) => [key, key === 'site' ? siteOf(edited.site) : edited[key]]),
  );
}
