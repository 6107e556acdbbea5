/**
 * The clicks chart's first drawing without Chart.js: the same bars, drawn straight onto the
 * canvas, so a surface that must paint cached numbers at once (the popup, PRODUCT.md §6 B7) does
 * not wait for Chart.js' large chunk to load and start. Chart.js (bar-chart.ts) takes the canvas
 * over afterwards for its tooltips; the geometry here is bar-chart.ts' own, so nothing moves.
 */

/** Layout shared with bar-chart.ts' Chart.js options. */
export const BAR_LAYOUT = { paddingTop: 2, categoryPercentage: 0.95, barPercentage: 0.8, minBarLength: 1, borderRadius: 2 } as const;

export interface BarRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The bars' colour: the theme's `--bar` (light or dark). */
export function barColour(): string {
  return getComputedStyle(document.documentElement).getPropertyValue('--bar').trim() || '#ee6123';
}

/**
 * Where each bar goes on a `width` × `height` canvas: one category per value, the bar centred in
 * it, the tallest bar reaching the top padding, zero drawn as the minimum bar length.
 */
export function barRects(values: readonly number[], width: number, height: number): BarRect[] {
  if (values.length === 0) return [];
  const { paddingTop, categoryPercentage, barPercentage, minBarLength } = BAR_LAYOUT;
  const step = width / values.length;
  const barWidth = step * categoryPercentage * barPercentage;
  const area = height - paddingTop;
  const max = Math.max(0, ...values);
  return values.map((value, i) => {
    const scaled = max > 0 ? (Math.max(0, value) / max) * area : 0;
    const barHeight = Math.max(minBarLength, scaled);
    return { x: i * step + (step - barWidth) / 2, y: height - barHeight, width: barWidth, height: barHeight };
  });
}

/**
 * Draws the bars onto `canvas` at its attribute size, and settles once that frame has painted:
 * Chart.js, loaded then, delays nothing the user waits for. It leaves the canvas' size alone
 * (Chart.js reads it when it takes over), so on a dense screen the sketch is soft until then.
 */
export function sketchBars(canvas: HTMLCanvasElement, values: readonly number[], width: number, height: number): Promise<void> {
  const context = canvas.getContext('2d');
  if (context) {
    context.clearRect(0, 0, width, height);
    context.fillStyle = barColour();
    context.beginPath();
    for (const bar of barRects(values, width, height)) {
      const radius = Math.min(BAR_LAYOUT.borderRadius, bar.width / 2, bar.height / 2);
      context.roundRect(bar.x, bar.y, bar.width, bar.height, [radius, radius, 0, 0]);
    }
    context.fill();
  }
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}
