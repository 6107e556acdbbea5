/**
 * Test, demo and bench builds only: writes `chunk-modules.json` next to the extension pages, naming
 * the source modules in every chunk of the pages' build. tests/support/bundle-boundaries.ts reads
 * it with the built pages' import graph to check that report-only code (the world
 * map, its shapes, the exports) never lands in a chunk the card or the popup loads at start-up.
 */
import path from 'node:path';
import type { Plugin } from 'vite';

export const CHUNK_MODULES_FILE = 'chunk-modules.json';

/**
 * Chunk file → its modules (paths relative to the project, `node_modules/…` for packages) → the
 * bytes each contributes to the chunk before minification (Rollup's rendered length).
 */
export type ChunkModules = Record<string, Record<string, number>>;

export function chunkModulesPlugin(root: string): Plugin {
  return {
    name: 'bitlens-chunk-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
      // WXT builds the background and the content script apart; only the pages' build is listed.
      if (!chunks.some((chunk) => chunk.facadeModuleId?.endsWith('.html'))) return;
      const modules: ChunkModules = {};
      for (const chunk of chunks) {
        const entries = Object.entries(chunk.modules).map(([id, info]): [string, number] => [
          path.relative(root, id.replace(/^\0/, '').split('?')[0]!).split(path.sep).join('/'),
          info.renderedLength,
        ]);
        modules[chunk.fileName] = Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
      }
      this.emitFile({ type: 'asset', fileName: CHUNK_MODULES_FILE, source: `${JSON.stringify(modules, null, 1)}\n` });
    },
  };
}
