/**
 * The popup's facets models (components/facets-model.ts), each asking through the PopupApi:
 * a link's full statistics (interactive: the user is looking at it), a list row's clicks
 * (normal priority, PRODUCT.md F3), the account overview (F6: group clicks and top links), and
 * the account's links to the page.
 */
import { bitlinkIdOf } from '@/utils/bitly/link';
import type { GroupClicks, SortedLinks } from '@/utils/bitly/schemas';
import { LINKS_TO_PAGE_FACET, pageKey } from '@/utils/links/page-url';
import type { LinksToPage } from '@/utils/messaging/protocol';
import type { Priority } from '@/utils/scheduler/request-scheduler';
import type { LinkFacetData } from '@/utils/stats/facet-names';
import { FacetsModel, type Clock, type FacetMap, type FacetsSource } from '@/components/facets-model';
import type { LinkStatsMap, LinkStatsModel } from '@/components/link-stats';
import { LINK_STATS_FACETS, LINK_STATS_FIXED, LINK_STATS_METRICS } from '@/utils/stats/link-stats-facets';
import { ACCOUNT_FACETS, ROW_FACETS, TOP_LINKS, VIEW_PRIORITY } from './first-view-facets';
import type { PopupApi } from './popup-api';

export { TOP_LINKS };

const sameLink = (id: string) => (target: string) => (bitlinkIdOf(target) ?? target) === id;

function settingsAndPushes(api: PopupApi): Pick<FacetsSource<FacetMap>, 'getSettings' | 'subscribe'> {
  return { getSettings: () => api.getSettings(), subscribe: (listener) => api.subscribe(listener) };
}

function linkSource<M extends { [F in keyof M]: LinkFacetData<F & keyof LinkStatsMap> }>(api: PopupApi, link: string, priority: Priority): FacetsSource<M> {
  return {
    ask: (facet, { refresh, window }) => api.askLinkFacet(link, facet as keyof LinkStatsMap, { refresh, window, priority }) as never,
    ...settingsAndPushes(api),
  };
}

export function linkStatsModel(api: PopupApi, link: string, clock?: Clock): LinkStatsModel {
  return new FacetsModel<LinkStatsMap>(linkSource(api, link, VIEW_PRIORITY.linkStats), {
    target: link,
    facets: LINK_STATS_FACETS,
    fixed: LINK_STATS_FIXED,
    metricsFor: () => LINK_STATS_METRICS,
    isTarget: sameLink(link),
    clock,
  });
}

export type RowClicksMap = { clicks: LinkFacetData<'clicks'> };

/** A list row's total and mini chart: the link's clicks for the settings' window. */
export function rowClicksModel(api: PopupApi, link: string, clock?: Clock): FacetsModel<RowClicksMap> {
  return new FacetsModel<RowClicksMap>(linkSource(api, link, VIEW_PRIORITY.row), {
    target: link,
    facets: ROW_FACETS,
    metricsFor: () => ROW_FACETS,
    isTarget: sameLink(link),
    clock,
  });
}

export type AccountMap = { groupClicks: GroupClicks; topLinks: SortedLinks };

export function accountModel(api: PopupApi, clock?: Clock): FacetsModel<AccountMap> {
  return new FacetsModel<AccountMap>(
    {
      ask: (facet, { refresh, window }) =>
        api.askAccountFacet(facet, { refresh, window, priority: VIEW_PRIORITY.account, ...(facet === 'topLinks' ? { size: TOP_LINKS } : {}) }) as never,
      ...settingsAndPushes(api),
    },
    {
      target: 'account',
      facets: ACCOUNT_FACETS,
      metricsFor: () => ACCOUNT_FACETS,
      // Pushes name the group's guid; these facet names belong to the account alone.
      isTarget: () => true,
      clock,
    },
  );
}

export type LinksToPageMap = { linksToPage: LinksToPage };

export function linksToPageModel(api: PopupApi, url: string, clock?: Clock): FacetsModel<LinksToPageMap> {
  const page = pageKey(url) ?? url;
  return new FacetsModel<LinksToPageMap>(
    {
      ask: (_facet, { refresh }) => api.findLinksToPage(url, { refresh }),
      ...settingsAndPushes(api),
    },
    {
      target: page,
      facets: [LINKS_TO_PAGE_FACET],
      fixed: [LINKS_TO_PAGE_FACET],
      metricsFor: () => [],
      clock,
    },
  );
}
