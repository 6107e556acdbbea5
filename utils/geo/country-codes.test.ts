import { describe, expect, it } from 'vitest';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { COUNTRIES } from '../../tests/fake-bitly/catalog';
import { alpha2OfShape, countryKey, isCountryCode } from './country-codes';

describe('map shapes to Bitly country codes', () => {
  it.each([
    [{ id: '276' }, 'DE'],
    [{ id: '840' }, 'US'],
    [{ id: '036' }, 'AU'],
    [{ id: 36 }, 'AU'],
    [{ id: '826' }, 'GB'],
    [{ id: '158' }, 'TW'],
    [{ id: '732' }, 'EH'],
    [{ properties: { name: 'Kosovo' } }, 'XK'],
    [{ properties: { name: 'N. Cyprus' } }, 'CY'],
    [{ properties: { name: 'Somaliland' } }, 'SO'],
    [{ id: '', properties: { name: 'Kosovo' } }, 'XK'],
    [{ properties: { name: 'Atlantis' } }, null],
    [{ properties: null }, null],
    [{}, null],
    [{ id: '999' }, null],
    [{ id: '-99', properties: { name: 'Kosovo' } }, null],
  ])('%j → %s', (shape, code) => {
    expect(alpha2OfShape(shape)).toBe(code);
  });

  it('gives every shape of the bundled world map a distinct country, except the two ISO counts as parts of another', () => {
    const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const shapes = feature(topology, topology.objects.countries).features;
    const codes = shapes.map((shape) => alpha2OfShape(shape));
    expect(codes).not.toContain(null);
    const repeated = codes.filter((code, i) => codes.indexOf(code) !== i);
    expect(repeated.sort()).toEqual(['CY', 'SO']);
    expect(codes).toEqual(expect.arrayContaining(['DE', 'US', 'BR', 'IN', 'XK', 'AQ']));
  });
});

describe("Bitly's country values", () => {
  it.each([
    ['DE', 'DE'],
    ['de', 'DE'],
    ['XK', 'XK'],
    ['SG', 'SG'],
    ['Unknown', null],
    ['None', null],
    ['', null],
    ['ZZ', null],
    ['XX', null],
    ['A1', null],
    ['EU', null],
    ['AP', null],
    ['UK', null],
    ['DEU', null],
    ['276', null],
    ['--', null],
  ])('%j → %s', (value, key) => {
    expect(countryKey(value)).toBe(key);
    expect(isCountryCode(value)).toBe(key !== null);
  });

  it('places every country the stand-in reports', () => {
    for (const { code } of COUNTRIES) expect(countryKey(code)).toBe(code);
  });
});
