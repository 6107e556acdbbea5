/**
 * Deterministic randomness for the stand-in. Nothing here touches Math.random: every value is a
 * pure function of a string seed, so data never depends on run order or on the machine.
 */

/** 32-bit FNV-1a hash of a string, as an unsigned integer. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Final avalanche step so that nearby inputs give unrelated outputs. */
function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform number in [0, 1) that depends only on its key parts. */
export function unitHash(...parts: Array<string | number>): number {
  return mix32(hashString(parts.join('\u001f'))) / 0x1_0000_0000;
}

/**
 * Fast uniform number in [0, 1) from a precomputed seed and up to two integers (a link's seed and
 * a day or hour index). Used in the click-series hot loops, where building strings would be slow.
 */
export function intHash(seed: number, a: number, b = 0): number {
  let h = mix32((seed ^ Math.imul(a | 0, 0x9e3779b1)) >>> 0);
  h = mix32((h ^ Math.imul((b | 0) + 0x632be5ab, 0x85ebca77)) >>> 0);
  return h / 0x1_0000_0000;
}

/** A seeded sequential generator (xorshift-multiply, 32-bit state). */
export class Prng {
  private state: number;

  constructor(seed: string) {
    this.state = mix32(hashString(seed)) || 0x9e3779b9;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('Prng.pick on an empty list');
    return item;
  }

  /** `count` distinct items, in a seeded order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = pool[i] as T;
      pool[i] = pool[j] as T;
      pool[j] = a;
    }
    return pool.slice(0, Math.min(count, pool.length));
  }
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A Bitly-looking token of `length` characters from [A-Za-z0-9]. */
export function alphanumeric(prng: Prng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHANUMERIC[prng.int(0, ALPHANUMERIC.length - 1)];
  return out;
}

/**
 * Splits `total` into integer parts proportional to `weights`, rounding the running sum, so the
 * parts always add up to exactly `total` (and each is within 1 of its exact share).
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  let sum = 0;
  for (const w of weights) sum += w;
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const parts = new Array<number>(weights.length);
  let running = 0;
  let given = 0;
  for (let i = 0; i < weights.length; i++) {
    running += weights[i] ?? 0;
    const upTo = i === weights.length - 1 ? total : Math.round((running / sum) * total);
    parts[i] = upTo - given;
    given = upTo;
  }
  return parts;
}
