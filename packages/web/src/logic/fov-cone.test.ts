import { describe, expect, it } from 'vitest';
import { destination, fieldOfViewCone } from './fov-cone';

const townHall = { lat: 50.3576, lon: 3.5246 };

describe('field-of-view cone', () => {
  it('moves north and east by the right distance (1° of latitude ≈ 111.2 km)', () => {
    const north = destination(townHall, 0, 111_195);
    expect(north.lat - townHall.lat).toBeCloseTo(1, 3);
    expect(north.lon).toBeCloseTo(townHall.lon, 9);
    const east = destination(townHall, 90, 100);
    expect(east.lat).toBeCloseTo(townHall.lat, 6);
    // At 50.36° N a degree of longitude is cos(50.36°) × 111.2 km ≈ 70.9 km.
    expect((east.lon - townHall.lon) * 70_900).toBeCloseTo(100, 0);
  });

  it('starts at the camera and spans heading ± fov/2 at the given range', () => {
    const cone = fieldOfViewCone({ location: townHall, heading: 270, fieldOfView: 60 }, 50);
    expect(cone[0]).toEqual(townHall);
    const first = cone[1]!;
    const last = cone.at(-1)!;
    // Facing west with 60°: the arc runs from 240° (south-west) to 300° (north-west).
    expect(first.lat).toBeLessThan(townHall.lat);
    expect(last.lat).toBeGreaterThan(townHall.lat);
    expect(first.lon).toBeLessThan(townHall.lon);
    const middle = cone[1 + (cone.length - 2) / 2]!;
    expect(middle.lat).toBeCloseTo(townHall.lat, 6);
    expect((townHall.lon - middle.lon) * 70_900).toBeCloseTo(50, 0);
  });

  it('draws a full circle, without the apex, for a 360° camera', () => {
    const cone = fieldOfViewCone({ location: townHall, heading: 0, fieldOfView: 360 }, 30);
    expect(cone).not.toContainEqual(townHall);
    expect(cone.length).toBeGreaterThan(36);
  });
});
