/**
 * Chart.js, loaded with `import()` by clicks-chart.tsx so the numbers paint first. Only the
 * pieces a bar chart with tooltips needs are registered (tree-shaken).
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { BAR_LAYOUT, barColour } from './bar-sketch';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface BarChartInput {
  labels: string[];
  values: number[];
  /** Tooltip line for a value ("1,234 clicks"). */
  describe(value: number): string;
}

/** Draws the bars into `canvas` (sized by its attributes) and follows light/dark changes. */
export function drawBarChart(canvas: HTMLCanvasElement, input: BarChartInput): { destroy(): void } {
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: input.labels,
      datasets: [
        {
          data: input.values,
          backgroundColor: barColour(),
          borderRadius: BAR_LAYOUT.borderRadius,
          barPercentage: BAR_LAYOUT.barPercentage,
          categoryPercentage: BAR_LAYOUT.categoryPercentage,
          minBarLength: BAR_LAYOUT.minBarLength,
        },
      ],
    },
    options: {
      responsive: false,
      animation: false,
      layout: { padding: { top: BAR_LAYOUT.paddingTop } },
      // The tallest bar reaches the top, as bar-sketch.ts draws it (not a rounded-up tick).
      scales: { x: { display: false }, y: { display: false, beginAtZero: true, bounds: 'data' } },
      plugins: {
        tooltip: {
          displayColors: false,
          intersect: false,
          mode: 'index',
          callbacks: { label: (item) => input.describe(Number(item.raw)) },
        },
      },
      events: ['mousemove', 'mouseout', 'touchstart', 'touchmove'],
    },
  });
  const scheme = matchMedia('(prefers-color-scheme: dark)');
  const recolour = () => {
    const dataset = chart.data.datasets[0];
    if (dataset) dataset.backgroundColor = barColour();
    chart.update('none');
  };
  scheme.addEventListener('change', recolour);
  return {
    destroy() {
      scheme.removeEventListener('change', recolour);
      chart.destroy();
    },
  };
}
