import { describe, expect, it } from 'vitest';
import { type GraphModule, pagesReaching, SHARED_CHUNK, sharedChunkFor } from './shared-page-chunk';

/**
 * popup.html → main → (view, theme); card.html → card → (view); options.html → options → (theme);
 * view → chart (lazily: no static importer but a dynamic one) → chart-lib; view ↔ cycle.
 * Importers as Rollup reports them: static imports only.
 */
const GRAPH: Record<string, GraphModule> = {
  'popup.html': { isEntry: true, importers: [] },
  'card.html': { isEntry: true, importers: [] },
  'options.html': { isEntry: true, importers: [] },
  main: { isEntry: false, importers: ['popup.html'] },
  card: { isEntry: false, importers: ['card.html'] },
  options: { isEntry: false, importers: ['options.html'] },
  view: { isEntry: false, importers: ['main', 'card', 'cycle'] },
  cycle: { isEntry: false, importers: ['view'] },
  theme: { isEntry: false, importers: ['main', 'options'] },
  'popup-only': { isEntry: false, importers: ['main'] },
  chart: { isEntry: false, importers: [] },
  'chart-lib': { isEntry: false, importers: ['chart'] },
};
const info = (id: string) => GRAPH[id] ?? null;

describe('the pages’ shared chunk', () => {
  it('finds the pages whose static imports reach a module, through cycles', () => {
    expect([...pagesReaching('view', info)].sort()).toEqual(['card.html', 'popup.html']);
    expect([...pagesReaching('cycle', info)].sort()).toEqual(['card.html', 'popup.html']);
    expect([...pagesReaching('popup-only', info)]).toEqual(['popup.html']);
  });

  it('puts what two or more pages load at start-up into one chunk', () => {
    expect(sharedChunkFor('view', info)).toBe(SHARED_CHUNK);
    expect(sharedChunkFor('cycle', info)).toBe(SHARED_CHUNK);
    expect(sharedChunkFor('theme', info)).toBe(SHARED_CHUNK);
  });

  it('leaves a page’s own modules, the pages themselves and lazily loaded code to Rollup', () => {
    expect(sharedChunkFor('popup-only', info)).toBeUndefined();
    expect(sharedChunkFor('main', info)).toBeUndefined();
    expect(sharedChunkFor('popup.html', info)).toBeUndefined();
    expect(sharedChunkFor('chart', info)).toBeUndefined();
    expect(sharedChunkFor('chart-lib', info)).toBeUndefined();
    expect(sharedChunkFor('unknown', info)).toBeUndefined();
  });
});
