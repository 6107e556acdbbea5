import { describe, expect, it } from 'vitest';
import { isSamePage, isWebPage, pageKey } from './page-url';

describe('page identity', () => {
  it.each([
    ['https://example.com/a/b', 'example.com/a/b'],
    ['http://example.com/a/b/', 'example.com/a/b'],
    ['https://Example.COM/a/B#section', 'example.com/a/B'],
    ['https://example.com/', 'example.com'],
    ['https://example.com', 'example.com'],
    ['https://example.com:443/x', 'example.com/x'],
    ['http://example.com:8080/x', 'example.com:8080/x'],
    ['https://example.com/search?q=1&b=2#top', 'example.com/search?q=1&b=2'],
    ['https://example.com/a//', 'example.com/a'],
    ['chrome://extensions/', null],
    ['about:blank', null],
    ['file:///home/me/page.html', null],
    ['javascript:alert(1)', null],
    ['not a url', null],
    [`https://example.com/${'x'.repeat(2100)}`, null],
  ])('%s → %s', (url, key) => {
    expect(pageKey(url)).toBe(key);
    expect(isWebPage(url)).toBe(key !== null);
  });

  it.each([
    ['http://example.com/page', 'https://example.com/page/', true],
    ['https://example.com/page#a', 'https://example.com/page#b', true],
    ['https://EXAMPLE.com/page', 'https://example.com/page', true],
    ['https://example.com/page', 'https://example.com/Page', false],
    ['https://example.com/page?x=1', 'https://example.com/page?x=2', false],
    ['https://example.com/page?x=1', 'https://example.com/page', false],
    ['https://www.example.com/page', 'https://example.com/page', false],
    ['https://example.com/page', 'https://example.com/page/more', false],
    ['about:blank', 'about:blank', false],
  ])('%s and %s are the same page: %s', (a, b, same) => {
    expect(isSamePage(a, b)).toBe(same);
    expect(isSamePage(b, a)).toBe(same);
  });
});
