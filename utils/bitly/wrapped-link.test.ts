import { describe, expect, it } from 'vitest';
import { linkWrapperOf, linkWrapperSelectors, parseWrappedBitlink } from './wrapped-link';

const enc = encodeURIComponent;
const branded: ReadonlySet<string> = new Set(['go.example.com']);

describe('a Bitly link behind a known wrapper is found in the wrapper’s own parameter', () => {
  it.each([
    ['Outlook Safe Links', `https://nam12.safelinks.protection.outlook.com/?url=${enc('https://bit.ly/3abc')}&data=05%7C02%7C&sdata=x&reserved=0`, 'bit.ly/3abc'],
    ['Outlook Safe Links', `https://EUR01.safelinks.protection.outlook.com/?url=${enc('https://bit.ly/3abc?utm=1')}&data=x`, 'bit.ly/3abc'],
    ['Google', `https://www.google.com/url?q=${enc('https://bit.ly/Gm41l')}&source=gmail&ust=1&usg=AOv`, 'bit.ly/Gm41l'],
    // Gmail often leaves the inner URL unencoded; one decode changes nothing then.
    ['Google', 'https://www.google.com/url?q=https://bit.ly/Gm41l&source=gmail', 'bit.ly/Gm41l'],
    ['Google', `https://www.google.com/url?sa=t&rct=j&q=&esrc=s&url=${enc('https://j.mp/serp')}&usg=x`, 'j.mp/serp'],
    ['Slack', `https://slack-redir.net/link?url=${enc('https://bit.ly/slack1')}`, 'bit.ly/slack1'],
    ['Facebook', `https://l.facebook.com/l.php?u=${enc('https://bit.ly/fb1?fbclid=IwAR')}&h=AT0`, 'bit.ly/fb1'],
    ['Facebook', `https://lm.facebook.com/l.php?u=${enc('http://bit.ly/fb2')}&h=AT0`, 'bit.ly/fb2'],
    ['Instagram', `https://l.instagram.com/?u=${enc('https://bit.ly/ig1')}&e=AT`, 'bit.ly/ig1'],
    ['LinkedIn', `https://www.linkedin.com/redir/redirect?url=${enc('https://bit.ly/li1')}&urlhash=x`, 'bit.ly/li1'],
    ['YouTube', `https://www.youtube.com/redirect?event=video_description&redir_token=x&q=${enc('https://bit.ly/yt1')}&v=abc`, 'bit.ly/yt1'],
    ['Google', `https://www.google.com/url?q=${enc('https://go.example.com/Brand')}`, 'go.example.com/Brand'],
  ])('%s: %s → %s', (wrapper, href, id) => {
    expect(parseWrappedBitlink(href, 'any text', branded)).toEqual({ ref: expect.objectContaining({ id }), wrapper, found: 'param' });
  });
});

describe('X’s t.co: the link’s text names the Bitly link', () => {
  it.each([
    ['bit.ly/3abc', 'bit.ly/3abc'],
    ['https://bit.ly/3abc', 'bit.ly/3abc'],
    ['  bit.ly/3abc\n', 'bit.ly/3abc'],
    ['go.example.com/Brand', 'go.example.com/Brand'],
  ])('text %j → %s', (text, id) => {
    expect(parseWrappedBitlink('https://t.co/AbC123xyz', text, branded)).toEqual({ ref: expect.objectContaining({ id }), wrapper: 'X (t.co)', found: 'text' });
  });

  it.each([
    ['example.com/page', 'another host'],
    ['see bit.ly/3abc', 'more than the link'],
    ['bit.ly/3abc…', 'an ellipsis (a cut URL is not the URL)'],
    ['', 'no text'],
    ['bit.ly/3a%62c', 'an encoded back-half'],
  ])('text %j (%s) → nothing', (text) => {
    expect(parseWrappedBitlink('https://t.co/AbC123xyz', text, branded)).toBeNull();
  });

  it('a Bitly text on a link to an unknown host or another t.co path opens nothing', () => {
    expect(parseWrappedBitlink('https://example.com/AbC', 'bit.ly/3abc')).toBeNull();
    expect(parseWrappedBitlink('https://t.co/i/web/status/1', 'bit.ly/3abc')).toBeNull();
    expect(parseWrappedBitlink('https://t.co/', 'bit.ly/3abc')).toBeNull();
    expect(parseWrappedBitlink('http://t.co/AbC', 'bit.ly/3abc')).toBeNull();
  });

  it('a parameter wrapper never reads the text', () => {
    expect(parseWrappedBitlink('https://www.google.com/url?q=https://example.com/', 'bit.ly/3abc')).toBeNull();
  });
});

describe('crafted wrappers are refused', () => {
  const bitly = enc('https://bit.ly/3abc');
  it.each([
    ['nested wrappers', `https://www.google.com/url?q=${enc(`https://slack-redir.net/link?url=${bitly}`)}`],
    ['Safe Links around Google', `https://nam12.safelinks.protection.outlook.com/?url=${enc(`https://www.google.com/url?q=${bitly}`)}`],
    ['double encoding', `https://slack-redir.net/link?url=${enc(bitly)}`],
    ['an encoded back-half', `https://slack-redir.net/link?url=${enc('https://bit.ly/3a%62c')}`],
    ['the Bitly URL in another parameter', `https://www.google.com/url?q=${enc('https://example.com')}&continue=${bitly}`],
    ['the Bitly URL in another parameter only', `https://slack-redir.net/link?u=${bitly}`],
    ['two values', `https://slack-redir.net/link?url=${bitly}&url=${enc('https://bit.ly/other')}`],
    ['Google’s two parameters both set', `https://www.google.com/url?q=${bitly}&url=${enc('https://bit.ly/other')}`],
    ['a look-alike host', `https://slack-redir.net.evil.example/link?url=${bitly}`],
    ['a look-alike prefix', `https://evilslack-redir.net/link?url=${bitly}`],
    ['a look-alike Safe Links host', `https://nam12.safelinks.protection.outlook.com.evil.example/?url=${bitly}`],
    ['two labels before Safe Links', `https://a.b.safelinks.protection.outlook.com/?url=${bitly}`],
    ['no label before Safe Links', `https://safelinks.protection.outlook.com/?url=${bitly}`],
    ['credentials', `https://user@slack-redir.net/link?url=${bitly}`],
    ['a port', `https://slack-redir.net:8443/link?url=${bitly}`],
    ['another path', `https://slack-redir.net/other?url=${bitly}`],
    ['a longer path', `https://www.google.com/url/x?q=${bitly}`],
    ['plain http wrapper', `http://slack-redir.net/link?url=${bitly}`],
    ['a scheme-less inner URL', `https://slack-redir.net/link?url=${enc('bit.ly/3abc')}`],
    ['a javascript: inner URL', `https://slack-redir.net/link?url=${enc('javascript:alert(1)//bit.ly/3abc')}`],
    ['the parameter in the fragment', `https://slack-redir.net/link#url=${bitly}`],
    ['a malformed escape', 'https://slack-redir.net/link?url=https%3A%2F%2Fbit.ly%2F3abc%E0%A4%A'],
    ['an unknown host', `https://example.com/url?q=${bitly}`],
    ['a huge href', `https://slack-redir.net/link?url=${bitly}&pad=${'x'.repeat(5000)}`],
    ['a backslash', `https://slack-redir.net\\link?url=${bitly}`],
  ])('%s', (_what, href) => {
    expect(parseWrappedBitlink(href, 'bit.ly/3abc')).toBeNull();
  });
});

describe('wrapper hosts and hover selectors', () => {
  it.each([
    ['nam12.safelinks.protection.outlook.com', 'Outlook Safe Links'],
    ['www.google.com', 'Google'],
    ['t.co', 'X (t.co)'],
    ['google.co.uk', undefined],
    ['safelinks.protection.outlook.com', undefined],
    ['x.t.co', undefined],
  ])('%s → %s', (host, name) => {
    expect(linkWrapperOf(host)?.name).toBe(name);
  });

  /** Whether `href` matches one of the two selector forms made (prefix, or prefix plus infix). */
  const matches = (selector: string, href: string) => {
    const parts = [...selector.matchAll(/\[href([\^*])="([^"]+)" i\]/g)];
    return parts.length > 0 && parts.every(([, op, value]) => (op === '^' ? href.toLowerCase().startsWith(value!) : href.toLowerCase().includes(value!)));
  };

  it.each([
    `https://nam12.safelinks.protection.outlook.com/?url=${enc('https://bit.ly/3abc')}`,
    `https://www.google.com/url?q=${enc('https://bit.ly/3abc')}`,
    `https://google.com/url?q=${enc('https://bit.ly/3abc')}`,
    `https://slack-redir.net/link?url=${enc('https://bit.ly/3abc')}`,
    `https://l.facebook.com/l.php?u=${enc('https://bit.ly/3abc')}`,
    `https://l.instagram.com/?u=${enc('https://bit.ly/3abc')}`,
    `https://www.linkedin.com/redir/redirect?url=${enc('https://bit.ly/3abc')}`,
    `https://www.youtube.com/redirect?q=${enc('https://bit.ly/3abc')}`,
    'https://t.co/AbC123',
  ])('the hover rule reaches %s', (href) => {
    expect(parseWrappedBitlink(href, 'bit.ly/3abc')).not.toBeNull();
    expect(linkWrapperSelectors().some((selector) => matches(selector, href))).toBe(true);
  });

  it('the hover rule leaves ordinary links alone', () => {
    for (const href of ['https://www.google.com/search?q=x', 'https://example.com/', 'https://twitter.com/t.co/x']) {
      expect(linkWrapperSelectors().some((selector) => matches(selector, href))).toBe(false);
    }
  });
});
