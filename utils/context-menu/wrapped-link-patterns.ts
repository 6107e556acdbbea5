/**
 * Where the context-menu item shows for wrapped Bitly links (issue 15), derived from the one
 * wrapper list in utils/bitly/wrapped-link.ts. A match pattern's path is matched against the
 * path and the query (Chromium and Firefox alike), so a wrapper's address with `?*bit.ly*` after
 * its path narrows the item to wrappers that mention a short host somewhere in their query. That
 * only narrows: the click handler decides with the strict parser, so a mention in another
 * parameter shows the item and opens nothing.
 *
 * A text wrapper (X's `t.co`) carries nothing in its address: the item shows on all its links,
 * and the click asks the page for the link's text.
 */
import { LINK_WRAPPERS } from '../bitly/wrapped-link';

/**
 * Patterns for every wrapper address × every short host (lower-case, without `www.`, already
 * checked as plain DNS names). A host that contains another one (`go.bit.ly` contains `bit.ly`)
 * adds nothing and is left out.
 */
export function wrappedLinkPatterns(shortHosts: readonly string[]): string[] {
  const hosts = shortHosts.filter((host) => !shortHosts.some((other) => other !== host && host.includes(other)));
  const patterns: string[] = [];
  for (const wrapper of LINK_WRAPPERS) {
    const wrapperHosts = [...(wrapper.hosts ?? []), ...(wrapper.suffix ? [`*${wrapper.suffix}`] : [])];
    for (const wrapperHost of wrapperHosts) {
      if (wrapper.params === 'text') patterns.push(`https://${wrapperHost}/*`);
      else for (const host of hosts) patterns.push(`https://${wrapperHost}${wrapper.path}?*${host}*`);
    }
  }
  return patterns;
}

/** Whether `linkUrl` goes to a text wrapper (`t.co`), where only the link's text can name a Bitly link. */
export function isTextWrapperUrl(linkUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(linkUrl);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && LINK_WRAPPERS.some((w) => w.params === 'text' && w.hosts?.includes(url.hostname));
}
