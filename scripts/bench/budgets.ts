/**
 * PRODUCT.md §6 as it now stands, printed with every bench run and written to bench/RESULTS.md, so
 * the figures can be read against the budgets they are checked by. Times that depend on the
 * machine are ratios to the yardstick measured in the same run.
 */
export const BUDGET_TABLE: ReadonlyArray<readonly [id: string, measure: string, budget: string]> = [
  ['B1', 'content script size (minified, gzip)', '≤ 8 KB'],
  [
    'B2',
    'added main-thread script time on a 10,000-link page (1% Bitly), vs the same page without the extension, as a ratio to the yardstick (an extension whose content script is only the one delegated `pointerover` listener of F1) measured in the same run: (a) page load, (b) 200 pointer moves across the links, crossing at least one Bitly link (the first crossing on a page included)',
    '(a) ≤ 1.2× yardstick, (b) ≤ 0.5× yardstick',
  ],
  ['B3', '1,000 links appended after load: added script time', '≤ 0.5 ms, no full rescans'],
  ['B4', 'hover → card showing data, cached', '≤ 16 ms after the intent delay (one frame: the card was prepared during the delay)'],
  ['B5', 'hover → card showing data, uncached, local stand-in', '≤ 200 ms after the intent delay'],
  ['B6', 'API calls: 50 links hovered 3 times each', 'exactly the budget of §2 per link, 0 repeats'],
  ['B7', 'popup open → chart with cached data painted', '≤ 100 ms'],
  ['B8', 'cache size', 'bounded, ≤ 4 MB with LRU eviction'],
];
