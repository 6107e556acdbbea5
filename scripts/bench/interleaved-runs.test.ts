import { describe, expect, it } from 'vitest';
import { interleavedRuns, roundOrder } from './interleaved-runs';

describe('roundOrder', () => {
  it.each([
    [0, 3, [0, 1, 2]],
    [1, 3, [1, 2, 0]],
    [2, 3, [2, 0, 1]],
    [3, 3, [2, 1, 0]],
    [4, 3, [0, 2, 1]],
    [5, 3, [1, 0, 2]],
    [6, 3, [0, 1, 2]],
    [0, 2, [0, 1]],
    [1, 2, [1, 0]],
    [2, 2, [1, 0]],
    [3, 2, [0, 1]],
    [0, 1, [0]],
  ])('round %i of %i subjects runs them in the order %j', (round, count, order) => {
    expect(roundOrder(round, count)).toEqual(order);
  });

  it('over six rounds of three, each subject holds each place twice and follows each other one twice', () => {
    const rounds = Array.from({ length: 6 }, (_, r) => roundOrder(r, 3));
    for (let subject = 0; subject < 3; subject++) {
      expect([0, 1, 2].map((place) => rounds.filter((o) => o[place] === subject).length)).toEqual([2, 2, 2]);
      for (let before = 0; before < 3; before++) {
        if (before === subject) continue;
        const follows = rounds.filter((o) => o.indexOf(subject) === o.indexOf(before) + 1).length;
        expect(follows, `${subject} right after ${before}`).toBe(2);
      }
    }
  });
});

describe('interleavedRuns', () => {
  it('warms each subject up once, then runs the rounds in order and keeps each subject’s samples', async () => {
    const calls: string[] = [];
    const samples = await interleavedRuns(['a', 'b', 'c'], 3, async (s) => {
      calls.push(s);
      return calls.length;
    });
    expect(calls.join(' ')).toBe('a b c a b c b c a c a b');
    expect(samples).toEqual({ a: [4, 9, 11], b: [5, 7, 12], c: [6, 8, 10] });
  });

  it('stops at the first run that fails', async () => {
    let runs = 0;
    const failing = interleavedRuns(['a', 'b'], 2, async (s) => {
      runs++;
      if (runs === 3) throw new Error(`run of ${s} failed`);
      return runs;
    });
    await expect(failing).rejects.toThrow('run of a failed');
    expect(runs).toBe(3);
  });
});
