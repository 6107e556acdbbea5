/**
 * The world choropleth, loaded with `import()` by world-map.tsx so the table paints first and
 * only the report pages carry Chart.js' geo plugin and the world's shapes (bundled: no network).
 * Shapes are world-atlas' 1:110m countries; their ISO numeric ids become Bitly's alpha-2 codes
 * (utils/geo/country-codes.ts). Colours come from the page's CSS variables and follow light/dark.
 */
import { Chart, Tooltip, type ChartConfiguration } from 'chart.js';
import { ChoroplethController, ColorScale, GeoFeature, ProjectionScale } from 'chartjs-chart-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { alpha2OfShape } from '@/utils/geo/country-codes';

Chart.register(ChoroplethController, GeoFeature, ColorScale, ProjectionScale, Tooltip);

type Shape = GeoJSON.Feature<GeoJSON.Geometry, { name: string }>;

/** Antarctica takes a fifth of the map and holds no audience worth the space. */
const LEFT_OUT = new Set(['AQ']);

let shapes: Array<{ shape: Shape; code: string }> | undefined;

/** The map's countries with their codes, computed once per page. */
function countryShapes() {
  if (!shapes) {
    const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    shapes = feature(topology, topology.objects.countries)
      .features.map((shape) => ({ shape: shape as Shape, code: alpha2OfShape(shape) }))
      .filter((s): s is { shape: Shape; code: string } => s.code !== null && !LEFT_OUT.has(s.code));
  }
  return shapes;
}

/** The codes the map can colour. */
export function drawableCodes(): ReadonlySet<string> {
  return new Set(countryShapes().map((s) => s.code));
}

export interface WorldMapInput {
  /** Clicks per alpha-2 code. */
  clicks: ReadonlyMap<string, number>;
  /** Tooltip: a country's name. */
  name(code: string): string;
  /** Tooltip: its clicks in words ("1,234 clicks"). */
  describe(clicks: number): string;
  /** Legend tick labels. */
  formatCount(n: number): string;
}

interface Palette {
  low: string;
  high: string;
  empty: string;
  outline: string;
}

function palette(): Palette {
  const css = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    low: read('--map-low', '#fde4d6'),
    high: read('--map-high', '#c2410c'),
    empty: read('--map-empty', '#e8eaee'),
    outline: read('--map-outline', '#d5d9df'),
  };
}

/** `#rrggbb` colours mixed at `t` (0–1). */
export function mixHex(from: string, to: string, t: number): string {
  const channel = (hex: string, i: number) => Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  const mixed = [0, 1, 2].map((i) => Math.round(channel(from, i) + (channel(to, i) - channel(from, i)) * t));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Draws the map into `canvas` (its parent sets the size) and follows light/dark changes.
 * Countries without clicks are drawn in the empty colour; the scale runs on the square root of
 * the share of the biggest country, so small audiences stay visible next to a big home market.
 */
export function drawWorldMap(canvas: HTMLCanvasElement, input: WorldMapInput): { destroy(): void } {
  const list = countryShapes();
  let colours = palette();
  const values = list.map(({ code }) => input.clicks.get(code) ?? Number.NaN);
  const config: ChartConfiguration<'choropleth'> = {
    type: 'choropleth',
    data: {
      labels: list.map(({ code }) => input.name(code)),
      datasets: [
        {
          data: list.map(({ shape }, i) => ({ feature: shape, value: values[i]! })),
          borderColor: () => colours.outline,
          borderWidth: 0.5,
          // Hovering keeps a country's colour and outlines it, with or without clicks.
          hoverBackgroundColor: (context) => (context.chart.getDatasetMeta(0).controller as ChoroplethController).indexToColor(context.dataIndex),
          hoverBorderColor: () => getComputedStyle(canvas).color,
          hoverBorderWidth: 1.5,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      showOutline: false,
      plugins: {
        tooltip: {
          displayColors: false,
          // Only countries with clicks say something.
          filter: (item) => Number.isFinite(values[item.dataIndex]),
          callbacks: {
            title: (items) => (items[0] ? input.name(list[items[0].dataIndex]!.code) : ''),
            label: (item) => input.describe(values[item.dataIndex]!),
          },
        },
      },
      scales: {
        projection: { axis: 'x', projection: 'equalEarth' },
        color: {
          axis: 'x',
          beginAtZero: true,
          interpolate: (t: number) => mixHex(colours.low, colours.high, Math.sqrt(Math.max(0, Math.min(1, t)))),
          missing: colours.empty,
          legend: { position: 'bottom-left', align: 'right', length: 0.3 },
          ticks: { maxTicksLimit: 4, callback: (value) => input.formatCount(Number(value)), color: () => getComputedStyle(canvas).color },
        },
      },
    },
  };
  const chart = new Chart(canvas, config);
  const scheme = matchMedia('(prefers-color-scheme: dark)');
  const recolour = () => {
    colours = palette();
    const color = chart.options.scales?.color as { missing?: string } | undefined;
    if (color) color.missing = colours.empty;
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
