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
  const hints = SAMPLE.accounts.paid.hintLinks;
  const rows = [
    ...own.map((l) => item(`https://${l.id}`, `https://${l.id}`, l.title ?? '')),
    item(`https://${hints.plainHttp.id}`, `https://${hints.plainHttp.id}`, 'goes to a plain-http page'),
    item(`https://${hints.ipHost.id}`, `https://${hints.ipHost.id}`, 'goes to an IP address'),
    item(`https://${hints.idnHost.id}`, `https://${hints.idnHost.id}`, 'goes to an internationalised domain'),
    item(`https://${hints.shortener.id}`, `https://${hints.shortener.id}`, 'goes to another shortener'),
    item(`https://${own[1]!.id}`, 'paypal.com/login', 'link text names another domain'),
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
  <p>Rest the pointer on a link, or focus it with Tab and press Alt+Shift+B, to see where it goes and how it performs.
  The links are served by the local Bitly stand-in: some belong to the signed-in account, some to another account,
  one was deleted, and the last ones are look-alikes Bitlens ignores.</p>
  <ul>${rows.join('\n')}</ul>
</body></html>`;
}
