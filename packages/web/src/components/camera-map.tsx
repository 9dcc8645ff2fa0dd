import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { definedOnly } from '@vigie/core/defined-only';
import type { CameraState } from '../api/contract';
import { fieldOfViewCone } from '../logic/fov-cone';

/** A camera as the map draws it: where it stands, where it looks, and (for staff) its stream state. */
export interface MapCamera {
  id: string;
  name: string;
  location: { lat: number; lon: number };
  heading: number;
  fieldOfView: number;
  status?: CameraState;
}

/** What the map shows and what a click on a camera does. */
export interface CameraMapProps {
  cameras: readonly MapCamera[];
  /** Accessible name of the map. */
  label: string;
  /** Tile URL template ({z}/{x}/{y}); absent or null: a plain background with a coordinate grid (works offline). */
  tileUrl?: string | null;
  /** Attribution the tile provider asks for. */
  tileAttribution?: string;
  /** Called when a camera is clicked (e.g. to open its live view). */
  onOpen?: (cameraId: string) => void;
  /** Text shown beside a camera's name for its state, e.g. translated "online"; none for the public. */
  statusText?: (status: CameraState) => string;
  /** Metres the field-of-view cone reaches; by default it is drawn 70 pixels long at any zoom. */
  coneRangeM?: number;
}

/** Colours of stream states, chosen to stay distinct for red-green colour blindness; text says it too. */
export const statusColours: Record<CameraState | 'unknown', string> = {
  online: '#3fb950',
  starting: '#d29922',
  degraded: '#e3b341',
  offline: '#f85149',
  error: '#db61a2',
  disabled: '#8b949e',
  unknown: '#58a6ff',
};

/** Puts a camera's label on the side away from where it looks, so the label never covers the cone. */
export function labelDirection(heading: number): 'top' | 'bottom' | 'left' | 'right' {
  const h = ((heading % 360) + 360) % 360;
  if (h >= 315 || h < 45) return 'bottom';
  if (h < 135) return 'left';
  if (h < 225) return 'top';
  return 'right';
}

const labelOffsets = { top: [0, -10], bottom: [0, 10], left: [-10, 0], right: [10, 0] } as const;

/** Metres covered by a number of screen pixels at the map's zoom and latitude (Web Mercator). */
function metresForPixels(map: L.Map, pixels: number): number {
  const lat = map.getCenter().lat * (Math.PI / 180);
  return (pixels * 40_075_016.686 * Math.cos(lat)) / 2 ** (map.getZoom() + 8);
}

function graticule(map: L.Map, layer: L.LayerGroup): void {
  layer.clearLayers();
  const bounds = map.getBounds().pad(0.5);
  const span = Math.max(bounds.getNorth() - bounds.getSouth(), bounds.getEast() - bounds.getWest());
  const step =
    [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10].find((s) => span / s <= 12) ?? 10;
  const style = { color: '#2f3b48', weight: 1, interactive: false };
  for (let lat = Math.ceil(bounds.getSouth() / step) * step; lat <= bounds.getNorth(); lat += step) {
    L.polyline(
      [
        [lat, bounds.getWest()],
        [lat, bounds.getEast()],
      ],
      style,
    ).addTo(layer);
  }
  for (let lon = Math.ceil(bounds.getWest() / step) * step; lon <= bounds.getEast(); lon += step) {
    L.polyline(
      [
        [bounds.getSouth(), lon],
        [bounds.getNorth(), lon],
      ],
      style,
    ).addTo(layer);
  }
}

/**
 * Cameras on a map (Leaflet): a dot coloured by state, the field-of-view cone, a label, click to open.
 * Without a tile URL it needs no network: a plain background with a coordinate grid and a scale.
 * Reused by the public transparency page (without statuses).
 */
export function CameraMap({
  cameras,
  label,
  tileUrl,
  tileAttribution,
  onOpen,
  statusText,
  coneRangeM,
}: CameraMapProps) {
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | undefined>(undefined);
  const cameraLayer = useRef<L.LayerGroup | undefined>(undefined);
  const fittedTo = useRef('');
  const latestOpen = useRef(onOpen);
  useEffect(() => {
    latestOpen.current = onOpen;
  });

  useEffect(() => {
    if (element.current === null) return;
    const created = L.map(element.current, { zoomSnap: 0.25, attributionControl: tileUrl != null });
    created.setView([46.6, 2.4], 6);
    L.control.scale({ imperial: false }).addTo(created);
    if (tileUrl != null) {
      L.tileLayer(tileUrl, {
        maxZoom: 20,
        // The page's policy sends no referrer off-site; tile servers that ask for one (OpenStreetMap) get the origin only.
        referrerPolicy: 'strict-origin',
        ...definedOnly({ attribution: tileAttribution }),
      }).addTo(created);
    } else {
      const grid = L.layerGroup().addTo(created);
      created.on('moveend', () => graticule(created, grid));
      graticule(created, grid);
    }
    cameraLayer.current = L.layerGroup().addTo(created);
    map.current = created;
    fittedTo.current = '';
    return () => {
      created.remove();
      map.current = undefined;
    };
  }, [tileUrl, tileAttribution]);

  useEffect(() => {
    const layer = cameraLayer.current;
    const current = map.current;
    if (layer === undefined || current === undefined) return;
    const key = cameras.map((c) => c.id).join();
    if (cameras.length > 0 && key !== fittedTo.current) {
      fittedTo.current = key;
      const bounds = L.latLngBounds(cameras.map((c) => [c.location.lat, c.location.lon]));
      // Room around the cameras for their labels (name and state, up to ~380 px), which extend sideways.
      const size = current.getSize();
      const padding = L.point(Math.min(420, size.x * 0.42), Math.min(100, size.y * 0.15));
      current.fitBounds(bounds, { padding, maxZoom: 18, animate: false });
    }
    function draw(): void {
      if (layer === undefined || current === undefined) return;
      layer.clearLayers();
      const range = coneRangeM ?? metresForPixels(current, 70);
      for (const camera of cameras) {
        const colour = statusColours[camera.status ?? 'unknown'];
        const cone = fieldOfViewCone(camera, range).map((p) => L.latLng(p.lat, p.lon));
        const open = () => latestOpen.current?.(camera.id);
        L.polygon(cone, { color: colour, weight: 2, fillColor: colour, fillOpacity: 0.22 })
          .on('click', open)
          .addTo(layer);
        const state = camera.status !== undefined && statusText !== undefined ? ` — ${statusText(camera.status)}` : '';
        const direction = labelDirection(camera.heading);
        L.circleMarker([camera.location.lat, camera.location.lon], {
          radius: 9,
          color: '#0d1117',
          weight: 2,
          fillColor: colour,
          fillOpacity: 1,
          className: 'camera-dot',
        })
          .bindTooltip(`${camera.name}${state}`, {
            permanent: true,
            direction,
            offset: [...labelOffsets[direction]],
            className: 'camera-label',
          })
          .on('click', open)
          .addTo(layer);
      }
    }
    draw();
    current.on('zoomend', draw);
    return () => {
      current.off('zoomend', draw);
    };
  }, [cameras, coneRangeM, statusText, tileUrl, tileAttribution]);

  return <div ref={element} className="camera-map" role="region" aria-label={label} data-testid="camera-map" />;
}
