/**
 * The pages the benchmark loads, generated as static HTML (no page scripts unless a measurement
 * needs one). Links sit in a fixed CSS grid, so the position of link `i` is known without asking
 * the page (asking would run script in the page and blur the figure being measured).
 */
import { SAMPLE } from '../../tests/fake-bitly/data';

/** Grid geometry: cells of CELL_WIDTH × CELL_HEIGHT px, COLUMNS per row, from the page's top-left corner. */
export const GRID = { COLUMNS: 20, CELL_WIDTH: 64, CELL_HEIGHT: 16 } as const;
/** The viewport every benchmark page is loaded in (Playwright's default for a persistent context). */
export const VIEWPORT = { width: 1280, height: 720 } as const;
/** One link in BITLY_EVERY is a Bitly short link: 1 %. */
export const BITLY_EVERY = 100;
/** Bitly links sit at indices where `i % BITLY_EVERY === BITLY_OFFSET`. */
const BITLY_OFFSET = 50;

const PAID_LINKS = SAMPLE.accounts.paid.links;
const OTHER_HOSTS = [
  'example.com', 'news.example.org', 'shop.example.net', 'docs.example.dev', 'blog.example.io',
  'cdn.example.com', 'media.example.tv', 'mail.example.co.uk', 'bit.ly.example.com', 'maps.example.de',
  'video.example.fr', 'wiki.example.org', 'forum.example.net', 'bitlyish.example', 'status.example.app',
];

export function isBitlyIndex(i: number): boolean {
  return i % BITLY_EVERY === BITLY_OFFSET;
}

/** The href of link `i`: a Bitly link of the sample paid account (1 %), otherwise an ordinary link. */
export function linkHref(i: number): string {
  if (isBitlyIndex(i)) {
    const link = PAID_LINKS[Math.floor(i / BITLY_EVERY) % PAID_LINKS.length]!;
    return `https://${link.id}`;
  }
  const host = OTHER_HOSTS[i % OTHER_HOSTS.length]!;
  return `https://${host}/articles/${(i * 7919) % 100_003}/item-${i}`;
}

/** The centre of grid cell `i` in page coordinates (the page does not scroll horizontally). */
export function cellCentre(i: number): { x: number; y: number } {
  const col = i % GRID.COLUMNS;
  const row = Math.floor(i / GRID.COLUMNS);
  return { x: col * GRID.CELL_WIDTH + GRID.CELL_WIDTH / 2, y: row * GRID.CELL_HEIGHT + GRID.CELL_HEIGHT / 2 };
}

/** How many whole rows, and so links, fit in the viewport without scrolling. */
export const VISIBLE_LINKS = Math.floor(VIEWPORT.height / GRID.CELL_HEIGHT) * GRID.COLUMNS;

function anchors(from: number, to: number): string {
  const out: string[] = [];
  for (let i = from; i < to; i++) out.push(`<a href="${linkHref(i)}">l${i}</a>`);
  return out.join('');
}

const GRID_CSS = `
  html, body { margin: 0; padding: 0; }
  body { font: 10px/${GRID.CELL_HEIGHT}px monospace; width: ${GRID.COLUMNS * GRID.CELL_WIDTH}px; }
  #grid, .more { display: grid; grid-template-columns: repeat(${GRID.COLUMNS}, ${GRID.CELL_WIDTH}px); grid-auto-rows: ${GRID.CELL_HEIGHT}px; }
  #grid a, .more a { display: block; overflow: hidden; white-space: nowrap; }
  #park { position: fixed; right: 0; bottom: 0; width: 40px; height: 40px; }
`;

/** A static page of `count` links in the grid, 1 % of them Bitly links. No script. */
export function linkGridPage(count: number): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bench: ${count} links</title><style>${GRID_CSS}</style></head>
<body><div id="grid">${anchors(0, count)}</div><div id="park"></div></body></html>`;
}

/**
 * A page of `base` links in the grid that appends `extra` more (same 1 % mix, continuing the
 * numbering) when `window.benchAppend()` is called, in `batches` batches, one per task, each a
 * `<div>` of links added at the end of the body, as infinite scroll does. The new links are
 * parsed up front into <template>s, so appending costs the page little script time, and the same
 * on a big page as on a small one. Resolves with the page's link count after the last batch.
 * `window.benchRescan()` runs one full rescan of the document, as a rescanning detector would.
 */
export function appendPage(base: number, extra: number, batches: number): string {
  const perBatch = Math.ceil(extra / batches);
  const templates: string[] = [];
  for (let b = 0; b < batches; b++) {
    const from = base + b * perBatch;
    templates.push(`<template class="batch"><div class="more">${anchors(from, Math.min(from + perBatch, base + extra))}</div></template>`);
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bench: ${base} + ${extra} links</title><style>${GRID_CSS}</style></head>
<body><div id="grid">${anchors(0, base)}</div><div id="park"></div>${templates.join('')}
<script>
  window.benchAppend = () => new Promise((resolve) => {
    const batches = [...document.querySelectorAll('template.batch')];
    const next = () => {
      const t = batches.shift();
      if (!t) return resolve(document.links.length);
      document.body.append(t.content);
      setTimeout(next, 0);
    };
    setTimeout(next, 0);
  });
  // What a detector that rescans the document does, once, in a task of its own (for B3's yardstick).
  window.benchRescan = () => new Promise((resolve) => setTimeout(() => {
    const hosts = new Set(['bit.ly', 'j.mp', 'bitly.com', 'bitly.is']);
    let found = 0;
    for (const a of document.querySelectorAll('a[href]')) if (hosts.has(a.hostname)) found++;
    resolve(found);
  }, 0));
</script></body></html>`;
}

/** Geometry of the hover page: one column of links at the left, the pointer parks far right. */
export const HOVER_ROW_HEIGHT = 13;
export const HOVER_PARK = { x: VIEWPORT.width - 20, y: Math.round(VIEWPORT.height / 2) };

/**
 * The hover page: `ids` (Bitly `domain/hash`) as links in one column, compact enough to fit the
 * viewport. A page script records the time of each trusted pointerover on a link
 * (`window.benchHovers`), the moment the hover intent delay starts, and when the card came on
 * screen (`window.benchCardsOnScreen`): the content script reveals its frame by taking `inert`
 * off the host element it adds to the page (a prepared card is already painted, transparent), so
 * the page hears that in a MutationObserver and notes the time once the next frame has rendered
 * (the task after that frame's animation callbacks).
 */
export function hoverPage(ids: readonly string[]): string {
  const rows = ids.map((id, i) => `<a id="h${i}" href="https://${id}">https://${id}</a>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bench: hover</title><style>
  html, body { margin: 0; padding: 0; }
  body { font: 11px/${HOVER_ROW_HEIGHT}px sans-serif; }
  #links { display: flex; flex-direction: column; align-items: flex-start; padding-left: 8px; }
  #links a { height: ${HOVER_ROW_HEIGHT}px; }
</style></head>
<body><div id="links">${rows}</div>
<script>
  window.benchHovers = [];
  document.addEventListener('pointerover', (e) => {
    const a = e.isTrusted && e.target instanceof Element ? e.target.closest('a[href]') : null;
    if (a) window.benchHovers.push({ id: a.id, at: Date.now() });
  }, { capture: true, passive: true });
  window.benchCardsOnScreen = [];
  const hosts = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'childList') {
        for (const n of r.addedNodes) if (n instanceof HTMLElement && n !== document.head && n !== document.body) hosts.observe(n, { attributes: true, attributeFilter: ['inert'] });
      } else if (!r.target.inert) {
        requestAnimationFrame(() => setTimeout(() => window.benchCardsOnScreen.push(Date.now())));
      }
    }
  });
  hosts.observe(document.documentElement, { childList: true });
</script></body></html>`;
}

/** In B8's page, Bitly links fill every LOAD_BITLY_EVERY-th cell of the visible rows. */
export const LOAD_BITLY_EVERY = 2;

/**
 * B8's page: `total` links in the grid; the visible rows hold `ids` (Bitly `domain/hash`) in every
 * LOAD_BITLY_EVERY-th cell, so many distinct Bitly links can be hovered without scrolling; the rest
 * are ordinary links. A page script records when the page saw the pointer enter each element
 * (`window.benchEnters`) and when each card came on screen or went (`window.benchCardsShown`, `window.benchCardsHidden`). Returns the page and the grid index of each Bitly link.
 */
export function loadPage(ids: readonly string[], total: number): { html: string; cells: number[] } {
  if (ids.length * LOAD_BITLY_EVERY > VISIBLE_LINKS) throw new Error(`${ids.length} Bitly links do not fit the visible rows`);
  const cells = ids.map((_, k) => k * LOAD_BITLY_EVERY);
  const out: string[] = [];
  for (let i = 0; i < total; i++) {
    const k = i % LOAD_BITLY_EVERY === 0 ? i / LOAD_BITLY_EVERY : -1;
    const href = k >= 0 && k < ids.length ? `https://${ids[k]}` : `https://${OTHER_HOSTS[i % OTHER_HOSTS.length]}/articles/${(i * 7919) % 100_003}/item-${i}`;
    out.push(`<a href="${href}">l${i}</a>`);
  }
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bench: ${total} links under load</title><style>${GRID_CSS}</style></head>
<body><div id="grid">${out.join('')}</div><div id="park"></div>
<script>
  // When the page itself saw the pointer enter each link (a loaded machine can see it later than it was sent).
  window.benchEnters = [];
  document.addEventListener('pointerover', (e) => {
    const a = e.isTrusted && e.target instanceof Element ? e.target.closest('a[href]') : null;
    window.benchEnters.push({ href: a ? a.href : '', at: Date.now() });
  }, { capture: true, passive: true });
  // How many cards came on screen: the content script shows its frame by taking \`inert\` off the
  // one element it adds under <html> (see hoverPage), and moves it next to each new link, so a
  // card that replaces an open one counts by its new place.
  window.benchCardsShown = [];
  window.benchCardsHidden = [];
  let shownAt = '';
  const hosts = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'childList') {
        for (const n of r.addedNodes) if (n instanceof HTMLElement && n !== document.head && n !== document.body) hosts.observe(n, { attributes: true, attributeFilter: ['inert', 'style'] });
        continue;
      }
      const place = r.target.inert ? '' : r.target.style.top + ' ' + r.target.style.left;
      if (place && place !== shownAt) window.benchCardsShown.push(Date.now());
      if (!place && shownAt) window.benchCardsHidden.push(Date.now());
      shownAt = place;
    }
  });
  hosts.observe(document.documentElement, { childList: true });
</script></body></html>`;
  return { html, cells };
}
