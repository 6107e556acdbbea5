import { describe, expect, it } from 'vitest';
import { BITLY_HOSTS, parseBitlink } from './link';
import { LINK_HOVER_ANIMATION, linkHoverCss, linkHoverSelectors } from './link-hover-css';

/** The prefix an `a[href^="…" i]` selector matches. */
const prefixOf = (selector: string) => /^a\[href\^="(.*)" i\]$/.exec(selector)?.[1];

describe('linkHoverSelectors', () => {
  it('covers https, http and protocol-relative hrefs, with and without www, for each host', () => {
    const prefixes = linkHoverSelectors(['bit.ly']).map(prefixOf);
    expect(prefixes.sort()).toEqual(
      ['//bit.ly/', '//www.bit.ly/', 'http://bit.ly/', 'http://www.bit.ly/', 'https://bit.ly/', 'https://www.bit.ly/'].sort(),
    );
  });

  it('matches every href form the parser accepts as a link on Bitly’s own hosts', () => {
    const prefixes = linkHoverSelectors(BITLY_HOSTS).map((s) => prefixOf(s)!);
    for (const host of BITLY_HOSTS) {
      for (const href of [`https://${host}/Abc1234`, `HTTP://WWW.${host.toUpperCase()}/Abc1234`, `//${host}/Abc1234`]) {
        expect(parseBitlink(href)).not.toBeNull();
        expect(prefixes.some((p) => href.toLowerCase().startsWith(p))).toBe(true);
      }
    }
  });

  it('lower-cases branded hosts and drops any that could break out of a selector', () => {
    const selectors = linkHoverSelectors(['Brand.Example', 'evil"] , a{x', 'a b.example', '', '-x.example']);
    expect(new Set(selectors.map((s) => prefixOf(s)!.replace(/^(https?:)?\/\/(www\.)?/, '')))).toEqual(new Set(['brand.example/']));
  });
});

describe('linkHoverCss', () => {
  it('gives hovered links the no-op animation the content script listens for', () => {
    const css = linkHoverCss(['bit.ly']);
    expect(css).toContain(`@keyframes ${LINK_HOVER_ANIMATION}{}`);
    expect(css).toContain(`):hover{animation:${LINK_HOVER_ANIMATION} 1ms !important}`);
    expect(css).toContain('a[href^="https://bit.ly/" i]');
  });

  it('is empty without hosts, so no rule matches every link', () => {
    expect(linkHoverCss([])).toBe('');
    expect(linkHoverCss(['not a host'])).toBe('');
  });
});
