import { describe, expect, it } from 'vitest';
import { watermarkArgs, watermarkText } from './watermark.args.js';

describe('watermark of an unmasked view', () => {
  const at = new Date('2026-11-30T16:40:12Z');

  it('names the viewer, the lift and the time, three times across the frame', () => {
    const args = watermarkArgs({ viewer: 'alice', liftId: '4dea53b2-0000-4000-8000-000000000000', at });
    const filter = args[args.indexOf('-vf') + 1] ?? '';
    expect(filter.match(/drawtext=/g)).toHaveLength(3);
    expect(filter).toContain("text='alice - lift 4dea53b2 - 2026-11-30 16h40 UTC'");
    expect(filter).toContain('expansion=none');
    expect(args.at(-1)).toBe('pipe:1');
    expect(args).toContain('libx264');
  });

  it('cannot be escaped by a crafted name', () => {
    expect(watermarkText({ viewer: "x':drawtext=text='y\\,z%{n}", liftId: 'abc', at })).toBe(
      'x??drawtext?text??y??z??n? - lift abc - 2026-11-30 16h40 UTC',
    );
  });
});
