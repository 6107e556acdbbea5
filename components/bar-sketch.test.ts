import { describe, expect, it } from 'vitest';
import { barRects } from './bar-sketch';

describe('the quick bars of the clicks chart', () => {
  it.each<[string, number[], number, number, Array<{ x: number; y: number; width: number; height: number }>]>([
    ['no buckets: no bars', [], 100, 50, []],
    [
      'the tallest bar reaches the top padding; the others in proportion',
      [10, 5],
      100,
      52,
      [
        { x: 25 - 50 * 0.76 / 2, y: 2, width: 50 * 0.76, height: 50 },
        { x: 75 - 50 * 0.76 / 2, y: 27, width: 50 * 0.76, height: 25 },
      ],
    ],
    [
      'a bucket without clicks still shows the minimum bar',
      [0, 4],
      20,
      12,
      [
        { x: 5 - 10 * 0.76 / 2, y: 11, width: 10 * 0.76, height: 1 },
        { x: 15 - 10 * 0.76 / 2, y: 2, width: 10 * 0.76, height: 10 },
      ],
    ],
    ['no clicks at all: minimum bars only', [0, 0], 20, 12, [{ x: 5 - 3.8, y: 11, width: 7.6, height: 1 }, { x: 15 - 3.8, y: 11, width: 7.6, height: 1 }]],
  ])('%s', (_name, values, width, height, expected) => {
    const rects = barRects(values, width, height);
    expect(rects).toHaveLength(expected.length);
    rects.forEach((rect, i) => {
      for (const key of ['x', 'y', 'width', 'height'] as const) expect(rect[key]).toBeCloseTo(expected[i]![key], 6);
    });
  });
});
