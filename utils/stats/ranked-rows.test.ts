import { describe, expect, it } from 'vitest';
import { rankRows } from './ranked-rows';
import { referrerGroups } from './referrer-groups';

describe('ranked rows', () => {
  it('sorts by clicks, keeps the given order for equal counts, and gives each its share', () => {
    const rows = [
      { key: 'a', label: 'A', clicks: 1 },
      { key: 'b', label: 'B', clicks: 3 },
      { key: 'c', label: 'C', clicks: 1 },
      { key: 'd', label: 'D', clicks: 5 },
    ];
    expect(rankRows(rows)).toEqual({
      rows: [
        { key: 'd', label: 'D', clicks: 5, share: 0.5 },
        { key: 'b', label: 'B', clicks: 3, share: 0.3 },
        { key: 'a', label: 'A', clicks: 1, share: 0.1 },
        { key: 'c', label: 'C', clicks: 1, share: 0.1 },
      ],
      total: 10,
    });
  });

  it('shares of a larger total when some clicks are counted apart, none of nothing', () => {
    expect(rankRows([{ key: 'x', label: 'X', clicks: 1 }], 4).rows[0]!.share).toBe(0.25);
    expect(rankRows([{ key: 'x', label: 'X', clicks: 0 }])).toEqual({ rows: [{ key: 'x', label: 'X', clicks: 0, share: 0 }], total: 0 });
  });
});

describe('referrers grouped by domain', () => {
  it('orders domains and their pages by clicks, with shares of all clicks', () => {
    const { groups, total } = referrerGroups({
      facet: 'referrers_by_domains',
      referrers_by_domain: [
        { network: 'direct', referrers: [{ key: 'direct', value: 4 }] },
        { network: 'www.linkedin.com', referrers: [{ key: 'https://www.linkedin.com/', value: 1 }, { key: 'https://www.linkedin.com/feed/', value: 5 }] },
        { network: 't.co', referrers: [{ key: 'https://t.co/x7Kp2LmQa9', value: 2 }] },
      ],
    });
    expect(total).toBe(12);
    expect(groups).toEqual([
      {
        domain: 'www.linkedin.com',
        clicks: 6,
        share: 0.5,
        referrers: [
          { key: 'https://www.linkedin.com/feed/', clicks: 5, share: 5 / 12 },
          { key: 'https://www.linkedin.com/', clicks: 1, share: 1 / 12 },
        ],
      },
      // `direct` has only itself under it: nothing to nest.
      { domain: 'direct', clicks: 4, share: 4 / 12, referrers: [] },
      { domain: 't.co', clicks: 2, share: 2 / 12, referrers: [{ key: 'https://t.co/x7Kp2LmQa9', clicks: 2, share: 2 / 12 }] },
    ]);
  });

  it('is empty without clicks', () => {
    expect(referrerGroups({ facet: 'referrers_by_domains', referrers_by_domain: [] })).toEqual({ groups: [], total: 0 });
  });
});
