/**
 * A page of sample Bitly links for the demo: the signed-in account's own links, links of another
 * account, deleted links and look-alikes that Bitlens must ignore.
 */
import { SAMPLE } from '../../tests/fake-bitly/data';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const item = (href: string, text: string, note: string) =>
  `<li><a href="${escape(href)}">${escape(text)}</a> <span class="note">${escape(note)}</span></li>`;

export function samplePageHtml(): string {
  const own = SAMPLE.accounts.paid.links.slice(0, 6);
  const foreign = SAMPLE.accounts.free.links.slice(0, 2);
  const deleted = SAMPLE.accounts.paid.deletedLinks.slice(0, 1);
  const rows = [
    ...own.map((l) => item(`https://${l.id}`, `https://${l.id}`, l.title ?? '')),
    ...foreign.map((l) => item(`https://${l.id}`, `https://${l.id}`, 'someone else’s link')),
    ...deleted.map((l) => item(`https://${l.id}`, `https://${l.id}`, 'a deleted link')),
    item(`https://${SAMPLE.missingLinkId}`, `https://${SAMPLE.missingLinkId}`, 'no such link'),
    item('https://bit.ly.evil.example/abc', 'https://bit.ly.evil.example/abc', 'look-alike host: ignored'),
    item('https://example.com/article', 'https://example.com/article', 'not a short link'),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bitlens demo page</title>
<style>
  body { font: 16px/1.6 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
  .note { color: #666; font-size: 0.9em; }
  @media (prefers-color-scheme: dark) { body { background: #111; color: #ddd; } a { color: #8ab4f8; } }
</style></head>
<body>
  <h1>Bitlens demo page</h1>
  <p>Sample Bitly links served by the local stand-in: some of the signed-in account, some of another account, a deleted one and look-alikes.</p>
  <ul>${rows.join('\n')}</ul>
</body></html>`;
}
