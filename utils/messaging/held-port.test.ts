import { describe, expect, it, vi } from 'vitest';
import { HELD_MS, MAX_RECONNECT_MS, RECONNECT_MS, holdPort } from './held-port';
import { PORT_REJECTED } from './protocol';

/** A fake `runtime.connect`: every port it opened, which the test can message or drop. */
function fakeConnections() {
  const opened: Array<{ message(m: unknown): void; drop(): void; disconnect: ReturnType<typeof vi.fn> }> = [];
  const connect = (name: string) => {
    const onMessage: Array<(m: unknown) => void> = [];
    const onDisconnect: Array<() => void> = [];
    opened.push({ message: (m) => onMessage.forEach((l) => l(m)), drop: () => onDisconnect.forEach((l) => l()), disconnect: vi.fn() });
    return {
      name,
      onMessage: { addListener: (l: (m: unknown) => void) => onMessage.push(l) },
      onDisconnect: { addListener: (l: () => void) => onDisconnect.push(l) },
      disconnect: opened.at(-1)!.disconnect,
    } as never;
  };
  return { opened, connect };
}

/** A manual clock whose timers the test fires. */
function manualTimers() {
  let t = 0;
  const timers: Array<{ at: number; run: () => void }> = [];
  return {
    now: () => t,
    setTimer: (run: () => void, ms: number) => (timers.push({ at: t + ms, run }), 0 as unknown as ReturnType<typeof setTimeout>),
    /** The pauses asked so far. */
    pauses: () => timers.map((timer) => timer.at),
    advance(ms: number) {
      t += ms;
      for (const timer of timers.splice(0).filter((x) => (x.at <= t ? (x.run(), false) : true))) timers.push(timer);
    },
  };
}

describe('held port', () => {
  it('a port the background rejected on purpose is never opened again', () => {
    const { opened, connect } = fakeConnections();
    const clock = manualTimers();
    const heard: unknown[] = [];
    holdPort('bitlens-card:k', (m) => heard.push(m), { connect, setTimer: clock.setTimer, now: clock.now });
    opened[0]!.message(PORT_REJECTED);
    opened[0]!.drop();
    clock.advance(10 * MAX_RECONNECT_MS);
    expect(opened).toHaveLength(1);
    expect(heard).toEqual([]);
  });

  it('otherwise reconnects with a pause that doubles per drop in a row, up to the cap', () => {
    const { opened, connect } = fakeConnections();
    const clock = manualTimers();
    holdPort('bitlens-card:k', () => {}, { connect, setTimer: clock.setTimer, now: clock.now });
    const waits: number[] = [];
    for (let drop = 0; drop < 10; drop++) {
      const before = clock.now();
      opened.at(-1)!.drop();
      const count = opened.length;
      let waited = 0;
      while (opened.length === count) {
        clock.advance(RECONNECT_MS);
        waited += RECONNECT_MS;
      }
      waits.push(waited);
      expect(clock.now() - before).toBe(waited);
    }
    expect(waits).toEqual([250, 500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('a connection that held a while starts the pauses over (the worker was stopped once)', () => {
    const { opened, connect } = fakeConnections();
    const clock = manualTimers();
    holdPort('bitlens-asker:a', () => {}, { connect, setTimer: clock.setTimer, now: clock.now });
    opened[0]!.drop();
    clock.advance(RECONNECT_MS);
    opened[1]!.drop();
    clock.advance(2 * RECONNECT_MS);
    expect(opened).toHaveLength(3);
    clock.advance(HELD_MS);
    opened[2]!.drop();
    clock.advance(RECONNECT_MS);
    expect(opened).toHaveLength(4);
  });

  it('passes the background’s messages on, and close() ends it for good', () => {
    const { opened, connect } = fakeConnections();
    const clock = manualTimers();
    const heard: unknown[] = [];
    const held = holdPort('bitlens-asker:a', (m) => heard.push(m), { connect, setTimer: clock.setTimer, now: clock.now });
    opened[0]!.message({ type: 'facetUpdated', target: 'bit.ly/x', facet: 'clicks' });
    held.close();
    expect(opened[0]!.disconnect).toHaveBeenCalled();
    opened[0]!.drop();
    clock.advance(MAX_RECONNECT_MS);
    expect(opened).toHaveLength(1);
    expect(heard).toEqual([{ type: 'facetUpdated', target: 'bit.ly/x', facet: 'clicks' }]);
  });
});

describe('a port opened before (the popup’s boot script)', () => {
  function adopted(missed: unknown[], dropped = false) {
    const { opened, connect } = fakeConnections();
    const first = connect('bitlens-asker:p') as never;
    opened.length = 0;
    return { opened, connect, adopt: { port: first, takeOver: vi.fn(() => ({ missed, dropped })) } };
  }

  it('is held as the first connection, and the messages it got before are heard first', () => {
    const { opened, connect, adopt } = adopted([{ n: 1 }, { n: 2 }]);
    const heard: unknown[] = [];
    holdPort('bitlens-asker:p', (m) => heard.push(m), { connect, adopt });
    expect(opened).toHaveLength(0);
    expect(adopt.takeOver).toHaveBeenCalledOnce();
    expect(heard).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('when it dropped before, a new one is opened; when it was rejected, none', () => {
    const clock = manualTimers();
    const dropped = adopted([], true);
    holdPort('bitlens-asker:p', () => {}, { connect: dropped.connect, adopt: dropped.adopt, setTimer: clock.setTimer, now: clock.now });
    clock.advance(RECONNECT_MS);
    expect(dropped.opened).toHaveLength(1);

    const rejected = adopted([PORT_REJECTED], true);
    holdPort('bitlens-asker:p', () => {}, { connect: rejected.connect, adopt: rejected.adopt, setTimer: clock.setTimer, now: clock.now });
    clock.advance(MAX_RECONNECT_MS);
    expect(rejected.opened).toHaveLength(0);
  });
});
