import { describe, expect, it } from 'vitest';
import { windowFor } from './time-window';

describe('the window a range and unit ask Bitly for (unit, units)', () => {
  it.each([
    ['7d', 'hour', 168],
    ['7d', 'day', 7],
    ['7d', 'week', 1],
    ['7d', 'month', 1],
    ['30d', 'hour', 720],
    ['30d', 'day', 30],
    ['30d', 'week', 5],
    ['30d', 'month', 1],
    ['90d', 'hour', 2160],
    ['90d', 'day', 90],
    ['90d', 'week', 13],
    ['90d', 'month', 3],
    ['all', 'hour', -1],
    ['all', 'day', -1],
    ['all', 'week', -1],
    ['all', 'month', -1],
  ] as const)('%s in %ss → units=%d', (range, unit, units) => {
    expect(windowFor({ range, unit })).toEqual({ unit, units });
  });
});
