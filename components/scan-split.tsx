/**
 * The report's "QR scans and other clicks": both counts for the range side by side, as bars and as
 * a table. Bitly's v4 API has no scans per day for a link (utils/stats/qr-scans.ts), so this is the
 * range's totals beside the clicks-over-time chart, and the section says so.
 */
import type { ClickMetrics } from '@/utils/bitly/schemas';
import { formatCount, formatShare } from '@/utils/format/numbers';
import { t } from '@/utils/i18n';
import { scanSplit } from '@/utils/stats/qr-scans';
import './scan-split.css';

export function ScanSplitView({ data, locale }: { data: ClickMetrics; locale: string }) {
  const { scans, otherClicks } = scanSplit(data);
  const total = scans + otherClicks;
  const rows = [
    { key: 'scans', label: t('qrScans'), clicks: scans },
    { key: 'other', label: t('qrOtherClicks'), clicks: otherClicks },
  ];
  return (
    <div class="scan-split" data-testid="scan-split">
      <table class="facet-table scan-split-table">
        <caption class="visually-hidden">{t('qrScansAndClicks')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('qrKind')}</th>
            <th scope="col">{t('reportClicks')}</th>
            <th scope="col">{t('reportShare')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-testid={`scan-split-${row.key}`}>
              <th scope="row">
                <span class={`scan-swatch ${row.key}`} aria-hidden="true" />
                {row.label}
              </th>
              <td class="num">{formatCount(row.clicks, locale)}</td>
              <td class="num">{total === 0 ? '–' : formatShare(row.clicks / total, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="scan-bar" aria-hidden="true">
        {total > 0 && rows.map((row) => <span key={row.key} class={`scan-swatch ${row.key}`} style={{ flexGrow: row.clicks }} />)}
      </div>
      <p class="facet-line scan-note">{scans === 0 ? t('qrNoScans') : t('qrScansTotalsOnly')}</p>
    </div>
  );
}
