/**
 * A facet's rows for a list or a table: biggest first, each with its share of the total. Shared by
 * the compact top lists (components/top-list.tsx) and the report's tables (components/facet-table.tsx).
 */

/** A row as a surface labels it. */
export interface TopRow {
  key: string;
  label: string;
  /** Decorative prefix, e.g. a flag. */
  icon?: string;
  clicks: number;
}

export interface RankedRow extends TopRow {
  /** Fraction of the total, 0–1. */
  share: number;
  /** Not a value of its own (clicks Bitly could not place…): shown last and set apart. */
  apart?: boolean;
}

export interface Ranked {
  rows: RankedRow[];
  total: number;
}

/**
 * Sorts rows by clicks, biggest first; equal counts keep Bitly's order. Shares are of `total`
 * (default: the rows' sum), so a table can include clicks counted apart.
 */
export function rankRows(rows: readonly TopRow[], total = rows.reduce((sum, row) => sum + row.clicks, 0)): Ranked {
  const ranked = [...rows].sort((a, b) => b.clicks - a.clicks).map((row) => ({ ...row, share: total > 0 ? row.clicks / total : 0 }));
  return { rows: ranked, total };
}
