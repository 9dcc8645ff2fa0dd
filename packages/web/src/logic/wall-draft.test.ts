import { describe, expect, it } from 'vitest';
import { addToTour, cameraTree, clearTile, placeCamera, resizeWall, setDwell, tilesAt, tileStream } from './wall-draft';

describe('the wall an operator arranges', () => {
  it('fills new tiles with cameras not on the wall yet, keeps the others, and drops tiles when the grid shrinks', () => {
    const four = resizeWall([], 4, ['a', 'b', 'c']);
    expect(four.tiles).toEqual([{ cameraIds: ['a'] }, { cameraIds: ['b'] }, { cameraIds: ['c'] }, { cameraIds: [] }]);
    const moved = placeCamera(four, 0, 'c');
    expect(resizeWall(moved.tiles, 9, ['a', 'b', 'c', 'd']).tiles.slice(0, 5)).toEqual([
      { cameraIds: ['c'] },
      { cameraIds: ['b'] },
      { cameraIds: ['c'] },
      { cameraIds: [] },
      { cameraIds: ['a'] },
    ]);
    expect(resizeWall(moved.tiles, 1, []).tiles).toEqual([{ cameraIds: ['c'] }]);
  });

  it('makes a tour of a tile, cycles it on the clock, and bounds its dwell as the server does', () => {
    let wall = resizeWall([], 4, ['a', 'b']);
    wall = addToTour(addToTour(wall, 1, 'c'), 1, 'c');
    expect(wall.tiles[1]).toEqual({ cameraIds: ['b', 'c'], dwellS: 10 });
    expect(tilesAt(wall, 0)).toEqual(['a', 'b', undefined, undefined]);
    expect(tilesAt(wall, 10_000)).toEqual(['a', 'c', undefined, undefined]);
    expect(setDwell(wall, 1, 1).tiles[1]?.dwellS).toBe(5);
    expect(setDwell(wall, 1, 9999).tiles[1]?.dwellS).toBe(600);
    expect(clearTile(wall, 1).tiles[1]).toEqual({ cameraIds: [] });
  });

  it('promotes an alert’s camera to the first tile, the others moving down one place', () => {
    const wall = resizeWall([], 4, ['a', 'b', 'c', 'd']);
    expect(tilesAt(wall, 0, 'd')).toEqual(['d', 'a', 'b', 'c']);
    expect(tilesAt(wall, 0, 'z')).toEqual(['z', 'a', 'b', 'c']);
  });

  it('groups cameras by site, alphabetically, those without a site last, and searches ignoring accents', () => {
    const cameras = [
      { name: 'Parvis', site: 'Gare' },
      { name: 'Entrée', site: 'Mairie' },
      { name: 'Consigne', site: 'Gare' },
      { name: 'Pont' },
    ];
    expect(cameraTree(cameras).map((b) => [b.site, b.cameras.map((c) => c.name)])).toEqual([
      ['Gare', ['Consigne', 'Parvis']],
      ['Mairie', ['Entrée']],
      [undefined, ['Pont']],
    ]);
    expect(cameraTree(cameras, 'ENTREE').map((b) => b.site)).toEqual(['Mairie']);
    expect(cameraTree(cameras, 'gare').flatMap((b) => b.cameras.map((c) => c.name))).toEqual(['Consigne', 'Parvis']);
  });

  it('asks for the sub stream on small tiles (4 or more), the main stream on a single or enlarged tile', () => {
    expect([1, 4, 9, 16].map((grid) => tileStream(grid, false))).toEqual(['main', 'sub', 'sub', 'sub']);
    expect(tileStream(9, true)).toBe('main');
  });
});
