import { describe, expect, it } from 'vitest';
import { clampPoint, freshId, isClosable, nudge, pointerPoint } from './image-geometry';

describe('drawing over a camera image', () => {
  it('turns a pointer position into normalised image coordinates, kept inside the image', () => {
    const box = { left: 100, top: 50, width: 800, height: 450 };
    expect(pointerPoint({ clientX: 500, clientY: 275 }, box)).toEqual({ x: 0.5, y: 0.5 });
    expect(pointerPoint({ clientX: 20, clientY: 600 }, box)).toEqual({ x: 0, y: 1 });
    expect(clampPoint({ x: 0.123456, y: 0.5 })).toEqual({ x: 0.1235, y: 0.5 });
  });

  it('nudges a vertex with the keyboard without leaving the image', () => {
    expect(nudge({ x: 0.5, y: 0.995 }, 0.01, 0.01)).toEqual({ x: 0.51, y: 1 });
  });

  it('closes a polygon only with at least 3 points that enclose an area', () => {
    expect(
      isClosable([
        { x: 0, y: 0 },
        { x: 1, y: 0 },
      ]),
    ).toBe(false);
    expect(
      isClosable([
        { x: 0, y: 0 },
        { x: 0.5, y: 0.5 },
        { x: 1, y: 1 },
      ]),
    ).toBe(false);
    expect(
      isClosable([
        { x: 0, y: 0 },
        { x: 1, y: 0 },
        { x: 1, y: 1 },
      ]),
    ).toBe(true);
  });

  it('gives each new shape an id no other shape uses', () => {
    expect(freshId('mask', [{ id: 'mask-1' }, { id: 'zone-2' }])).toBe('mask-2');
    expect(freshId('line', [])).toBe('line-1');
  });
});
