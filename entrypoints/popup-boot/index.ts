/**
 * The popup's boot script: a classic script at the top of popup.html, run before the document is
 * parsed and before the popup's bundle (entrypoints/popup/main.tsx) has loaded. It only asks the
 * popup's first questions (../popup/first-questions.ts) — and, once the tab and the settings say
 * which view opens, that view's facets (../popup/first-view-facets.ts) — and leaves them on the
 * window, so their answers are on their way while the bundle loads, runs and paints the frame
 * (PRODUCT.md §6, B7). Built by WXT as an unlisted script (popup-boot.js); without it the popup
 * asks them itself.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { askFirstQuestions, handOverFirstQuestions } from '../popup/first-questions';

export default defineUnlistedScript(() => {
  // For the benchmark's breakdown of the time to the first paint (scripts/bench/b7-popup.ts).
  performance.mark('bitlens-popup-boot');
  handOverFirstQuestions(askFirstQuestions());
});
