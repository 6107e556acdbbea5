/**
 * QR-code scans told apart from other clicks. Bitly reports a scan of its own QR code as a click
 * from the referrer `Bitly QR Code` (referring domain `qr.partners.bit.ly`; ENDPOINTS.md §3.2).
 * v4 has no per-bucket scan series for a link (the spec's `/bitlinks/{bitlink}/scans` paths have no
 * operations), so scans are known as a total for the range, from the referrers answer.
 */
import type { ClickMetrics } from '../bitly/schemas';

export const QR_SCAN_REFERRER = 'Bitly QR Code';
export const QR_SCAN_DOMAINS: readonly string[] = ['qr.partners.bit.ly'];

export interface ScanSplit {
  scans: number;
  /** Every other click in the same range. */
  otherClicks: number;
}

/** Whether a referrers or referring-domains row stands for QR scans. */
export function isQrScanRow(value: string): boolean {
  return value === QR_SCAN_REFERRER || QR_SCAN_DOMAINS.includes(value.toLowerCase());
}

/** Scans and other clicks in a referrers (or referring domains) answer; the rows add up to the range's clicks. */
export function scanSplit(data: ClickMetrics): ScanSplit {
  let scans = 0;
  let total = 0;
  for (const row of data.metrics) {
    total += row.clicks;
    if (isQrScanRow(row.value)) scans += row.clicks;
  }
  return { scans, otherClicks: total - scans };
}
