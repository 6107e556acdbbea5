/** One facet as a table to export: named columns, rows of plain values (numbers stay numbers). */

export type Cell = string | number | boolean | null;

export interface ExportTable {
  /** Header row: stable English identifiers (Bitly's field names where it has one). */
  columns: readonly string[];
  rows: ReadonlyArray<readonly Cell[]>;
}

/** The rows as objects keyed by column, for JSON. */
export function tableRecords(table: ExportTable): Array<Record<string, Cell>> {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((column, i) => [column, row[i] ?? null])));
}
