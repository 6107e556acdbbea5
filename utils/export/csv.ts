/**
 * CSV a spreadsheet opens correctly (RFC 4180): a header row, CRLF line ends, fields quoted when
 * they hold a comma, quote or line break (quotes doubled), UTF-8 with a byte-order mark so Excel
 * does not read it as the system code page.
 *
 * Strings come from Bitly (referrers, titles, URLs) and are data, never formulas: a text starting
 * with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` (OWASP's advice for CSV
 * injection), so a `=HYPERLINK(…)` referrer is shown as text and cannot run. Numbers are written
 * as numbers, negative ones included; only text is neutralised.
 */
import type { Cell, ExportTable } from './table';

export const CSV_MIME = 'text/csv;charset=utf-8';
const BOM = '\uFEFF';
const CRLF = '\r\n';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field as it appears in the file. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file: BOM, header row, one line per row, each line ended by CRLF. */
export function toCsv(table: ExportTable): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvField).join(','));
  return BOM + lines.map((line) => line + CRLF).join('');
}
