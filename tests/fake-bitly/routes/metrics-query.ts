/** Parsing and validating the metrics query parameters (unit, units, unit_reference, size). */
import { apiErrors } from '../errors';
import { type Bucket, type TimeUnit, bucketsEndingAt, bucketsForHistory, formatBitlyDate, isTimeUnit, parseUnitReference } from '../time-buckets';
import type { RequestContext } from './context';

export interface MetricsWindow {
  unit: TimeUnit;
  /** As requested (-1 = all the plan keeps). */
  units: number;
  /** Echo of the reference time in Bitly's format. */
  unit_reference: string;
  /** Buckets covered, newest first, capped at the plan's history. */
  buckets: Bucket[];
}

const INTEGER = /^-?\d+$/;

export function parseWindow(ctx: RequestContext): MetricsWindow {
  const q = ctx.query;
  const unitText = q.get('unit') ?? 'day';
  if (!isTimeUnit(unitText)) throw apiErrors.invalidArg(ctx.resource, 'unit', 'invalid', 'unit must be one of minute, hour, day, week, month');
  const unitsText = q.get('units') ?? '-1';
  const units = INTEGER.test(unitsText) ? Number(unitsText) : Number.NaN;
  if (!Number.isSafeInteger(units) || (units !== -1 && units < 1)) {
    throw apiErrors.invalidArg(ctx.resource, 'units', 'invalid', 'units must be -1 or a positive integer');
  }
  const referenceText = q.get('unit_reference');
  let reference = ctx.now;
  if (referenceText !== null && referenceText !== '') {
    const parsed = parseUnitReference(referenceText);
    if (parsed === null) {
      throw apiErrors.invalidArg(ctx.resource, 'unit_reference', 'invalid', 'unit_reference must be an ISO-8601 timestamp such as 2006-01-02T15:04:05-0700 (URL-encoded)');
    }
    reference = parsed;
  }
  const history = bucketsForHistory(unitText, ctx.account.historyDays);
  const count = units === -1 ? history : Math.min(units, history);
  return { unit: unitText, units, unit_reference: formatBitlyDate(reference), buckets: bucketsEndingAt(reference, unitText, count) };
}

/** `size` (default 50): how many rows a facet or list returns. */
export function parseSize(ctx: RequestContext, fallback = 50): number {
  const text = ctx.query.get('size');
  if (text === null || text === '') return fallback;
  const size = INTEGER.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(size) || size < 1) throw apiErrors.invalidArg(ctx.resource, 'size', 'invalid', 'size must be a positive integer');
  return size;
}
