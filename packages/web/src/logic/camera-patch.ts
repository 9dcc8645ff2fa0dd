import type { Camera } from '../api/client';

/** The camera fields a person edits in the console. */
export type CameraDraft = Pick<
  Camera,
  | 'name'
  | 'sourceUrl'
  | 'location'
  | 'heading'
  | 'fieldOfView'
  | 'retentionDays'
  | 'purposes'
  | 'enabled'
  | 'zones'
  | 'masks'
  | 'lines'
>;

const editable: readonly (keyof CameraDraft)[] = [
  'name',
  'sourceUrl',
  'location',
  'heading',
  'fieldOfView',
  'retentionDays',
  'purposes',
  'enabled',
  'zones',
  'masks',
  'lines',
];

/** The editable fields of a camera, as a draft to edit. */
export function draftOf(camera: Camera): CameraDraft {
  return Object.fromEntries(editable.map((key) => [key, camera[key]])) as CameraDraft;
}

/** Only the fields the person changed, so the audit trail records exactly what changed. */
export function cameraPatch(original: CameraDraft, edited: CameraDraft): Partial<CameraDraft> {
  return Object.fromEntries(
    editable
      .filter((key) => JSON.stringify(original[key]) !== JSON.stringify(edited[key]))
      .map((key) => [key, edited[key]]),
  );
}
