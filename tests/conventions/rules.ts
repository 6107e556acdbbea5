/**
 * The architecture's boundaries (PRODUCT.md §3, STYLE.md), as checks over the import graph. Each
 * returns the violations it found, so a test can show both that the project keeps them and that
 * a project breaking them is caught.
 */
import type { ImportGraph } from './import-graph';

export const CONTENT_SCRIPT_ENTRY = 'entrypoints/content-script/index.ts';
export const BACKGROUND_ENTRY = 'entrypoints/background.ts';
export const TOKEN_STORAGE = 'utils/account/storage.ts';

/**
 * What the content script may bring into every page besides its own folder: leaves with no
 * dependencies of their own. No validator, Preact, Chart.js, polyfill, storage or protocol runtime.
 */
export const CONTENT_SCRIPT_ALLOWED = {
  files: [
    'utils/bitly/link.ts',
    'utils/bitly/link-hover-css.ts',
    'utils/bitly/wrapped-link.ts',
    'utils/card-frame-contract.ts',
    'utils/settings/defaults.ts',
    'utils/settings/site-rules.ts',
    'utils/stats/facet-names.ts',
  ],
  packages: ['wxt/utils/define-unlisted-script'],
} as const;

/** Background-only modules: the token, the Bitly client and transport, the scheduler and its client, the cache, the services. */
export const BACKGROUND_ONLY = [/^utils\/account\//, /^utils\/bitly\/(client|transport)\.ts$/, /^utils\/scheduler\/(request-scheduler|scheduled-bitly)\.ts$/, /^utils\/cache\//, /^utils\/stats\/stats-service\.ts$/, /^utils\/messaging\/router\.ts$/];

export function contentScriptViolations(graph: ImportGraph, entry = CONTENT_SCRIPT_ENTRY): string[] {
  const folder = entry.slice(0, entry.lastIndexOf('/') + 1);
  const allowed = new Set<string>([...CONTENT_SCRIPT_ALLOWED.files, ...CONTENT_SCRIPT_ALLOWED.packages]);
  return [...graph.runtimeClosure(entry)].filter((module) => !module.startsWith(folder) && !allowed.has(module)).map((module) => `content script bundles ${module}`);
}

/** utils/ is below components/, which is below entrypoints/: nothing imports upwards. */
export function layerViolations(graph: ImportGraph, files: readonly string[]): string[] {
  const layer = (file: string) => (file.startsWith('utils/') ? 0 : file.startsWith('components/') ? 1 : file.startsWith('entrypoints/') ? 2 : -1);
  const found: string[] = [];
  for (const file of files) {
    for (const edge of graph.importsOf(file)) {
      if (edge.local && layer(edge.to) > layer(file) && layer(file) >= 0) found.push(`${file} imports ${edge.to}`);
    }
  }
  return found;
}

export function cycleViolations(graph: ImportGraph, files: readonly string[]): string[] {
  return graph.cycles(files).map((cycle) => `import cycle: ${cycle.join(' → ')}`);
}

/** The token store and the rest of the background's duties are reached from the background alone. */
export function backgroundOnlyViolations(graph: ImportGraph, entries: readonly string[], files: readonly string[]): string[] {
  const found: string[] = [];
  for (const entry of entries) {
    if (entry === BACKGROUND_ENTRY) continue;
    for (const module of graph.runtimeClosure(entry)) {
      if (BACKGROUND_ONLY.some((pattern) => pattern.test(module))) found.push(`${entry} bundles background-only ${module}`);
    }
  }
  for (const file of files) {
    if (file === BACKGROUND_ENTRY || file.startsWith('utils/account/')) continue;
    if (graph.importsOf(file).some((edge) => edge.to === TOKEN_STORAGE)) found.push(`${file} imports the token storage`);
  }
  return found;
}
