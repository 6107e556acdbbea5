/**
 * How many of a total's clicks were QR-code scans ("· 45 from QR scans", on the total's line), from
 * the referrers answer the surface already has (no extra request). Says nothing when there were none.
 */
import type { ClickMetrics } from '@/utils/bitly/schemas';
import { formatCount } from '@/utils/format/numbers';
import { t } from '@/utils/i18n';
import type { FacetReply } from '@/utils/messaging/protocol';
import { scanSplit } from '@/utils/stats/qr-scans';
import './scan-share.css';

export function ScanShare({ referrers, locale }: { referrers: FacetReply<ClickMetrics> | undefined; locale: string }) {
  if (referrers?.state !== 'data') return null;
  const { scans } = scanSplit(referrers.data);
  if (scans === 0) return null;
  return (
    <span class="scan-share" data-testid="qr-scans">
      {t(scans === 1 ? 'qrScanShareOne' : 'qrScanShare', formatCount(scans, locale))}
    </span>
  );
}
