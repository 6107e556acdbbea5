/**
 * The hover rule of utils/bitly/link-hover-css.ts for the account's branded short domains, which
 * the manifest's stylesheet cannot know. Adopted by the document rather than added to it as an
 * element, so the page's DOM does not change; replaced whenever the list changes.
 */
import { linkHoverCss } from '@/utils/bitly/link-hover-css';

let sheet: CSSStyleSheet | undefined;
let applied = '';

export function brandedHostsStyle(hosts: Iterable<string>) {
  const css = linkHoverCss(hosts);
  if (css === applied) return;
  applied = css;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(css);
}
