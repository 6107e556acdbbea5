import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PREPARE_AFTER_MS } from './card-prepare';
import { createLinkRest } from './link-rest';

/** A stand-in link whose `:hover` the test sets. */
function fakeLink(name: string) {
  const link = { name, hovered: true, matches: (selector: string) => selector === ':hover' && link.hovered };
  return link as typeof link & HTMLAnchorElement;
}

function setup(delayMs = 350) {
  const rested: Array<[string, number]> = [];
  const rest = createLinkRest((anchor, since) => rested.push([(anchor as ReturnType<typeof fakeLink>).name, since]), () => delayMs);
  return { rest, rested };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a Bitly hover is handed on once the pointer rests on the link', () => {
  it('a link still hovered PREPARE_AFTER_MS later is handed on, with when the pointer got there', () => {
    const { rest, rested } = setup();
    rest.hovered(fakeLink('a'), 1234);
    vi.advanceTimersByTime(PREPARE_AFTER_MS - 1);
    expect(rested).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(rested).toEqual([['a', 1234]]);
  });

  it.each([0, 40])('an intent delay of %i ms, shorter than the wait, is not made longer: handed on when it is over', (delayMs) => {
    const { rest, rested } = setup(delayMs);
    rest.hovered(fakeLink('a'), 1234);
    vi.advanceTimersByTime(delayMs);
    expect(rested).toEqual([['a', 1234]]);
  });

  it('without a known arrival time, the hover counts from when it was heard', () => {
    const { rest, rested } = setup();
    const heard = performance.now();
    rest.hovered(fakeLink('a'));
    vi.advanceTimersByTime(PREPARE_AFTER_MS);
    expect(rested).toEqual([['a', heard]]);
  });

  it.each([
    ['the pointer left it', (_rest: ReturnType<typeof createLinkRest>, a: ReturnType<typeof fakeLink>) => {
      a.hovered = false;
    }],
    ['the extension went away', (rest: ReturnType<typeof createLinkRest>) => rest.stop()],
  ])('a crossing costs nothing more when %s', (_, meanwhile) => {
    const { rest, rested } = setup();
    const a = fakeLink('a');
    rest.hovered(a, 0);
    meanwhile(rest, a);
    vi.advanceTimersByTime(PREPARE_AFTER_MS * 3);
    expect(rested).toEqual([]);
  });

  it('a link reached next replaces the one before: only the rested one is handed on', () => {
    const { rest, rested } = setup();
    const a = fakeLink('a');
    rest.hovered(a, 0);
    vi.advanceTimersByTime(PREPARE_AFTER_MS / 2);
    rest.hovered(fakeLink('b'), 50);
    vi.advanceTimersByTime(PREPARE_AFTER_MS);
    expect(rested).toEqual([['b', 50]]);
  });
});
