/**
 * B2 and B3 compare three browsers open side by side — Bitlens, the yardstick extension and no
 * extension — and take their runs interleaved, one run of each per round, so that the machine's
 * load, which drifts over minutes on a shared machine, falls on all three alike instead of on
 * whichever was measured in a busier stretch.
 */
import type { Browser } from './browsers';
import { spread } from './stats';

export const COMPARED = ['bitlens', 'yardstick', 'none'] as const;
export type Compared = (typeof COMPARED)[number];
export type ComparedBrowsers = Record<Compared, Browser>;
export const COMPARED_LABELS: Record<Compared, string> = { bitlens: 'Bitlens', yardstick: 'yardstick', none: 'no extension' };

/**
 * The order of the `count` subjects (their indices) in round `round`: rotated by one each round,
 * so each comes first, in the middle and last equally often over `count` rounds; every other
 * block of `count` rounds reversed, so over 2 × `count` rounds each subject also follows each
 * other one equally often (a run may still pay for the previous run's closed tab).
 */
export function roundOrder(round: number, count: number): number[] {
  const rotated = Array.from({ length: count }, (_, i) => (round + i) % count);
  return Math.floor(round / count) % 2 === 1 ? rotated.reverse() : rotated;
}

/**
 * One warm-up run per subject (discarded), then `runs` rounds of one run per subject in
 * roundOrder. Returns each subject's samples in round order. Runs one at a time; throws when a
 * run fails.
 */
export async function interleavedRuns<K extends string, T>(subjects: readonly K[], runs: number, run: (subject: K) => Promise<T>): Promise<Record<K, T[]>> {
  const samples = Object.fromEntries(subjects.map((s) => [s, [] as T[]])) as Record<K, T[]>;
  for (const subject of subjects) await run(subject);
  for (let round = 0; round < runs; round++) {
    for (const i of roundOrder(round, subjects.length)) {
      const subject = subjects[i]!;
      samples[subject].push(await run(subject));
    }
  }
  return samples;
}

/** One figure of every run, per browser. */
export function figureOf<T>(samples: Record<Compared, T[]>, figure: (run: T) => number): Record<Compared, number[]> {
  return { bitlens: samples.bitlens.map(figure), yardstick: samples.yardstick.map(figure), none: samples.none.map(figure) };
}

/** "Bitlens median 0.62, min …; yardstick …; no extension …" for the notes. */
export function spreadEach(samples: Record<Compared, number[]>, digits: number): string {
  return COMPARED.map((c) => `${COMPARED_LABELS[c]} ${spread(samples[c], digits)}`).join('; ');
}

/** Each round's samples as "Bitlens/yardstick/no extension", so drift within a run shows. */
export function perRound(samples: Record<Compared, number[]>, digits: number): string {
  const rounds = samples.bitlens.map((_, r) => COMPARED.map((c) => samples[c][r]!.toFixed(digits)).join('/'));
  return `per round (${COMPARED.map((c) => COMPARED_LABELS[c]).join('/')}): ${rounds.join(', ')}`;
}
