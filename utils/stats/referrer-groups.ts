/**
 * The legacy "referrers by domain" view (v3 `referrers_by_domain`, v4 `referrers_by_domains`):
 * each referring domain with its clicks, and the referring pages under it. Bitly's rows here are
 * `{key, value}` with the **count** in `value` (ENDPOINTS.md §3.2).
 */
import type { ReferrersByDomains } from '../bitly/schemas';

export interface ReferrerGroup {
  domain: string;
  clicks: number;
  /** Fraction of all clicks, 0–1. */
  share: number;
  /** The domain's pages, biggest first; empty when the only one is the domain itself (`direct`). */
  referrers: Array<{ key: string; clicks: number; share: number }>;
}

export interface ReferrerGroups {
  groups: ReferrerGroup[];
  total: number;
}

export function referrerGroups(data: ReferrersByDomains): ReferrerGroups {
  const sized = data.referrers_by_domain.map((group) => ({ group, clicks: group.referrers.reduce((sum, r) => sum + r.value, 0) }));
  const total = sized.reduce((sum, g) => sum + g.clicks, 0);
  const share = (clicks: number) => (total > 0 ? clicks / total : 0);
  const groups = sized
    .sort((a, b) => b.clicks - a.clicks)
    .map(({ group, clicks }) => {
      const referrers = [...group.referrers].sort((a, b) => b.value - a.value).map((r) => ({ key: r.key, clicks: r.value, share: share(r.value) }));
      const onlyItself = referrers.length === 1 && referrers[0]!.key === group.network;
      return { domain: group.network, clicks, share: share(clicks), referrers: onlyItself ? [] : referrers };
    });
  return { groups, total };
}
