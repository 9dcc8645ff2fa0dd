import type { AnalyticsEventType } from '@vigie/core';

/** The languages words burnt into alert snapshots are written in (the console's, French first). */
export const snapshotLanguages = ['fr', 'en'] as const;

/** One language of the snapshot words. */
export type SnapshotLanguage = (typeof snapshotLanguages)[number];

/** Event names as the console shows them (its `alertType.*` messages), for the snapshot overlay. */
export const snapshotEventNames: Record<SnapshotLanguage, Record<AnalyticsEventType, string>> = {
  fr: {
    abandoned_object: 'Objet abandonné',
    object_removed: 'Objet retiré',
    people_count: 'Comptage',
    crowd_density: 'Densité de foule',
    crowd_movement: 'Mouvement de foule',
    rapid_movement: 'Course',
    person_on_ground: 'Personne au sol',
    intrusion: 'Intrusion',
    wrong_way: 'Contresens',
    fire_smoke: 'Feu ou fumée',
    camera_tamper: 'Caméra masquée ou déplacée',
  },
  en: {
    abandoned_object: 'Abandoned object',
    object_removed: 'Object removed',
    people_count: 'People count',
    crowd_density: 'Crowd density',
    crowd_movement: 'Crowd movement',
    rapid_movement: 'Running',
    person_on_ground: 'Person on the ground',
    intrusion: 'Intrusion',
    wrong_way: 'Wrong way',
    fire_smoke: 'Fire or smoke',
    camera_tamper: 'Camera covered or moved',
  },
};
