import { describe, expect, it } from 'vitest';
import { COUNTRIES } from '../tests/fake-bitly/catalog';
import { drawableCodes, mixHex } from './world-map-chart';

describe('world map', () => {
  it.each([
    ['#000000', '#ffffff', 0, '#000000'],
    ['#000000', '#ffffff', 1, '#ffffff'],
    ['#fde4d6', '#c2410c', 0.5, '#e09371'],
  ])('mixes %s and %s at %d: %s', (from, to, t, colour) => {
    expect(mixHex(from, to, t)).toBe(colour);
  });

  it('can colour the countries with shapes at 1:110m, Kosovo included and Antarctica left out', () => {
    const codes = drawableCodes();
    for (const code of ['DE', 'US', 'BR', 'XK', 'CY', 'SO']) expect(codes.has(code), code).toBe(true);
    for (const code of ['AQ', 'SG', 'MT']) expect(codes.has(code), code).toBe(false);
    // 177 shapes, less Antarctica and the two that share a code (Northern Cyprus, Somaliland).
    expect(codes.size).toBe(174);
  });

  it("can colour every country of the stand-in's data that is big enough for the map", () => {
    const missing = COUNTRIES.map((c) => c.code).filter((code) => !drawableCodes().has(code));
    expect(missing).toEqual(['SG']);
  });
});
