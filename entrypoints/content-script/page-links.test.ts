import { describe, expect, it } from 'vitest';
import { MAX_LINK_TEXT } from '@/utils/card-frame-contract';
import { MAX_PAGE_LINKS, collectPageLinks, type AnchorLike } from './page-links';

const PAGE = 'https://news.example.com/2026/story.html';

/** An `<a href>` as the browser gives it: `href` and `hostname` resolved against the page. */
function anchor(rawHref: string, text = '', attributes: Record<string, string> = {}, base = PAGE): AnchorLike {
  const resolved = new URL(rawHref, base);
  return { href: resolved.href, hostname: resolved.hostname, textContent: text, getAttribute: (name) => attributes[name] ?? null };
}

const collect = (anchors: AnchorLike[], branded: string[] = [], cap?: number) => collectPageLinks(anchors, new Set(branded), PAGE, cap);

describe('the page’s Bitly links, for the popup', () => {
  it('lists each link once, in page order, with the text of its first occurrence', () => {
    const page = collect([
      anchor('https://example.org/about', 'About'),
      anchor('https://bit.ly/Abc1234', '  Spring\n  sale  '),
      anchor('https://j.mp/Xyz', 'Old short link'),
      anchor('http://bit.ly/Abc1234?utm=x#top', 'the same link again'),
      anchor('https://BIT.LY/Abc1234/', 'and again'),
      anchor('https://bit.ly/abc1234', 'another link: hashes keep their case'),
    ]);
    expect(page).toEqual({
      url: PAGE,
      links: [
        { id: 'bit.ly/Abc1234', text: 'Spring sale' },
        { id: 'j.mp/Xyz', text: 'Old short link' },
        { id: 'bit.ly/abc1234', text: 'another link: hashes keep their case' },
      ],
      total: 3,
    });
  });

  it.each([
    ['protocol-relative', '//bit.ly/Rel1', PAGE, 'bit.ly/Rel1'],
    ['relative, on a Bitly page', '/Rel2', 'https://bitly.com/pages/home', 'bitly.com/Rel2'],
    ['relative, a page of Bitly’s own site', '/pricing', 'https://bitly.com/pages/home', null],
    ['www. host', 'https://www.bit.ly/W1', PAGE, 'bit.ly/W1'],
    ['not a Bitly host', 'https://bit.ly.evil.example/abc', PAGE, null],
    ['a crafted path', 'https://bit.ly/../../v4/user', PAGE, null],
    ['no back-half', 'https://bit.ly/', PAGE, null],
  ])('%s: %s', (_name, href, base, id) => {
    const page = collect([anchor(href, 'x', {}, base)]);
    expect(page.links.map((l) => l.id)).toEqual(id ? [id] : []);
  });

  it('counts the account’s branded links only when the domain is known', () => {
    const links = [anchor('https://go.acme.example/launch', 'Launch'), anchor('https://brnd.example/Q3', 'Q3')];
    expect(collect(links).total).toBe(0);
    expect(collect(links, ['go.acme.example', 'brnd.example']).links).toEqual([
      { id: 'go.acme.example/launch', text: 'Launch' },
      { id: 'brnd.example/Q3', text: 'Q3' },
    ]);
  });

  it('lists the first links up to the cap and counts the rest', () => {
    const many = Array.from({ length: 25 }, (_, i) => anchor(`https://bit.ly/L${i}`, `Link ${i}`));
    const page = collect([...many, ...many]);
    expect(page.links).toHaveLength(MAX_PAGE_LINKS);
    expect(page.links[0]).toEqual({ id: 'bit.ly/L0', text: 'Link 0' });
    expect(page.links.at(-1)?.id).toBe(`bit.ly/L${MAX_PAGE_LINKS - 1}`);
    expect(page.total).toBe(25);
    expect(collect(many, [], 3).links).toHaveLength(3);
  });

  it('names image links by their label or title, and keeps texts short', () => {
    const page = collect([
      anchor('https://bit.ly/Img1', '', { 'aria-label': 'Product photo' }),
      anchor('https://bit.ly/Img2', ' ', { title: 'Catalogue' }),
      anchor('https://bit.ly/Img3', ''),
      anchor('https://bit.ly/Long1', 'x'.repeat(500)),
    ]);
    expect(page.links.map((l) => l.text)).toEqual(['Product photo', 'Catalogue', '', 'x'.repeat(MAX_LINK_TEXT)]);
  });

  it('an empty page has none', () => {
    expect(collect([])).toEqual({ url: PAGE, links: [], total: 0 });
  });

  it.each([
    ['https://bit.ly/Abc1234+', [], 'bit.ly/Abc1234'],
    ['https://go.acme.example/launch', ['go.acme.example'], 'go.acme.example/launch'],
    ['https://go.acme.example/launch', [], undefined],
    ['https://bitly.com/pages/pricing', [], undefined],
    [PAGE, [], undefined],
  ])('the page %s itself is a Bitly link: %s', (url, branded, ownLink) => {
    expect(collectPageLinks([], new Set(branded), url).ownLink).toBe(ownLink);
  });
});

describe('wrapped links in the page list (issue 15)', () => {
  const enc = encodeURIComponent;
  it('lists a link behind a known wrapper as its Bitly link, saying how it was found, once with the plain link', () => {
    const page = collect([
      anchor(`https://nam12.safelinks.protection.outlook.com/?url=${enc('https://bit.ly/Mail1')}&data=x`, 'Spring sale'),
      anchor('https://t.co/AbC123', 'bit.ly/Xpost'),
      anchor('https://bit.ly/Mail1', 'the same link, plain'),
      anchor('https://t.co/Other9', 'example.com/not-bitly'),
      anchor(`https://slack-redir.net.evil.example/link?url=${enc('https://bit.ly/Evil')}`, 'look-alike'),
    ]);
    expect(page.links).toEqual([
      { id: 'bit.ly/Mail1', text: 'Spring sale', via: { wrapper: 'Outlook Safe Links', found: 'param' } },
      { id: 'bit.ly/Xpost', text: 'bit.ly/Xpost', via: { wrapper: 'X (t.co)', found: 'text' } },
    ]);
    expect(page.total).toBe(2);
  });

  it('given one address (the context menu’s t.co link), looks at the links with exactly that address only', () => {
    const anchors = [
      anchor('https://bit.ly/Plain1', 'a plain link'),
      anchor('https://t.co/Other9', 'bit.ly/Other'),
      anchor('https://t.co/AbC123', 'bit.ly/Xpost'),
      anchor('https://t.co/AbC1234', 'bit.ly/Longer'),
      anchor('https://t.co/NoBitly', 'example.com/not-bitly'),
    ];
    const only = (href: string) => collectPageLinks(anchors, new Set(), PAGE, undefined, href).links;
    expect(only('https://t.co/AbC123')).toEqual([{ id: 'bit.ly/Xpost', text: 'bit.ly/Xpost', via: { wrapper: 'X (t.co)', found: 'text' } }]);
    expect(only('https://t.co/NoBitly')).toEqual([]);
    expect(only('https://t.co/Missing')).toEqual([]);
  });
});
