/**
 * The popup's boot script: a classic script at the top of popup.html, run before the document is
 * parsed. It starts the popup's bundle (entrypoints/popup/main.tsx; start-bundle.ts says why the
 * boot script loads it) and asks the popup's first questions (../popup/first-questions.ts) — and,
 * once the tab and the settings say which view opens, that view's facets
 * (../popup/first-view-facets.ts) — and leaves them on the window, so their answers are on their
 * way while the bundle loads, runs and paints the frame (PRODUCT.md §6, B7). Built by WXT as an
 * unlisted script (popup-boot.js).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { askFirstQuestions, handOverFirstQuestions } from '../popup/first-questions';
import { startBundle } from './start-bundle';

export default defineUnlistedScript(() => {
  // For the benchmark's breakdown of the time to the first paint (scripts/bench/b7-popup.ts).
  performance.mark('bitlens-popup-boot');
  // First: without its bundle the popup stays empty, whatever the questions do.
  startBundle(document.currentScript);
  handOverFirstQuestions(askFirstQuestions());
});
