import { describe, expect, it } from 'vitest';
import { boxLooksMeant, MAX_VIEWPORT_SHARE, MIN_SIDE_PX } from './link-visibility';

const viewport = { width: 1000, height: 800 };
const box = (left: number, top: number, width: number, height: number) => ({ left, top, right: left + width, bottom: top + height });

describe('boxLooksMeant', () => {
  it.each([
    ['an ordinary text link', box(40, 40, 120, 18), true],
    ['an icon link at the smallest size', box(10, 10, MIN_SIDE_PX, MIN_SIDE_PX), true],
    ['a big image link', box(0, 0, 900, 400), true],
    ['a 3×3 px link', box(300, 300, 3, 3), false],
    ['a line 1 px high', box(0, 300, 1000, 1), false],
    ['a link covering the viewport', box(0, 0, 1000, 800), false],
    ['a link bigger than the viewport, scrolled', box(-500, -500, 3000, 3000), false],
    ['a link just under the share', box(0, 0, 1000, 800 * MAX_VIEWPORT_SHARE - 1), true],
    ['a huge link mostly outside the viewport', box(0, 700, 1000, 5000), true],
  ])('%s: %s', (_, b, meant) => {
    expect(boxLooksMeant(b, viewport)).toBe(meant);
  });
});
