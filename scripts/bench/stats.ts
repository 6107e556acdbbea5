/** Small number helpers shared by the measurements. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** "0.12 ms" with two decimals (script time is reported in milliseconds). */
export function ms(value: number, digits = 2): string {
  return Number.isFinite(value) ? `${value.toFixed(digits)} ms` : 'n/a';
}

/** `value / reference` with two decimals, for "0.84× yardstick". */
export function ratio(value: number, reference: number): string {
  const r = value / reference;
  return Number.isFinite(r) ? r.toFixed(2) : 'n/a';
}

/** Median, min and max of a sample, for the notes. */
export function spread(values: readonly number[], digits = 2): string {
  if (values.length === 0) return 'no samples';
  const fmt = (v: number) => v.toFixed(digits);
  return `median ${fmt(median(values))}, min ${fmt(Math.min(...values))}, max ${fmt(Math.max(...values))} (n=${values.length})`;
}

export const sleep = (msecs: number) => new Promise<void>((resolve) => setTimeout(resolve, msecs));
