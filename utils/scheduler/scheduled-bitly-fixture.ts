/**
 * For the services' tests: the real scheduled path (scheduler, keys, priorities, retries, the
 * shared pause) over transports whose answers are scripted per client operation. Every scripted
 * answer is checked against the operation's schema, so it is one Bitly could give.
 */
import * as v from 'valibot';
import type { BitlyClient } from '../bitly/client';
import type { BitlyRequest, BitlySend } from '../bitly/transport';
import { RequestScheduler, type SchedulerOptions } from './request-scheduler';
import { createScheduledBitly } from './scheduled-bitly';

export type ScriptedAnswer = (request: BitlyRequest) => Promise<unknown>;
/** Answers by client operation (`getClicks`, `getUser`, …); an operation left out fails the test. */
export type Script = Partial<Record<keyof BitlyClient, ScriptedAnswer>>;

export function scriptedBitly<S extends Script>(scriptFor: (token: string) => S, schedulerOptions: SchedulerOptions = {}) {
  const scheduler = new RequestScheduler(schedulerOptions);
  const scripts = new Map<string, S>();
  /** The script of one token, made on first use and kept, so a test can change its answers. */
  const script = (token: string): S => {
    const known = scripts.get(token);
    if (known) return known;
    const made = scriptFor(token);
    scripts.set(token, made);
    return made;
  };
  const transportFor =
    (token: string): BitlySend =>
    async (request) => {
      const answers: Partial<Record<string, ScriptedAnswer>> = script(token);
      const answer = answers[request.operation];
      if (!answer) throw new Error(`no scripted answer for ${request.operation}`);
      return { status: 200, data: v.parse(request.schema, await answer(request)) };
    };
  return { bitly: createScheduledBitly({ scheduler, transportFor }), scheduler, script };
}

/** A clock for the scheduler that moves only when told; `advance` fires the timers that fall due. */
export function manualClock(start = 1_000_000) {
  let time = start;
  const timers: Array<{ at: number; fire: () => void }> = [];
  return {
    now: () => time,
    setTimer: (fire: () => void, ms: number) => {
      timers.push({ at: time + ms, fire });
    },
    async advance(ms: number) {
      const end = time + ms;
      for (;;) {
        await settle();
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > end) break;
        timers.shift();
        time = next.at;
        next.fire();
      }
      time = end;
      await settle();
    },
  };
}

/** Lets every pending promise chain run: one turn of the (real) event loop. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
