import { describe, expect, it } from 'vitest';
import { scanSplit } from './qr-scans';

const metrics = (rows: Array<[string, number]>) => ({ facet: 'referrers', metrics: rows.map(([value, clicks]) => ({ value, clicks })) });

describe('scans apart from clicks', () => {
  it.each([
    ['referrers with QR scans', [['direct', 60], ['Bitly QR Code', 45], ['Instagram', 18]], { scans: 45, otherClicks: 78 }],
    ['referring domains with QR scans', [['direct', 60], ['qr.partners.bit.ly', 45], ['t.co', 18]], { scans: 45, otherClicks: 78 }],
    ['no scans', [['direct', 5], ['Twitter', 2]], { scans: 0, otherClicks: 7 }],
    ['a look-alike referrer is not a scan', [['Bitly QR Codes', 3], ['qr.partners.bit.ly.evil.example', 2]], { scans: 0, otherClicks: 5 }],
    ['nothing at all', [], { scans: 0, otherClicks: 0 }],
  ] as Array<[string, Array<[string, number]>, { scans: number; otherClicks: number }]>)('%s', (_label, rows, split) => {
    expect(scanSplit(metrics(rows))).toEqual(split);
  });
});
