/**
 * B1: the content script's size, minified and gzipped (level 9), read from a built extension.
 * The files measured are the ones its manifest injects into pages (`content_scripts[].js`), so the
 * figure follows however the build names them.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Measured, notMeasured } from './result';

export const B1_BUDGET_BYTES = 8192;
const MEASURE = 'content script size (minified, gzip -9)';

interface Manifest {
  content_scripts?: Array<{ js?: string[] }>;
}

/** The scripts the built extension's manifest injects into pages, relative to its directory. */
export function contentScriptFiles(extensionDir: string): string[] {
  const manifestFile = path.join(extensionDir, 'manifest.json');
  if (!existsSync(manifestFile)) return [];
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  return [...new Set((manifest.content_scripts ?? []).flatMap((c) => c.js ?? []))];
}

export function gzipSize(file: string): { raw: number; gzip: number } {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/**
 * `label` names the build in the table (e.g. "bench build"). A `required` build must have a
 * content script; an optional one that is missing or has none gives null (no row).
 */
export function measureContentScriptSize(extensionDir: string, label: string, required: boolean): Measured | null {
  const budget = `≤ ${B1_BUDGET_BYTES} B`;
  const relative = path.relative(process.cwd(), extensionDir);
  const where = relative.startsWith('..') ? extensionDir : relative;
  const files = contentScriptFiles(extensionDir);
  const missing = files.filter((f) => !existsSync(path.join(extensionDir, f)));
  if (files.length === 0 || missing.length > 0) {
    if (!required) return null;
    const why = files.length === 0 ? `${where}/manifest.json injects no content script` : `${missing.join(', ')} missing in ${where}`;
    return notMeasured('B1', `${MEASURE}, ${label}`, budget, why);
  }
  const sizes = files.map((f) => ({ file: f, ...gzipSize(path.join(extensionDir, f)) }));
  const gzip = sizes.reduce((n, s) => n + s.gzip, 0);
  const built = statSync(path.join(extensionDir, files[0]!)).mtime.toISOString();
  return {
    rows: [{ id: 'B1', measure: `${MEASURE}, ${label}`, measured: `${gzip} B`, budget, pass: gzip <= B1_BUDGET_BYTES }],
    notes: [`B1 ${label} (${where}, built ${built}): ${sizes.map((s) => `${s.file} ${s.raw} B minified, ${s.gzip} B gzip`).join('; ')}.`],
  };
}
