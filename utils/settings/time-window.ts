/**
 * A range and a unit as Bitly's metric endpoints take them (ENDPOINTS.md §2): `unit` as is,
 * `units` how many of them back, -1 for everything the plan keeps. Free of storage, so every
 * surface can compute the window it asks for.
 */
import type { RANGES, UNITS } from './defaults';

type Unit = (typeof UNITS)[number];
type Range = (typeof RANGES)[number];

const PER_DAY: Record<Unit, number> = { hour: 24, day: 1, week: 1 / 7, month: 1 / 30 };

/** `units` for a range in a unit: 30 days are 720 hours, 30 days, 5 weeks or 1 month; "all" is -1. */
export function unitsFor(range: Range, unit: Unit): number {
  if (range === 'all') return -1;
  const days = Number.parseInt(range, 10);
  return Math.max(1, Math.ceil(days * PER_DAY[unit]));
}

/** The time window a surface asks for. */
export interface StatsWindow {
  unit: Unit;
  units: number;
}

export function windowFor(settings: { unit: Unit; range: Range }): StatsWindow {
  return { unit: settings.unit, units: unitsFor(settings.range, settings.unit) };
}
