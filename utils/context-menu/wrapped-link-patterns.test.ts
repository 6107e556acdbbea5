import { describe, expect, it } from 'vitest';
import { matchesAny } from '../../tests/support/match-pattern';
import { LINK_WRAPPERS } from '../bitly/wrapped-link';
import { isTextWrapperUrl, wrappedLinkPatterns } from './wrapped-link-patterns';

const SHORT = ['bit.ly', 'bitly.com', 'bitly.is', 'j.mp', 'go.acme.example'];
const enc = encodeURIComponent;

describe('the wrappers the item shows on', () => {
  const patterns = wrappedLinkPatterns(SHORT);

  it('has one pattern per wrapper address and short host, and one per text wrapper', () => {
    const addresses = LINK_WRAPPERS.filter((w) => w.params !== 'text').reduce((n, w) => n + (w.hosts?.length ?? 0) + (w.suffix ? 1 : 0), 0);
    expect(patterns).toHaveLength(addresses * SHORT.length + 1);
    expect(patterns).toContain('https://*.safelinks.protection.outlook.com/?*bit.ly*');
    expect(patterns).toContain('https://www.google.com/url?*go.acme.example*');
    expect(patterns).toContain('https://t.co/*');
  });

  it('leaves out a short host that contains another (its links contain that one too)', () => {
    expect(wrappedLinkPatterns(['bit.ly', 'go.bit.ly'])).toEqual(wrappedLinkPatterns(['bit.ly']));
  });

  it.each([
    `https://nam12.safelinks.protection.outlook.com/?url=${enc('https://bit.ly/AbC123')}&data=05%7C02&reserved=0`,
    `https://eur01.safelinks.protection.outlook.com/?url=${enc('https://go.acme.example/launch')}`,
    'https://www.google.com/url?q=https://bit.ly/AbC123&source=gmail',
    `https://google.com/url?q=&url=${enc('https://j.mp/AbC')}`,
    `https://slack-redir.net/link?url=${enc('https://bitly.is/AbC')}`,
    `https://l.facebook.com/l.php?u=${enc('https://bit.ly/AbC?fbclid=x')}&h=AT0`,
    `https://lm.facebook.com/l.php?u=${enc('https://bit.ly/AbC')}`,
    `https://l.messenger.com/l.php?u=${enc('https://bit.ly/AbC')}`,
    `https://l.instagram.com/?u=${enc('https://bit.ly/AbC')}`,
    `https://www.linkedin.com/redir/redirect?url=${enc('https://www.bitly.com/AbC')}`,
    `https://www.youtube.com/redirect?q=${enc('https://bit.ly/AbC')}&v=x`,
    'https://t.co/Ab12Cd34Ef',
  ])('shows on %s', (url) => {
    expect(matchesAny(patterns, url)).toBe(true);
  });

  it.each([
    // Wrappers of other links.
    `https://nam12.safelinks.protection.outlook.com/?url=${enc('https://example.com/')}`,
    'https://www.google.com/url?q=https://example.com/',
    // Look-alike hosts, another path, plain http, a short host only in the fragment.
    `https://nam12.safelinks.protection.outlook.com.evil.example/?url=${enc('https://bit.ly/AbC')}`,
    `https://slack-redir.net.evil.example/link?url=${enc('https://bit.ly/AbC')}`,
    `https://evil-slack-redir.net/link?url=${enc('https://bit.ly/AbC')}`,
    `https://www.google.com/search?q=${enc('https://bit.ly/AbC')}`,
    `http://slack-redir.net/link?url=${enc('https://bit.ly/AbC')}`,
    'https://www.google.com/url?q=https://example.com/#bit.ly',
    'https://t.co.evil.example/Ab12',
    'https://x.com/someone/status/1',
  ])('does not show on %s', (url) => {
    expect(matchesAny(patterns, url)).toBe(false);
  });
});

describe('a text wrapper’s address', () => {
  it.each([
    ['https://t.co/Ab12Cd34Ef', true],
    ['https://T.CO/Ab12', true],
    ['http://t.co/Ab12', false],
    ['https://t.co.evil.example/Ab12', false],
    ['https://slack-redir.net/link?url=x', false],
    ['not a url', false],
  ])('%s: %s', (url, text) => {
    expect(isTextWrapperUrl(url)).toBe(text);
  });
});
