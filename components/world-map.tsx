/**
 * Countries as a world choropleth with its table beside it (F5). The map is decoration for
 * sighted users (canvas `aria-hidden`); the table — country, clicks, share, and a row for
 * clicks Bitly could not place — says everything the map shows. Chart.js, the geo plugin and
 * the world's shapes load with `import()` after the table has painted.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ClickMetrics } from '@/utils/bitly/schemas';
import { countryName } from '@/utils/format/countries';
import { formatCompactCount, formatCount } from '@/utils/format/numbers';
import { countryShares } from '@/utils/geo/country-shares';
import { t } from '@/utils/i18n';
import { FacetTable } from './facet-table';
import './stats-views.css';
import './report-views.css';

interface Props {
  id: string;
  data: ClickMetrics;
  locale: string;
  /** The table's caption ("Clicks by country"); hidden when a heading beside it says it. */
  caption: string;
  captionHidden?: boolean;
  /** Rows of the table before "Show all". */
  limit?: number;
}

export function WorldMap({ id, data, locale, caption, captionHidden, limit = 15 }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);
  const [offMap, setOffMap] = useState<string[]>([]);
  const shares = useMemo(() => countryShares(data.metrics, locale, t('reportUnknownCountry')), [data, locale]);

  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let gone = false;
    void import('./world-map-chart').then(({ drawWorldMap, drawableCodes }) => {
      if (gone || !canvas.current) return;
      chart = drawWorldMap(canvas.current, {
        clicks: shares.byCode,
        name: (code) => countryName(code, locale),
        describe: (clicks) => t('cardChartTooltip', formatCount(clicks, locale)),
        formatCount: (n) => formatCompactCount(n, locale),
      });
      const drawable = drawableCodes();
      setOffMap([...shares.byCode.keys()].filter((code) => !drawable.has(code)).map((code) => countryName(code, locale)));
      setDrawn(true);
    });
    return () => {
      gone = true;
      chart?.destroy();
    };
  }, [shares, locale]);

  return (
    <div class="world-map" data-testid={id} data-drawn={drawn ? 'true' : 'false'}>
      <div>
        <div class="map-canvas">
          {!drawn && <div class="map-placeholder" aria-hidden="true" />}
          <canvas ref={canvas} aria-hidden="true" />
        </div>
        {offMap.length > 0 && <p class="map-note">{t('reportNotOnMap', offMap.join(', '))}</p>}
      </div>
      <FacetTable id={`${id}-table`} caption={caption} captionHidden={captionHidden} labelHeader={t('reportCountry')} ranked={shares.ranked} locale={locale} limit={limit} />
    </div>
  );
}
