import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BitlyLink } from './bitly-link-at';
import type { CardFrame } from './card-frame';
import { createCardPreparer, PREPARE_AFTER_MS } from './card-prepare';

const link = (id: string) => ({ id, anchor: {} }) as BitlyLink;

function setup(cardOpen = false) {
  const calls: string[] = [];
  let made = 0;
  const frame = { prepare: (l: BitlyLink) => calls.push(`prepare ${l.id}`), unprepare: () => calls.push('unprepare') } as unknown as CardFrame;
  const preparer = createCardPreparer(
    () => {
      made++;
      return frame;
    },
    () => cardOpen,
  );
  return { preparer, calls, made: () => made };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('card preparation during the intent delay', () => {
  it('a pointer passing over a link prepares nothing and makes no frame', () => {
    const { preparer, calls, made } = setup();
    preparer.pending(link('bit.ly/a'));
    vi.advanceTimersByTime(PREPARE_AFTER_MS - 1);
    preparer.abandoned();
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual([]);
    expect(made()).toBe(0);
  });

  it('a pointer resting on a link prepares its card; leaving early drops it', () => {
    const { preparer, calls } = setup();
    preparer.pending(link('bit.ly/a'));
    vi.advanceTimersByTime(PREPARE_AFTER_MS);
    expect(calls).toEqual(['prepare bit.ly/a']);
    preparer.abandoned();
    expect(calls).toEqual(['prepare bit.ly/a', 'unprepare']);
  });

  it('the card opening keeps the preparation (only showing is left)', () => {
    const { preparer, calls } = setup();
    preparer.pending(link('bit.ly/a'));
    vi.advanceTimersByTime(PREPARE_AFTER_MS);
    preparer.opened();
    preparer.abandoned();
    expect(calls).toEqual(['prepare bit.ly/a']);
  });

  it.each([
    ['already rested the whole time (handed on by link-rest.ts)', PREPARE_AFTER_MS, 0],
    ['rested part of the time', 40, PREPARE_AFTER_MS - 40],
    ['just arrived', 0, PREPARE_AFTER_MS],
  ])('a link the pointer has %s is prepared once it has rested PREPARE_AFTER_MS in all', (_, restedMs, wait) => {
    const { preparer, calls } = setup();
    preparer.pending(link('bit.ly/a'), restedMs);
    if (wait > 0) {
      vi.advanceTimersByTime(wait - 1);
      expect(calls).toEqual([]);
      vi.advanceTimersByTime(1);
    }
    expect(calls).toEqual(['prepare bit.ly/a']);
  });

  it('while a card is open the next link is not prepared', () => {
    const { preparer, calls } = setup(true);
    preparer.pending(link('bit.ly/b'));
    preparer.pending(link('bit.ly/c'), PREPARE_AFTER_MS);
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual([]);
  });
});
