/** The results table, for the terminal and as bench/RESULTS.md. */
import { BUDGET_TABLE } from './budgets';
import type { Machine } from './machine';
import type { Row } from './result';

const verdict = (row: Row) => (row.pass === null ? 'NOT MEASURED' : row.pass ? 'pass' : 'FAIL');

/** PRODUCT.md §6's table, for the terminal. */
export function budgetLines(): string {
  return ['Budgets (PRODUCT.md §6):', ...BUDGET_TABLE.map(([id, measure, budget]) => `  ${id}  ${budget}  — ${measure}`)].join('\n');
}

export function terminalTable(rows: readonly Row[]): string {
  const head = ['id', 'measure', 'measured', 'budget', 'pass'];
  const body = rows.map((r) => [r.id, r.measure, r.measured, r.budget, verdict(r)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

export interface Report {
  date: Date;
  machine: Machine;
  command: string;
  source: string;
  runs: number;
  /** B2's and B3's rounds (one run per browser each). */
  scriptRounds: number;
  extensionDir: string;
  rows: readonly Row[];
  notes: readonly string[];
  method: readonly string[];
}

export function markdown(report: Report): string {
  const { machine } = report;
  const missed = report.rows.filter((r) => r.pass !== true).length;
  return [
    '# Bitlens benchmark results',
    '',
    `Budgets: PRODUCT.md §6 (B1–B8; the table is below). Machine-dependent times (B2) are ratios to a yardstick measured in the same run. Written by \`npm run bench\` (scripts/bench.ts); do not edit by hand.`,
    '',
    `- Date: ${report.date.toISOString()}`,
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}`,
    `- Browser: ${machine.chromium}, headless, Playwright persistent contexts`,
    `- Node: ${machine.node}`,
    `- Command: \`${report.command}\``,
    `- Source: ${report.source}`,
    `- Extension: \`${report.extensionDir}\``,
    `- Runs: B2 and B3 ${report.scriptRounds} measured runs per browser each (plus one warm-up each), medians; B4–B6 one hover session (50 links × 3 hovers); B7 ${2 * report.runs} cached popup opens per tab`,
    `- Verdict: ${missed === 0 ? 'every budget met' : `${missed} of ${report.rows.length} rows missed or not measured`}`,
    '',
    '| id | measure | measured | budget | pass |',
    '| --- | --- | --- | --- | --- |',
    ...report.rows.map((r) => `| ${[r.id, r.measure, r.measured, r.budget, verdict(r)].map(cell).join(' | ')} |`),
    '',
    '## The budgets (PRODUCT.md §6 as it now stands)',
    '',
    '| id | measure | budget |',
    '| --- | --- | --- |',
    ...BUDGET_TABLE.map((r) => `| ${r.map(cell).join(' | ')} |`),
    '',
    '## Figures behind the table',
    '',
    ...report.notes.map((n) => `- ${n}`),
    '',
    '## Method',
    '',
    ...report.method.map((m) => `- ${m}`),
    '',
  ].join('\n');
}
