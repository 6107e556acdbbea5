import { describe, expect, it } from 'vitest';
import { EDGE_MARGIN, placeCard, type Rect } from './place-card';

const card = { width: 360, height: 380 };
const viewport = { width: 1280, height: 800 };
const gap = 6;
const link = (top: number, left = 100, height = 20, width = 120): Rect => ({ top, bottom: top + height, left, right: left + width });

describe('placeCard', () => {
  it('goes below the link when it fits', () => {
    expect(placeCard(link(100), card, viewport, gap)).toEqual({ top: 126, left: 100, side: 'below' });
  });

  it('flips above when there is no room below', () => {
    expect(placeCard(link(700), card, viewport, gap)).toEqual({ top: 700 - 6 - 380, left: 100, side: 'above' });
  });

  it('takes the side with more room and clamps when it fits neither', () => {
    const small = { width: 1280, height: 500 };
    const placed = placeCard(link(200), card, small, gap);
    expect(placed.side).toBe('below');
    expect(placed.top).toBe(500 - 380 - EDGE_MARGIN);
    const nearBottom = placeCard(link(320), card, small, gap);
    expect(nearBottom).toMatchObject({ side: 'above', top: EDGE_MARGIN });
  });

  it('clamps at the right edge', () => {
    expect(placeCard(link(100, 1200), card, viewport, gap).left).toBe(1280 - 360 - EDGE_MARGIN);
  });

  it('clamps at the left edge for a link partly scrolled out of view', () => {
    expect(placeCard(link(100, -50), card, viewport, gap).left).toBe(EDGE_MARGIN);
  });

  it('keeps the card on screen when the link is scrolled above the viewport', () => {
    expect(placeCard(link(-200), card, viewport, gap)).toMatchObject({ side: 'below', top: EDGE_MARGIN });
  });

  it('never goes negative in a viewport smaller than the card', () => {
    const tiny = { width: 300, height: 300 };
    const placed = placeCard(link(10, 10), card, tiny, gap);
    expect(placed.left).toBe(EDGE_MARGIN);
    expect(placed.top).toBe(EDGE_MARGIN);
  });
});
