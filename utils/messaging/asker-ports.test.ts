import { describe, expect, it, vi } from 'vitest';
import { AskerPorts } from './asker-ports';
import { ASKER_PORT_PREFIX, type AskerPush } from './protocol';

const self = { id: 'bitlens-id', origin: 'chrome-extension://bitlens-id/' };
const REFRESHED: AskerPush = { type: 'facetUpdated', target: 'bit.ly/Abc1234', facet: 'clicks' };

/** An asker's port as `runtime.onConnect` hands it over; `gone` makes posting throw, as a closed port does. */
function port(askerId: string, { url = `${self.origin}popup.html`, gone = false } = {}) {
  const disconnectListeners: Array<() => void> = [];
  return {
    name: ASKER_PORT_PREFIX + askerId,
    sender: { id: self.id, url },
    posted: [] as unknown[],
    postMessage(message: unknown) {
      if (gone) throw new Error('Attempting to use a disconnected port object');
      this.posted.push(message);
    },
    disconnect: vi.fn(),
    onDisconnect: { addListener: (listener: () => void) => disconnectListeners.push(listener) },
    close: () => disconnectListeners.forEach((listener) => listener()),
  };
}

describe('AskerPorts', () => {
  it('a port closed before its disconnect was heard does not stop a broadcast to the others', () => {
    const askers = new AskerPorts(self);
    const first = port('first');
    const closed = port('closed', { gone: true });
    const last = port('last');
    for (const p of [first, closed, last]) askers.attach(p as never);
    expect(() => askers.broadcast(REFRESHED)).not.toThrow();
    expect(first.posted).toEqual([REFRESHED]);
    expect(last.posted).toEqual([REFRESHED]);
    expect(() => askers.push('closed', REFRESHED)).not.toThrow();
  });

  it("an asker's signal aborts when its port closes, so its queued requests are dropped", () => {
    const askers = new AskerPorts(self);
    const p = port('card-1');
    askers.attach(p as never);
    const signal = askers.signal('card-1')!;
    expect(signal.aborted).toBe(false);
    p.close();
    expect(signal.aborted).toBe(true);
    expect(askers.signal('card-1')).toBeUndefined();
  });

  it('ports from web pages are refused', () => {
    const askers = new AskerPorts(self);
    const p = port('page', { url: 'https://evil.example/' });
    askers.attach(p as never);
    expect(p.disconnect).toHaveBeenCalled();
    expect(askers.signal('page')).toBeUndefined();
  });
});
