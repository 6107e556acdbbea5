/**
 * Chart.js, loaded with `import()` by clicks-chart.tsx so the numbers paint first. Only the
 * pieces a bar chart with tooltips needs are registered (tree-shaken).
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface BarChartInput {
  labels: string[];
  values: number[];
  /** Tooltip line for a value ("1,234 clicks"). */
  describe(value: number): string;
}

function barColour(): string {
  return getComputedStyle(document.documentElement).getPropertyValue('--bar').trim() || '#ee6123';
}

/** Draws the bars into `canvas` (sized by its attributes) and follows light/dark changes. */
export function drawBarChart(canvas: HTMLCanvasElement, input: BarChartInput): { destroy(): void } {
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: input.labels,
      datasets: [{ data: input.values, backgroundColor: barColour(), borderRadius: 2, barPercentage: 0.8, categoryPercentage: 0.95, minBarLength: 1 }],
    },
    options: {
      responsive: false,
      animation: false,
      layout: { padding: { top: 2 } },
      scales: { x: { display: false }, y: { display: false, beginAtZero: true } },
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
