import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent } from './hover-intent';

const link = (id: string) => ({ kind: 'link' as const, link: id });
const card = { kind: 'card' as const };
const elsewhere = { kind: 'elsewhere' as const };

function setup(delay = 350) {
  const events: string[] = [];
  const intent = new HoverIntent<string>({
    delayMs: () => delay,
    closeGraceMs: 200,
    open: (l) => events.push(`open ${l}`),
    close: () => events.push('close'),
    same: (a, b) => a === b,
  });
  return { intent, events };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('HoverIntent', () => {
  it('opens after the delay when the pointer rests on a link', () => {
    const { intent, events } = setup();
    intent.pointerOn(link('a'));
    vi.advanceTimersByTime(349);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open a']);
    expect(intent.openLink).toBe('a');
  });

  it.each([
    { heardLateBy: 0, opensAfter: 350 },
    { heardLateBy: 17, opensAfter: 333 },
    { heardLateBy: 400, opensAfter: 0 },
  ])('counts the delay from when the pointer got there, heard $heardLateBy ms later', ({ heardLateBy, opensAfter }) => {
    const { intent, events } = setup();
    intent.pointerOn(link('a'), performance.now() - heardLateBy);
    if (opensAfter > 0) {
      vi.advanceTimersByTime(opensAfter - 1);
      expect(events).toEqual([]);
    }
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open a']);
  });

  it('opens nothing when the pointer leaves before the delay', () => {
    const { intent, events } = setup();
    intent.pointerOn(link('a'));
    vi.advanceTimersByTime(300);
    intent.pointerOn(elsewhere);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
  });

  it('moving over child elements of the same link does not restart the delay', () => {
    const { intent, events } = setup();
    intent.pointerOn(link('a'));
    vi.advanceTimersByTime(200);
    intent.pointerOn(link('a'));
    vi.advanceTimersByTime(150);
    expect(events).toEqual(['open a']);
  });

  it('moving to another link restarts the delay for that link', () => {
    const { intent, events } = setup();
    intent.pointerOn(link('a'));
    vi.advanceTimersByTime(300);
    intent.pointerOn(link('b'));
    vi.advanceTimersByTime(300);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(events).toEqual(['open b']);
  });

  it('the pointer can move from the link into the card without closing it', () => {
    const { intent, events } = setup();
    intent.pointerOn(link('a'));
    vi.advanceTimersByTime(350);
    intent.pointerOn(elsewhere); // the gap between link and card
    vi.advanceTimersByTime(100);
    intent.pointerOn(card);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['open a']);
  });

  it('closes shortly after the pointer left both link and card', () => {
    const { intent, events } = setup();
    intent.pointerOn(link('a'));
    vi.advanceTimersByTime(350);
    intent.pointerOn(card);
    intent.pointerOn(elsewhere);
    vi.advanceTimersByTime(199);
    expect(events).toEqual(['open a']);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open a', 'close']);
    expect(intent.openLink).toBeUndefined();
  });

  it('one card at a time: resting on another link replaces the open card', () => {
    const { intent, events } = setup();
    intent.pointerOn(link('a'));
    vi.advanceTimersByTime(350);
    intent.pointerOn(link('b'));
    vi.advanceTimersByTime(350);
    expect(events).toEqual(['open a', 'open b']);
  });

  it('openNow opens at once (keyboard) and closeNow closes', () => {
    const { intent, events } = setup();
    intent.openNow('a');
    intent.closeNow();
    intent.closeNow();
    expect(events).toEqual(['open a', 'close']);
  });

  it('reads the delay when the hover starts, so a settings change applies at once', () => {
    let delay = 350;
    const events: string[] = [];
    const intent = new HoverIntent<string>({
      delayMs: () => delay,
      closeGraceMs: 200,
      open: (l) => events.push(l),
      close: () => {},
      same: (a, b) => a === b,
    });
    delay = 50;
    intent.pointerOn(link('a'));
    vi.advanceTimersByTime(50);
    expect(events).toEqual(['a']);
  });

  describe('a link that may not open yet (no real move on it, or not visible enough)', () => {
    function gated(allowed: Set<string>) {
      const events: string[] = [];
      const intent = new HoverIntent<string>({
        delayMs: () => 350,
        closeGraceMs: 200,
        open: (l) => events.push(`open ${l}`),
        close: () => events.push('close'),
        same: (a, b) => a === b,
        mayOpen: (l) => allowed.has(l),
      });
      return { intent, events };
    }

    it('waits past its delay and opens as soon as it is ready, at once', () => {
      const allowed = new Set<string>();
      const { intent, events } = gated(allowed);
      intent.pointerOn(link('a'));
      vi.advanceTimersByTime(5_000);
      expect(events).toEqual([]);
      expect(intent.pendingLink).toBe('a');
      allowed.add('a');
      intent.ready('a');
      expect(events).toEqual(['open a']);
    });

    it('ready before the delay is over changes nothing: the delay still counts', () => {
      const { intent, events } = gated(new Set(['a']));
      intent.pointerOn(link('a'));
      intent.ready('a');
      vi.advanceTimersByTime(349);
      expect(events).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(events).toEqual(['open a']);
    });

    it.each([
      ['the pointer left', (intent: HoverIntent<string>) => intent.pointerOn(elsewhere)],
      ['the pointer went to another link', (intent: HoverIntent<string>) => intent.pointerOn(link('b'))],
    ])('never opens once %s', (_, move) => {
      const allowed = new Set<string>();
      const { intent, events } = gated(allowed);
      intent.pointerOn(link('a'));
      vi.advanceTimersByTime(400);
      move(intent);
      allowed.add('a');
      intent.ready('a');
      vi.advanceTimersByTime(1_000);
      expect(events).toEqual([]);
    });

    it('a link still not allowed when it says it is ready stays shut', () => {
      const { intent, events } = gated(new Set());
      intent.pointerOn(link('a'));
      vi.advanceTimersByTime(400);
      intent.ready('a');
      expect(events).toEqual([]);
    });
  });

  describe('pending and abandoned (the card prepared during the delay)', () => {
    function withPreparation() {
      const events: string[] = [];
      const intent = new HoverIntent<string>({
        delayMs: () => 350,
        closeGraceMs: 200,
        open: (l) => events.push(`open ${l}`),
        close: () => events.push('close'),
        same: (a, b) => a === b,
        pending: (l) => events.push(`pending ${l}`),
        abandoned: (l) => events.push(`abandoned ${l}`),
      });
      return { intent, events };
    }

    it.each([
      ['the pointer leaves', (i: HoverIntent<string>) => i.pointerOn(elsewhere), ['pending a', 'abandoned a']],
      ['another link', (i: HoverIntent<string>) => i.pointerOn(link('b')), ['pending a', 'abandoned a', 'pending b']],
      ['the same link again', (i: HoverIntent<string>) => i.pointerOn(link('a')), ['pending a']],
      ['Escape', (i: HoverIntent<string>) => i.closeNow(), ['pending a', 'abandoned a']],
    ])('a delay cancelled by %s is abandoned; nothing opens', (_what, act, expected) => {
      const { intent, events } = withPreparation();
      intent.pointerOn(link('a'));
      vi.advanceTimersByTime(200);
      act(intent);
      expect(events).toEqual(expected);
    });

    it('a delay that ends opens its card and abandons nothing', () => {
      const { intent, events } = withPreparation();
      intent.pointerOn(link('a'));
      vi.advanceTimersByTime(350);
      intent.pointerOn(elsewhere);
      vi.advanceTimersByTime(1000);
      expect(events).toEqual(['pending a', 'open a', 'close']);
    });
  });
});
