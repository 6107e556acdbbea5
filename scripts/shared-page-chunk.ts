import type { Plugin } from 'vite';

/**
 * The extension pages' build puts the code the hover card or the popup starts with, when other
 * pages start with it too, into one chunk, `shared`, instead of leaving Rollup to split it by
 * which pages use what (it made five chunks, each with its own stylesheet, for the popup alone).
 * Every file an extension page loads is a separate request through the browser's extension
 * resource loader, and the popup stays hidden until all of them have loaded: eleven files cost
 * its first paint ~10 ms more than six (PRODUCT.md §6, B7).
 *
 * Only what the card or the popup starts with is merged, so code that other pages alone share
 * (the report and the test build's view fixtures share the report's views) never joins their
 * start-up; code only lazy chunks share (Chart.js, the world map) is left to Rollup too, so it
 * still loads only where a view asks for it.
 */
export const SHARED_CHUNK = 'shared';

/** The pages whose start-up the shared chunk is for: the hover card and the popup. */
export const LEAN_PAGE = /[\\/]entrypoints[\\/](card|popup)[\\/]index\.html$/;

/** What the rule reads of Rollup's module graph (`this.getModuleInfo`). */
export interface GraphModule {
  isEntry: boolean;
  importers: readonly string[];
}

type ModuleInfoOf = (id: string) => GraphModule | null;

/** The pages (entry modules) whose static imports reach `id`. */
export function pagesReaching(id: string, getModuleInfo: ModuleInfoOf): Set<string> {
  const pages = new Set<string>();
  const seen = new Set<string>([id]);
  const queue = [id];
  while (queue.length > 0) {
    const current = queue.pop()!;
    const info = getModuleInfo(current);
    if (!info) continue;
    if (info.isEntry) pages.add(current);
    for (const importer of info.importers) {
      if (seen.has(importer)) continue;
      seen.add(importer);
      queue.push(importer);
    }
  }
  return pages;
}

/**
 * `shared` for a module two or more pages import statically, one of them the card or the popup
 * (`isLean`); otherwise Rollup decides.
 */
export function sharedChunkFor(id: string, getModuleInfo: ModuleInfoOf, isLean: (page: string) => boolean = (page) => LEAN_PAGE.test(page)): string | undefined {
  const info = getModuleInfo(id);
  if (!info || info.isEntry) return undefined;
  const pages = [...pagesReaching(id, getModuleInfo)];
  return pages.length >= 2 && pages.some(isLean) ? SHARED_CHUNK : undefined;
}

export function sharedPageChunk(): Plugin {
  return {
    name: 'bitlens:shared-page-chunk',
    apply: 'build',
    outputOptions(options) {
      // WXT builds the background, the content script and the popup's boot script apart, each into
      // one file: only the pages' build is split.
      if (options.inlineDynamicImports || options.format === 'iife') return null;
      return { ...options, manualChunks: (id, { getModuleInfo }) => sharedChunkFor(id, getModuleInfo) };
    },
  };
}
