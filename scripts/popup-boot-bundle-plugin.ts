/**
 * Moves the popup's bundle out of popup.html's markup and onto its boot script's tag: the module
 * script and its modulepreloads become the boot script's `data-bundle` and `data-preload`, and the
 * boot script imports them (entrypoints/popup-boot/start-bundle.ts says why: Chromium shows the
 * popup at the document's `load` event, which a module script in the HTML holds back).
 * The match is exact on purpose: HTML the plugin does not recognise fails the build.
 */
import type { Plugin } from 'vite';
import { BUNDLE_ATTRIBUTE, PRELOAD_ATTRIBUTE } from '../entrypoints/popup-boot/start-bundle';

const BOOT_SCRIPT = '<script src="/popup-boot.js"></script>';
const MODULE_SCRIPT = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/g;
const MODULE_PRELOAD = /\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g;

export function bootLoadsPopupBundle(html: string): string {
  const entries = [...html.matchAll(MODULE_SCRIPT)].map((m) => m[1]!);
  if (entries.length !== 1 || html.split(BOOT_SCRIPT).length !== 2) {
    throw new Error(`popup.html should have one boot script (${BOOT_SCRIPT}) and one module script, found ${entries.length}: update scripts/popup-boot-bundle-plugin.ts`);
  }
  const preloads = [...html.matchAll(MODULE_PRELOAD)].map((m) => m[1]!);
  const boot = `<script src="/popup-boot.js" ${BUNDLE_ATTRIBUTE}="${entries[0]}" ${PRELOAD_ATTRIBUTE}="${preloads.join(' ')}"></script>`;
  return html.replace(MODULE_SCRIPT, '').replace(MODULE_PRELOAD, '').replace(BOOT_SCRIPT, boot);
}

export function popupBootBundle(): Plugin {
  return {
    name: 'bitlens:popup-boot-bundle',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, context) => (/[\\/]popup[\\/]index\.html$/.test(context.filename) ? bootLoadsPopupBundle(html) : html),
    },
  };
}
