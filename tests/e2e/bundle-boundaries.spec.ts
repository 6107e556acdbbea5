/**
 * The built test extension's pages: the hover card and the popup start without the report's code
 * (world map, shapes, geo plugin, exports, report views) and without Chart.js, which they load
 * only when a view draws a chart. Reads the build (no browser).
 */
import { test, expect } from '@playwright/test';
import { extensionDir } from '../support/chromium';
import { LEAN_PAGES, REPORT_ONLY_MODULES, checkStartupBoundaries, startupModules } from '../support/bundle-boundaries';

const dir = extensionDir('test');

test('the card and the popup start without report-only code or Chart.js', () => {
  expect(checkStartupBoundaries(dir)).toEqual([]);
});

test('the check sees what it guards: the report page starts with its own code, and the card with the shared views', () => {
  const report = [...startupModules(dir, 'report.html').values()].flat();
  expect(report.filter((m) => REPORT_ONLY_MODULES.some((p) => p.test(m))).length).toBeGreaterThan(5);
  expect(report).toContain('utils/export/csv.ts');
  for (const page of LEAN_PAGES) {
    const modules = [...startupModules(dir, page).values()].flat();
    expect(modules).toContain('components/facets-model.ts');
    expect(modules).toContain('node_modules/preact/dist/preact.mjs');
  }
});
