import { describe, expect, it } from 'vitest';
import { glyph, hasGlyph } from './bitmap.font.js';
import { textCells } from './raster.drawing.js';
import { snapshotEventNames } from './snapshot.words.js';

const unknown = glyph('?');
const same = (a: Uint8Array, b: Uint8Array) => a.every((v, i) => v === b[i]);

describe('bitmap font', () => {
  it('draws every character of the snapshot words and of French camera names, none as "?"', () => {
    const texts = [
      ...Object.values(snapshotEventNames).flatMap((names) => Object.values(names)),
      'Hôtel de Ville — Entrée',
      'Place d’Armes — Nord',
      'Gare · Parvis, 2°C, « Œuvre » Noël, Où, Garçon, Île, Âge',
      '12\u202f345 personnes',
    ];
    const missing = texts.flatMap(textCells).filter((ch) => !hasGlyph(ch) || same(glyph(ch), unknown));
    expect(missing).toEqual([]);
  });

  it('gives accented capitals their own glyph, and letters whose accent it lacks their bare letter', () => {
    expect(same(glyph('é'), glyph('É'))).toBe(true);
    expect(same(glyph('É'), glyph('E'))).toBe(false);
    expect(same(glyph('—'), glyph('-'))).toBe(false);
    expect(same(glyph('ñ'), glyph('N'))).toBe(true);
    expect(same(glyph('\u202f'), glyph(' '))).toBe(true);
    expect(hasGlyph('漢')).toBe(false);
    expect(same(glyph('漢'), unknown)).toBe(true);
  });

  it('reads a decomposed accent (e + ◌́) as one character', () => {
    expect(textCells('Entre\u0301e')).toEqual(['E', 'n', 't', 'r', 'é', 'e']);
  });
});
