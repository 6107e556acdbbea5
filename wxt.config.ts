import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { chunkModulesPlugin } from './scripts/chunk-modules-plugin';
import { resolveFlavour } from './scripts/flavour';
import { sharedPageChunk } from './scripts/shared-page-chunk';
import { noInnerHtml } from './scripts/no-inner-html';
import { BITLY_HOSTS } from './utils/bitly/link';
import { linkHoverCss } from './utils/bitly/link-hover-css';
import { linkWrapperSelectors } from './utils/bitly/wrapped-link';

// One build-time switch decides which Bitly the extension talks to: production builds know
// only the real API host; test and demo builds point at the local stand-in (tests/fake-bitly).
const flavour = resolveFlavour(process.env);

const LINK_HOVER_STYLESHEET = 'content-script.css';
const TEST_ONLY_ENTRYPOINTS = ['view-fixtures', 'test-probe'];
const POPUP_SHORTCUT = 'Alt+Shift+K';

/** The Firefox add-on id. */
export const GECKO_ID = 'bitlens@bitlens.app';

// Firefox: a fixed add-on id (tests pin the extension's origin with it; the add-ons site needs one),
// and what leaves the browser, as AMO asks: nothing collected — Bitlens talks only to Bitly, at the
// user's request, with the user's own token. Not an object literal in place: WXT's manifest type
// predates `data_collection_permissions`.
const GECKO_SETTINGS = { id: GECKO_ID, strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } };

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every dependency is a visible import line, so tests/conventions/ can check boundaries.
  imports: false,
  outDir: flavour.outDir,
  vite: () => ({
    // Vitest brings a newer Vite than WXT's own; the preset works with both, only the types differ.
    // Non-production builds also list each chunk's modules (tests/e2e/bundle-boundaries.spec.ts checks the pages' boundaries).
    plugins: [preact() as never, noInnerHtml() as never, sharedPageChunk() as never, ...(flavour.name === 'production' ? [] : [chunkModulesPlugin(import.meta.dirname) as never])],
    define: {
      __BITLY_API_BASE__: JSON.stringify(flavour.apiBase),
      __BITLENS_FLAVOUR__: JSON.stringify(flavour.name),
    },
  }),
  // The sources archive the Firefox add-ons site asks for: what rebuilds the add-on, nothing else
  // (WXT already leaves out node_modules, .output, dotfiles and *.test/*.spec files).
  // SOURCE_CODE_REVIEW.md tells the reviewer how; scripts/verify-sources-zip.ts proves it.
  zip: {
    excludeSources: ['tests/**', 'bench/**', 'scripts/bench/**', 'scripts/demo/**', 'scripts/demo.ts', 'scripts/bench.ts', 'scripts/test-all.ts', 'scripts/render-icons.ts', 'playwright.config.ts', 'vitest.config.ts'],
  },
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: LINK_HOVER_STYLESHEET, contents: linkHoverCss(BITLY_HOSTS, linkWrapperSelectors()) });
    },
    // The page of view fixtures and the content-script probe are for end-to-end and accessibility tests: test builds only.
    'entrypoints:resolved': (_wxt, entrypoints) => {
      for (const entrypoint of entrypoints) if (TEST_ONLY_ENTRYPOINTS.includes(entrypoint.name) && flavour.name !== 'test') entrypoint.skipped = true;
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    // AbortSignal.any (the client's timeout) needs Chromium 116; storage access levels came before it.
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: GECKO_SETTINGS } } : { minimum_chrome_version: '116' }),
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // None shows an install warning: `activeTab` lets the popup read the tab's address when the
    // user opens it; `contextMenus` adds "Bitly stats for this link".
    permissions: ['storage', 'activeTab', 'contextMenus'],
    // A shortcut for the toolbar popup that neither Chromium's own (Alt+Shift+A/B/I/T) nor the
    // hover card's (Alt+Shift+B on a focused link) uses; listed on the options page.
    commands: {
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: POPUP_SHORTCUT },
        description: '__MSG_commandOpenPopup__',
      },
    },
    host_permissions: [flavour.hostPermission],
    // The hover card is an extension page the content script frames; a dynamic URL (Chromium)
    // keeps pages from fingerprinting the extension by probing a fixed address.
    // The content script is an unlisted script (see entrypoints/content-script/index.ts); its
    // stylesheet, generated below, makes hovering a Bitly link the only thing it hears.
    content_scripts: [{ matches: ['<all_urls>'], js: ['content-script.js'], css: [LINK_HOVER_STYLESHEET], run_at: 'document_idle' }],
    web_accessible_resources: [{ resources: ['card.html'], matches: ['<all_urls>'], use_dynamic_url: true }],
  }),
});
