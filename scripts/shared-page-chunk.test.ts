import { describe, expect, it } from 'vitest';
import { type GraphModule, LEAN_PAGE, pagesReaching, SHARED_CHUNK, sharedChunkFor } from './shared-page-chunk';

const page = (name: string) => `/repo/entrypoints/${name}/index.html`;
const [POPUP, CARD, OPTIONS, REPORT, FIXTURES] = ['popup', 'card', 'options', 'report', 'view-fixtures'].map(page) as [string, string, string, string, string];

/**
 * popup → main → (view, theme, popup-only); card → card-main → view; options → options-main → theme;
 * report and the view fixtures → report-view (the report's own code); view ↔ cycle;
 * chart: loaded lazily (no static importer) → chart-lib. Importers as Rollup reports them: static only.
 */
const GRAPH: Record<string, GraphModule> = {
  [POPUP]: { isEntry: true, importers: [] },
  [CARD]: { isEntry: true, importers: [] },
  [OPTIONS]: { isEntry: true, importers: [] },
  [REPORT]: { isEntry: true, importers: [] },
  [FIXTURES]: { isEntry: true, importers: [] },
  main: { isEntry: false, importers: [POPUP] },
  'card-main': { isEntry: false, importers: [CARD] },
  'options-main': { isEntry: false, importers: [OPTIONS] },
  view: { isEntry: false, importers: ['main', 'card-main', 'cycle'] },
  cycle: { isEntry: false, importers: ['view'] },
  theme: { isEntry: false, importers: ['main', 'options-main'] },
  'popup-only': { isEntry: false, importers: ['main'] },
  'report-view': { isEntry: false, importers: [REPORT, FIXTURES] },
  chart: { isEntry: false, importers: [] },
  'chart-lib': { isEntry: false, importers: ['chart'] },
};
const info = (id: string) => GRAPH[id] ?? null;

describe('the card’s and popup’s shared chunk', () => {
  it('knows the card and the popup by their entry pages', () => {
    expect([POPUP, CARD].every((p) => LEAN_PAGE.test(p))).toBe(true);
    expect([OPTIONS, REPORT, FIXTURES].some((p) => LEAN_PAGE.test(p))).toBe(false);
  });

  it('finds the pages whose static imports reach a module, through cycles', () => {
    expect([...pagesReaching('view', info)].sort()).toEqual([CARD, POPUP].sort());
    expect([...pagesReaching('cycle', info)].sort()).toEqual([CARD, POPUP].sort());
    expect([...pagesReaching('popup-only', info)]).toEqual([POPUP]);
  });

  it('puts what the card or the popup starts with, and another page too, into one chunk', () => {
    expect(sharedChunkFor('view', info)).toBe(SHARED_CHUNK);
    expect(sharedChunkFor('cycle', info)).toBe(SHARED_CHUNK);
    expect(sharedChunkFor('theme', info)).toBe(SHARED_CHUNK);
  });

  it('leaves what only other pages share to Rollup: the report’s code stays out of the card’s and popup’s start', () => {
    expect(sharedChunkFor('report-view', info)).toBeUndefined();
  });

  it('leaves a page’s own modules, the pages themselves and lazily loaded code to Rollup', () => {
    expect(sharedChunkFor('popup-only', info)).toBeUndefined();
    expect(sharedChunkFor('main', info)).toBeUndefined();
    expect(sharedChunkFor(POPUP, info)).toBeUndefined();
    expect(sharedChunkFor('chart', info)).toBeUndefined();
    expect(sharedChunkFor('chart-lib', info)).toBeUndefined();
    expect(sharedChunkFor('unknown', info)).toBeUndefined();
  });
});
