/**
 * The Bitly link behind a context-menu click: the link's address itself (a Bitly or branded
 * host), a known wrapper whose own parameter carries it (decoded by the same strict parser as the
 * card's), or, for a text wrapper (X's `t.co`), the link's visible text — which the browser does
 * not give the menu, so the tab's content script is asked for the Bitly link of the frame's
 * links with exactly this address.
 */
import { parseBitlink, type BitlinkRef } from '../bitly/link';
import { parseWrappedBitlink } from '../bitly/wrapped-link';
import type { PageLinks } from '../messaging/protocol';
import { isTextWrapperUrl } from './wrapped-link-patterns';

/** Asks a frame's content script for its Bitly links whose address is `href` (null: no answer). */
export type AskPageLinks = (tabId: number, frameId: number, href: string) => Promise<unknown>;

export interface ClickedLink {
  linkUrl: string;
  tabId?: number;
  frameId?: number;
}

export async function clickedBitlink({ linkUrl, tabId, frameId }: ClickedLink, brandedHosts: ReadonlySet<string>, askPage: AskPageLinks): Promise<BitlinkRef | null> {
  const direct = parseBitlink(linkUrl, brandedHosts) ?? parseWrappedBitlink(linkUrl, null, brandedHosts)?.ref;
  if (direct) return direct;
  if (tabId === undefined || !isTextWrapperUrl(linkUrl)) return null;
  const answer = await askPage(tabId, frameId ?? 0, linkUrl).catch(() => null);
  return bitlinkFoundByText(answer, brandedHosts);
}

/**
 * The one Bitly link the page found by text behind the clicked address, checked again here (the
 * answer comes through a page's renderer). Two different ones (two links with the same address
 * and different texts) are ambiguous: none.
 */
function bitlinkFoundByText(answer: unknown, brandedHosts: ReadonlySet<string>): BitlinkRef | null {
  const links = (answer as Partial<PageLinks> | null)?.links;
  if (!Array.isArray(links)) return null;
  const found = new Map<string, BitlinkRef>();
  for (const link of links as unknown[]) {
    const { id, via } = (link ?? {}) as Partial<PageLinks['links'][number]>;
    if (typeof id !== 'string' || via?.found !== 'text') continue;
    const ref = parseBitlink(`https://${id}`, brandedHosts);
    if (ref?.id !== id) return null;
    found.set(id, ref);
  }
  return found.size === 1 ? found.values().next().value! : null;
}
