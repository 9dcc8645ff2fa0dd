// Addresses the browser loads itself (<img>, download links): the session cookie authenticates them.

const id = encodeURIComponent;

/** The latest recorded frame of a camera, masks applied (audited). */
export const cameraSnapshotUrl = (cameraId: string) => `/api/cameras/${id(cameraId)}/snapshot.jpg`;

/** The image of an alert with the detection drawn. */
export const alertSnapshotUrl = (alertId: string) => `/api/alerts/${id(alertId)}/snapshot.jpg`;

/** The video of an export (download audited). */
export const exportVideoUrl = (exportId: string) => `/api/exports/${id(exportId)}/video.mp4`;

/** The evidence package of an export: video, signed manifest, signature, public key (download audited). */
export const exportPackageUrl = (exportId: string) => `/api/exports/${id(exportId)}/package.zip`;
