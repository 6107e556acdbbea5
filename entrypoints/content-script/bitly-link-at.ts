/**
 * Detection (F1) at the moment it is needed: from the element the pointer or focus entered, the
 * enclosing `<a href>` if it is a Bitly short link. Nothing scans the page or observes it, so
 * links added later or whose href changes are seen as they are when the user reaches them.
 */
import { isBitlyHost, parseBitlink } from '@/utils/bitly/link';

export interface BitlyLink {
  anchor: HTMLAnchorElement;
  /** Normalised `domain/hash` id. */
  id: string;
}

export function bitlyLinkAt(target: EventTarget | null, brandedHosts: ReadonlySet<string>): BitlyLink | null {
  const anchor = (target as Element | null)?.closest?.('a[href]');
  if (!(anchor instanceof HTMLAnchorElement)) return null;
  // A cheap host check first: almost every link on a page fails it.
  if (!isBitlyHost(anchor.hostname, brandedHosts)) return null;
  const ref = parseBitlink(anchor.href, brandedHosts);
  return ref ? { anchor, id: ref.id } : null;
}
