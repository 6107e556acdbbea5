/**
 * The hover rule of utils/bitly/link-hover-css.ts for the account's branded short domains, which
 * the manifest's stylesheet cannot know. Adopted by the document rather than added to it as an
 * element, so the page's DOM does not change; replaced whenever the list changes.
 */
import { linkHoverCss } from '@/utils/bitly/link-hover-css';

let write: ((css: string) => void) | undefined;
let applied = '';

/** An adopted sheet; a `<style>` element where a content script may not adopt one (Firefox's Xrays). */
function createSheet(): (css: string) => void {
  try {
    const sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return (css) => sheet.replaceSync(css);
  } catch {
    const style = document.createElement('style');
    document.documentElement.append(style);
    return (css) => (style.textContent = css);
  }
}

export function brandedHostsStyle(hosts: Iterable<string>) {
  const css = linkHoverCss(hosts);
  if (css === applied) return;
  applied = css;
  write ??= createSheet();
  write(css);
}
