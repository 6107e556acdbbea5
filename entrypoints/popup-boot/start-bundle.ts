/**
 * The popup's bundle, started by its boot script rather than by a module script in popup.html.
 *
 * Chromium shows the popup's window only after popup.html's `load` event, and a module script or a
 * modulepreload in the HTML holds that event back until the whole bundle has been fetched and run.
 * A dynamic `import()` does not: started here, the bundle loads exactly as early as before (the
 * boot script is the first thing the document runs), while the window is shown as soon as the
 * document and its stylesheets are in — so the first frame with the cached numbers is not held back
 * by the window (PRODUCT.md §6, B7). The build (scripts/popup-boot-bundle-plugin.ts) moves the
 * bundle's entry and its modulepreloads from popup.html onto the boot script's tag.
 */

/** On the boot script's tag: the bundle's entry chunk (`/chunks/popup-….js`). */
export const BUNDLE_ATTRIBUTE = 'data-bundle';
/** On the boot script's tag: the chunks the entry imports, space-separated, fetched beside it. */
export const PRELOAD_ATTRIBUTE = 'data-preload';

/** Imports the entry and its chunks in parallel (one round of fetches, not a waterfall). */
export function startBundle(script: Pick<Element, 'getAttribute'> | null, load: (url: string) => Promise<unknown> = (url) => import(/* @vite-ignore */ url)): void {
  const entry = script?.getAttribute(BUNDLE_ATTRIBUTE);
  if (!entry) return;
  const chunks = (script?.getAttribute(PRELOAD_ATTRIBUTE) ?? '').split(' ').filter(Boolean);
  for (const url of [entry, ...chunks]) {
    load(url).catch((error: unknown) => console.error(`Bitlens could not load ${url}`, error));
  }
}
