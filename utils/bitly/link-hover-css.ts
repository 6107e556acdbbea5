/**
 * Detection without a script call per pointer move (PRODUCT.md F1, §6 B2): a stylesheet gives
 * Bitly-host links a no-op animation while hovered, so the content script hears an
 * `animationstart` only when the pointer reaches a Bitly link, and nothing on any other element.
 * Only Bitly's own hosts are here, in a stylesheet the manifest injects (generated at build time
 * from BITLY_HOSTS): the account's branded hosts must not be in anything a page can read, so the
 * content script checks them itself (entrypoints/content-script/branded-links.ts).
 *
 * The selectors see the `href` attribute as written, so they match absolute and
 * protocol-relative links; the content script still parses the resolved `href` before any work.
 */

/**
 * The animation's name, heard by the content script. Pages can see it (getComputedStyle, their own
 * `animationstart` listeners), so it names nothing: it looks like any generated keyframes name.
 */
export const LINK_HOVER_ANIMATION = 'k1d7c';

/** A host as Bitly returns it: only these characters ever reach a selector. */
const SAFE_HOST = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/;
const PREFIXES = ['https://', 'http://', '//'] as const;

/** `a[href^="…" i]` selectors for every way an absolute href can start with one of `hosts`. */
export function linkHoverSelectors(hosts: Iterable<string>): string[] {
  const selectors: string[] = [];
  for (const raw of hosts) {
    const host = raw.toLowerCase();
    if (!SAFE_HOST.test(host)) continue;
    for (const prefix of PREFIXES) {
      selectors.push(`a[href^="${prefix}${host}/" i]`, `a[href^="${prefix}www.${host}/" i]`);
    }
  }
  return selectors;
}

/**
 * The stylesheet for `hosts` (and `extraSelectors`: the link wrappers'), or '' when there is none. `!important` because a page's own
 * `animation` on its links would otherwise hide the hover from Bitlens; the animation changes
 * nothing and lasts 1 ms.
 */
export function linkHoverCss(hosts: Iterable<string>, extraSelectors: readonly string[] = []): string {
  const selectors = [...linkHoverSelectors(hosts), ...extraSelectors];
  if (selectors.length === 0) return '';
  return `@keyframes ${LINK_HOVER_ANIMATION}{}\n:is(${selectors.join(',')}):hover{animation:${LINK_HOVER_ANIMATION} 1ms !important}\n`;
}
