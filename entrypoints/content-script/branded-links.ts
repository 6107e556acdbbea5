/**
 * Hearing the pointer reach a link on one of the account's branded short domains. Bitly's own
 * hosts are matched by the manifest's stylesheet (utils/bitly/link-hover-css.ts), but a rule
 * naming the account's domains would be readable by every page (PRODUCT.md §4), so they are
 * checked here, in the content script's isolated world: one delegated, passive `pointerover`
 * listener with a host check, on only while the account has branded domains.
 */
import { isBitlyHost } from '@/utils/bitly/link';
import { PASSIVE_CAPTURE } from './passive-capture';

/** Returns the switch: `on(hosts)` listens for links on `hosts` (nothing when empty). */
export function brandedLinkListener(onLink: (anchor: HTMLAnchorElement, since: number) => void) {
  let hosts: ReadonlySet<string> = new Set();
  const onOver = (e: PointerEvent) => {
    if (!e.isTrusted) return;
    const anchor = (e.target as Element | null)?.closest?.('a[href]');
    // Links on Bitly's own hosts are heard through the stylesheet.
    if (anchor instanceof HTMLAnchorElement && isBitlyHost(anchor.hostname, hosts) && !isBitlyHost(anchor.hostname)) onLink(anchor, e.timeStamp);
  };
  let listening = false;
  return (branded: ReadonlySet<string>) => {
    hosts = branded;
    const yes = branded.size > 0;
    if (yes === listening) return;
    listening = yes;
    if (yes) document.addEventListener('pointerover', onOver, PASSIVE_CAPTURE);
    else document.removeEventListener('pointerover', onOver, PASSIVE_CAPTURE);
  };
}
