import { describe, expect, it, vi } from 'vitest';
import { CardRelay, MAX_CARD_PORTS_PER_TAB } from './card-relay';
import { CARD_PORT_PREFIX, PORT_REJECTED, type CardPush } from './protocol';

const self = { id: 'bitlens-id', origin: 'chrome-extension://bitlens-id/' };
const KEY = '0f8e6a8c-2b1d-4c55-9a57-3e1f0c2d4b6a';
const SHOW: CardPush = { type: 'show', link: 'bit.ly/Abc1234', text: 'Read' };

/** A port as `runtime.onConnect` hands it over, recording what is posted to it. */
function port({ key = KEY, tab = 7 as number | null, url = `${self.origin}card.html#k=${KEY}`, frameId = 3, documentId = 'DOC-1' } = {}) {
  const disconnectListeners: Array<() => void> = [];
  return {
    name: CARD_PORT_PREFIX + key,
    sender: { id: self.id, url, frameId, documentId, ...(tab === null ? {} : { tab: { id: tab } }) },
    posted: [] as unknown[],
    postMessage(message: unknown) {
      this.posted.push(message);
    },
    disconnect: vi.fn(),
    onDisconnect: { addListener: (listener: () => void) => disconnectListeners.push(listener) },
    /** The frame went away. */
    close: () => disconnectListeners.forEach((listener) => listener()),
  };
}

const attach = (frames: CardRelay, p: ReturnType<typeof port>) => frames.attach(p as never);

describe('CardRelay', () => {
  it('relays show and hide to the frame with that key in that tab only', () => {
    const frames = new CardRelay(self);
    const mine = port();
    const otherTab = port({ tab: 8 });
    attach(frames, mine);
    attach(frames, otherTab);
    frames.relay(7, KEY, SHOW);
    frames.relay(7, KEY, { type: 'hide' });
    expect(mine.posted).toEqual([SHOW, { type: 'hide' }]);
    expect(otherTab.posted).toEqual([]);
  });

  it('keeps a show until the frame connects, and forgets it when hidden first', () => {
    const frames = new CardRelay(self);
    frames.relay(7, KEY, SHOW);
    const late = port();
    attach(frames, late);
    expect(late.posted).toEqual([SHOW]);

    const other = 'a'.repeat(20);
    frames.relay(7, other, SHOW);
    frames.relay(7, other, { type: 'hide' });
    const hidden = port({ key: other });
    attach(frames, hidden);
    expect(hidden.posted).toEqual([]);
  });

  it('gives a key to the first frame only: a copy framed by the page is turned away', () => {
    const frames = new CardRelay(self);
    const mine = port();
    const copy = port();
    attach(frames, mine);
    attach(frames, copy);
    expect(copy.disconnect).toHaveBeenCalled();
    frames.relay(7, KEY, SHOW);
    // Told it was turned away on purpose (so it never reconnects), and nothing else.
    expect(copy.posted).toEqual([PORT_REJECTED]);
    expect(mine.posted).toEqual([SHOW]);
  });

  it('takes a reconnecting frame after its port closed (the worker restarted)', () => {
    const frames = new CardRelay(self);
    const first = port();
    attach(frames, first);
    first.close();
    const again = port();
    attach(frames, again);
    frames.relay(7, KEY, SHOW);
    expect(again.posted).toEqual([SHOW]);
  });

  it.each([
    ['a content script (no extension URL)', { url: 'https://example.com/' }],
    ['another extension page', { url: `${self.origin}options.html` }],
    ['a card page outside any tab', { tab: null }],
  ])('refuses a card port from %s', (_, override) => {
    const frames = new CardRelay(self);
    const p = port(override);
    attach(frames, p);
    expect(p.disconnect).toHaveBeenCalled();
    frames.relay(7, KEY, SHOW);
    expect(p.posted).toEqual([PORT_REJECTED]);
  });

  it('keeps the show for the next frame when the port went away unheard (the page removed the frame)', () => {
    const frames = new CardRelay(self);
    const gone = port();
    attach(frames, gone);
    gone.postMessage = () => {
      throw new Error('Attempting to use a disconnected port object');
    };
    frames.relay(7, KEY, SHOW);
    const reloaded = port();
    attach(frames, reloaded);
    expect(reloaded.posted).toEqual([SHOW]);
  });

  it('tells every card frame when settings change', () => {
    const frames = new CardRelay(self);
    const [a, b] = [port(), port({ tab: 8 })];
    attach(frames, a);
    attach(frames, b);
    const push = { type: 'settings', settings: { hoverEnabled: false } } as unknown as CardPush;
    frames.broadcast(push);
    expect(a.posted).toEqual([push]);
    expect(b.posted).toEqual([push]);
  });

  it('ignores ports that are not card ports', () => {
    const frames = new CardRelay(self);
    const p = { ...port(), name: 'bitlens-asker:abc' };
    attach(frames, p);
    expect(p.disconnect).not.toHaveBeenCalled();
  });

  it('holds at most the cap of card ports per tab: later copies are turned away, the real frame keeps working', () => {
    const frames = new CardRelay(self);
    const keyOf = (i: number) => `copy-${String(i).padStart(16, '0')}`;
    const real = port({ key: keyOf(0) });
    attach(frames, real);
    const copies = Array.from({ length: 10 }, (_, i) => port({ key: keyOf(i + 1) }));
    for (const copy of copies) attach(frames, copy);
    expect(frames.portsIn(7)).toBe(MAX_CARD_PORTS_PER_TAB);
    expect(real.disconnect).not.toHaveBeenCalled();
    // The turned-away copies heard why, so they do not come back.
    const turnedAway = copies.slice(MAX_CARD_PORTS_PER_TAB - 1);
    for (const copy of turnedAway) expect(copy.posted).toEqual([PORT_REJECTED]);
    for (const copy of copies.slice(0, MAX_CARD_PORTS_PER_TAB - 1)) expect(copy.disconnect).not.toHaveBeenCalled();
    // Another tab is not affected, and the real frame gets its cards.
    const elsewhere = port({ tab: 8 });
    attach(frames, elsewhere);
    expect(elsewhere.disconnect).not.toHaveBeenCalled();
    frames.relay(7, keyOf(0), SHOW);
    expect(real.posted).toEqual([SHOW]);
    expect(frames.connectAttempts).toBe(12);
  });

  it('a place freed by a closed frame is taken again', () => {
    const frames = new CardRelay(self);
    const keyOf = (i: number) => `frame-${String(i).padStart(16, '0')}`;
    const held = Array.from({ length: MAX_CARD_PORTS_PER_TAB }, (_, i) => port({ key: keyOf(i) }));
    for (const p of held) attach(frames, p);
    held[0]!.close();
    const next = port({ key: keyOf(99) });
    attach(frames, next);
    expect(next.posted).toEqual([]);
    expect(frames.portsIn(7)).toBe(MAX_CARD_PORTS_PER_TAB);
  });

  it('only the frame that first held a key may hold it again: a copy connecting while it reconnects gets nothing', () => {
    const frames = new CardRelay(self);
    const mine = port();
    attach(frames, mine);
    mine.close();
    const copies = [port({ frameId: 9, documentId: 'DOC-9' }), port({ documentId: 'DOC-2' })];
    for (const copy of copies) attach(frames, copy);
    const back = port();
    attach(frames, back);
    frames.relay(7, KEY, SHOW);
    for (const copy of copies) {
      expect(copy.disconnect).toHaveBeenCalled();
      expect(copy.posted).not.toContainEqual(SHOW);
    }
    expect(back.disconnect).not.toHaveBeenCalled();
    expect(back.posted).toEqual([SHOW]);
  });

  it('one card port per content script: a show with a new key closes the port of the tab’s previous key', () => {
    const frames = new CardRelay(self);
    const OTHER = 'aaaaaaaa-2b1d-4c55-9a57-3e1f0c2d4b6a';
    const old = port();
    const replacement = port({ key: OTHER, frameId: 4, documentId: 'DOC-4' });
    attach(frames, old);
    attach(frames, replacement);
    frames.relay(7, KEY, SHOW);
    frames.relay(7, OTHER, SHOW);
    frames.relay(7, KEY, { type: 'hide' });
    expect(old.disconnect).toHaveBeenCalled();
    expect(replacement.posted).toEqual([SHOW, PORT_REJECTED]);
  });
});
