/**
 * B1: the content script's size, minified and gzipped (level 9), read from the built extension.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Measured, notMeasured } from './result';

export const B1_BUDGET_BYTES = 8192;
const CONTENT_SCRIPT = 'content-scripts/content.js';
const MEASURE = 'content script size (minified, gzip -9)';

export function gzipSize(file: string): { raw: number; gzip: number } {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** `label` names the build in the table (e.g. "bench build"); `required` builds must have the file. */
export function measureContentScriptSize(extensionDir: string, label: string, required: boolean): Measured | null {
  const file = path.join(extensionDir, CONTENT_SCRIPT);
  const budget = `≤ ${B1_BUDGET_BYTES} B`;
  if (!existsSync(file)) {
    if (!required) return null;
    return notMeasured('B1', `${MEASURE}, ${label}`, budget, `${path.relative(process.cwd(), file)} does not exist (no content script in the build yet)`);
  }
  const { raw, gzip } = gzipSize(file);
  const built = statSync(file).mtime.toISOString();
  return {
    rows: [{ id: 'B1', measure: `${MEASURE}, ${label}`, measured: `${gzip} B`, budget, pass: gzip <= B1_BUDGET_BYTES }],
    notes: [`B1 ${label}: ${path.relative(process.cwd(), file)} is ${raw} B minified, ${gzip} B gzip (built ${built}).`],
  };
}
