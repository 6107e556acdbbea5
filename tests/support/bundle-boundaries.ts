/**
 * What a built extension page loads before it can run, and the boundary PRODUCT.md's issue 11
 * sets: the report's code (the world map, its shapes and geo plugin, the exports, the report's own
 * views) and Chart.js itself never load with the hover card or the popup at start-up (Chart.js
 * comes later, with `import()`, where a view draws a chart). Shared by the e2e check
 * (tests/e2e/bundle-boundaries.spec.ts) and the benchmark (scripts/bench/report-open.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CHUNK_MODULES_FILE, type ChunkModules } from '../../scripts/chunk-modules-plugin';

/**
 * `src="/chunks/x.js"` and `href="/chunks/x.js"` of scripts (module or classic, like the popup's
 * boot script) and modulepreloads.
 */
const HTML_SCRIPT = /<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g;
/** Static imports in a minified chunk: `import{a}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`. */
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*"(\.{1,2}\/[^"]+\.js)"/g;

/** The start-up scripts of `page` (e.g. `card.html`) in a built extension, each once, entry first. */
export function startupFiles(extensionDir: string, page: string): string[] {
  const html = readFileSync(path.join(extensionDir, page), 'utf8');
  const queue = [...html.matchAll(HTML_SCRIPT)].map((m) => path.posix.normalize(m[1]!));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(path.join(extensionDir, file), 'utf8');
    for (const m of source.matchAll(STATIC_IMPORT)) queue.push(path.posix.join(path.posix.dirname(file), m[1]!));
  }
  return [...seen];
}

/** Modules only the report pages may load at start-up (or Chart.js: only on demand, anywhere). */
export const REPORT_ONLY_MODULES: readonly RegExp[] = [
  /node_modules\/(chart\.js|chartjs-chart-geo|topojson-client|world-atlas|i18n-iso-countries|d3-[a-z-]+)\//,
  /^utils\/(export|geo)\//,
  /^entrypoints\/report\//,
  /^components\/(world-map|facet-table|facet-section|referrers-by-domain|custom-range-picker)/,
];

/** Pages that must start without the report's code. */
export const LEAN_PAGES = ['card.html', 'popup.html'] as const;

/** The modules of each start-up chunk of `page`, from the build's chunk list (test, demo and bench builds). */
export function startupModules(extensionDir: string, page: string): Map<string, string[]> {
  const listFile = path.join(extensionDir, CHUNK_MODULES_FILE);
  if (!existsSync(listFile)) throw new Error(`${listFile} is missing: build a test, demo or bench flavour (production builds do not list chunks)`);
  const chunks = JSON.parse(readFileSync(listFile, 'utf8')) as ChunkModules;
  return new Map(startupFiles(extensionDir, page).map((file) => [file, Object.keys(chunks[file] ?? {})]));
}

/** "card.html: chunks/x.js holds utils/export/csv.ts" for every report-only module a lean page starts with. */
export function checkStartupBoundaries(extensionDir: string): string[] {
  const problems: string[] = [];
  for (const page of LEAN_PAGES) {
    for (const [file, modules] of startupModules(extensionDir, page)) {
      for (const module of modules) if (REPORT_ONLY_MODULES.some((pattern) => pattern.test(module))) problems.push(`${page}: ${file} holds ${module}`);
    }
  }
  return problems;
}
