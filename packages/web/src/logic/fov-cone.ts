/** A point on the map, degrees. */
export interface LatLon {
  lat: number;
  lon: number;
}

const earthRadiusM = 6_371_008.8;
const toRad = Math.PI / 180;

/** The point `distanceM` metres from `origin` towards `bearing` (degrees from north), on a sphere. */
export function destination(origin: LatLon, bearing: number, distanceM: number): LatLon {
  const d = distanceM / earthRadiusM;
  const lat1 = origin.lat * toRad;
  const lon1 = origin.lon * toRad;
  const b = bearing * toRad;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
  const lon2 =
    lon1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
  return { lat: lat2 / toRad, lon: lon2 / toRad };
}

/**
 * The field-of-view cone of a camera as a closed polygon: the camera, then an arc `rangeM` away from
 * heading − fov/2 to heading + fov/2. A 360° camera gets a full circle around it.
 */
export function fieldOfViewCone(
  camera: { location: LatLon; heading: number; fieldOfView: number },
  rangeM: number,
): LatLon[] {
  const fov = Math.min(Math.max(camera.fieldOfView, 1), 360);
  const steps = Math.max(4, Math.ceil(fov / 5));
  const start = camera.heading - fov / 2;
  const arc = Array.from({ length: steps + 1 }, (_, i) =>
    destination(camera.location, start + (fov * i) / steps, rangeM),
  );
  return fov >= 360 ? arc.slice(0, -1) : [camera.location, ...arc];
}
