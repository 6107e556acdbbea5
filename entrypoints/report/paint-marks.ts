/**
 * Marks the report page for tests and the benchmark: `data-charts-painted-at` on <html> is the
 * time (ms since the document's navigation start) of the first animation frame after every
 * chart of the page — the clicks chart and the world map — was drawn with numbers, and
 * `data-charts-drawn-at` when both were drawn (before that frame: a gap between the two is the
 * browser's frame, not the page waiting). A new report (another address) starts over.
 */
const CHARTS = ['clicks-chart', 'world-map'] as const;

export function watchChartsPainted(root: HTMLElement): void {
  const marks = document.documentElement.dataset;
  let pending = false;
  const check = () => {
    if (marks.chartsPaintedAt || pending) return;
    const drawn = CHARTS.every((id) => root.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-drawn') === 'true');
    if (!drawn) return;
    marks.chartsDrawnAt ??= performance.now().toFixed(1);
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      marks.chartsPaintedAt ??= performance.now().toFixed(1);
    });
  };
  new MutationObserver(check).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-drawn'] });
  addEventListener('hashchange', () => {
    delete marks.chartsPaintedAt;
    delete marks.chartsDrawnAt;
  });
}
