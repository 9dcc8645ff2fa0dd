import { describe, expect, it } from 'vitest';
import * as product from './index.js';
import * as support from './testing.js';

describe('the vision package entry points', () => {
  it('keeps evaluation and test support out of the product entry point', () => {
    expect(Object.keys(support)).toEqual(expect.arrayContaining(['renderScene', 'syntheticScenes', 'scoreRuns']));
    expect(Object.keys(support).filter((name) => name in product)).toEqual([]);
  });
});
