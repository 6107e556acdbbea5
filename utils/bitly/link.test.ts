import { describe, expect, it } from 'vitest';
import { BITLY_HOSTS, bitlinkIdOf, isBitlinkId, isBitlyHost, parseBitlink } from './link';

const branded: ReadonlySet<string> = new Set(['es.pn', 'cnn.it', 'go.example.com']);

describe('parseBitlink accepts and normalises', () => {
  it.each([
    ['https://bit.ly/3tkfIKW', 'bit.ly/3tkfIKW'],
    ['http://bit.ly/3tkfIKW', 'bit.ly/3tkfIKW'],
    ['bit.ly/3tkfIKW', 'bit.ly/3tkfIKW'],
    ['//bit.ly/3tkfIKW', 'bit.ly/3tkfIKW'],
    ['HTTPS://BIT.LY/3tkfIKW', 'bit.ly/3tkfIKW'],
    ['https://Bit.Ly/AbC', 'bit.ly/AbC'],
    ['https://www.bit.ly/abc', 'bit.ly/abc'],
    ['https://bit.ly/abc/', 'bit.ly/abc'],
    ['https://bit.ly/abc?utm_source=x&y=%2F', 'bit.ly/abc'],
    ['https://bit.ly/abc#frag/with/slashes', 'bit.ly/abc'],
    ['https://bit.ly/abc/?q=1#f', 'bit.ly/abc'],
    ['https://bit.ly/abc+', 'bit.ly/abc'],
    ['https://bit.ly/abc+?x=1', 'bit.ly/abc'],
    ['https://bit.ly:443/abc', 'bit.ly/abc'],
    ['http://bit.ly:80/abc', 'bit.ly/abc'],
    ['  https://bit.ly/abc  ', 'bit.ly/abc'],
    ['https://j.mp/abc', 'j.mp/abc'],
    ['https://bitly.com/abc', 'bitly.com/abc'],
    ['https://www.bitly.com/abc', 'bitly.com/abc'],
    ['https://bitly.is/API-support', 'bitly.is/API-support'],
    ['https://bit.ly/with_under-score', 'bit.ly/with_under-score'],
    [`https://bit.ly/${'a'.repeat(64)}`, `bit.ly/${'a'.repeat(64)}`],
    ['https://bit.ly/a', 'bit.ly/a'],
    // Reserved site paths only apply to Bitly's site hosts.
    ['https://bit.ly/blog', 'bit.ly/blog'],
    [`https://bit.ly/abc?${'x'.repeat(10_000)}`, 'bit.ly/abc'],
  ])('%s → %s', (href, id) => {
    expect(parseBitlink(href)?.id).toBe(id);
  });

  it.each([
    ['https://es.pn/SuperBowl', 'es.pn/SuperBowl'],
    ['https://ES.PN/SuperBowl', 'es.pn/SuperBowl'],
    ['cnn.it/2HomWGB', 'cnn.it/2HomWGB'],
    ['https://www.cnn.it/2HomWGB', 'cnn.it/2HomWGB'],
    ['https://go.example.com/launch+', 'go.example.com/launch'],
    ['https://bit.ly/abc', 'bit.ly/abc'],
  ])('branded: %s → %s', (href, id) => {
    expect(parseBitlink(href, branded)?.id).toBe(id);
  });

  it('splits domain and hash', () => {
    expect(parseBitlink('https://WWW.Bit.ly/XyZ+')).toEqual({ id: 'bit.ly/XyZ', domain: 'bit.ly', hash: 'XyZ' });
  });
});

describe('parseBitlink rejects', () => {
  it.each([
    // wrong or look-alike hosts
    ['https://bit.ly.evil.example/abc'],
    ['https://evilbit.ly/abc'],
    ['https://evil.bit.ly/abc'],
    ['https://bit.lyy/abc'],
    ['https://bit.ly./abc'],
    ['https://example.com/abc'],
    // userinfo tricks
    ['https://bit.ly@evil.example/abc'],
    ['https://user:pass@bit.ly/abc'],
    ['https://evil.example@bit.ly/abc'],
    ['https://evil.example?@bit.ly/abc'],
    ['https://evil.example#@bit.ly/abc'],
    // ports
    ['https://bit.ly:8443/abc'],
    ['https://bit.ly:80/abc'],
    ['http://bit.ly:443/abc'],
    ['https://bit.ly:/abc'],
    ['bit.ly:443/abc'],
    // schemes
    ['javascript:alert(1)//bit.ly/abc'],
    ['javascript://bit.ly/abc'],
    ['JavaScript:bit.ly/abc'],
    ['data:text/html,bit.ly/abc'],
    ['ftp://bit.ly/abc'],
    ['chrome-extension://bit.ly/abc'],
    ['mailto:x@bit.ly'],
    // path shape
    ['https://bit.ly'],
    ['https://bit.ly/'],
    ['https://bit.ly/+'],
    ['https://bit.ly//'],
    ['https://bit.ly?x=1'],
    ['https://bit.ly/abc/def'],
    ['https://bit.ly/abc//'],
    ['https://bit.ly/abc/clicks'],
    ['https://bit.ly//abc'],
    ['https://bit.ly/abc++'],
    ['https://bit.ly/a.b'],
    ['https://bit.ly/abc def'],
    ['https://bit.ly\\abc'],
    ['https://bit.ly/abc\\'],
    // traversal and encoding
    ['https://bit.ly/..'],
    ['https://bit.ly/.'],
    ['https://bit.ly/../../v4/user'],
    ['bit.ly/../../v4/user'],
    ['https://bit.ly/%2e%2e/v4/user'],
    ['https://bit.ly/abc%2Fdef'],
    ['https://bit.ly/abc%2fclicks'],
    ['https://bit.ly/%61bc'],
    ['https://bit.ly/abc%'],
    ['https://bit.ly/x/../abc'],
    // length
    [`https://bit.ly/${'a'.repeat(65)}`],
    // reserved site paths on bitly.com / bitly.is
    ['https://bitly.com/pages'],
    ['https://bitly.com/pages/pricing'],
    ['https://bitly.com/a'],
    ['https://bitly.com/blog/'],
    ['https://bitly.com/Help'],
    ['https://www.bitly.com/api'],
    ['https://bitly.com/v4'],
    ['https://bitly.is/v3'],
    // not strings of the right kind
    [''],
    ['   '],
    ['/abc'],
    ['abc'],
  ])('%s', (href) => {
    expect(parseBitlink(href, branded)).toBeNull();
  });

  it('rejects a branded host that was not passed in', () => {
    expect(parseBitlink('https://es.pn/SuperBowl')).toBeNull();
    expect(parseBitlink('https://es.pn/SuperBowl', new Set(['cnn.it']))).toBeNull();
  });

  it('rejects a 10,000-character hash quickly', () => {
    const huge = `https://bit.ly/${'a'.repeat(10_000)}`;
    const start = performance.now();
    for (let i = 0; i < 1_000; i += 1) expect(parseBitlink(huge)).toBeNull();
    // Generous bound: the point is that it is not quadratic or regex-bound.
    expect(performance.now() - start).toBeLessThan(1_000);
  });

  it('rejects a huge host', () => {
    expect(parseBitlink(`https://${'a.'.repeat(5_000)}bit.ly/abc`)).toBeNull();
  });
});

describe('isBitlyHost', () => {
  it.each([
    ...BITLY_HOSTS.map((h) => [h, true] as const),
    ['www.bit.ly', true],
    ['BIT.LY', true],
    ['Www.J.Mp', true],
    ['es.pn', true],
    ['www.es.pn', true],
    ['bit.ly.evil.example', false],
    ['evilbit.ly', false],
    ['sub.bit.ly', false],
    ['bit.ly.', false],
    ['', false],
    ['example.com', false],
    ['pn', false],
  ] as const)('%s → %s', (host, expected) => {
    expect(isBitlyHost(host, branded)).toBe(expected);
  });

  it('without branded hosts only knows Bitly domains', () => {
    expect(isBitlyHost('es.pn')).toBe(false);
    expect(isBitlyHost('bit.ly')).toBe(true);
  });
});

describe('isBitlinkId', () => {
  it.each([
    ['bit.ly/abc', true],
    ['bit.ly/AbC-_9', true],
    ['es.pn/SuperBowl', true],
    ['go.example.com/launch', true],
    ['Bit.ly/abc', false],
    ['www.bit.ly/abc', false],
    ['https://bit.ly/abc', false],
    ['bit.ly/abc/', false],
    ['bit.ly/abc+', false],
    ['bit.ly/abc?x', false],
    ['bit.ly/abc/clicks', false],
    ['bit.ly/..', false],
    ['../v4/user', false],
    ['bit.ly/%2F', false],
    ['bitly.com/pages', false],
    ['localhost/abc', false],
    ['bit.ly:8080/abc', false],
    ['a@bit.ly/abc', false],
    ['-bad-.com/abc', false],
    ['bit..ly/abc', false],
    ['bit.ly', false],
    ['/abc', false],
    ['', false],
    [`bit.ly/${'a'.repeat(65)}`, false],
  ])('%s → %s', (id, expected) => {
    expect(isBitlinkId(id)).toBe(expected);
  });
});

describe('bitlinkIdOf', () => {
  it.each([
    ['https://Bit.LY/AbC', 'bit.ly/AbC'],
    [' bit.ly/AbC ', 'bit.ly/AbC'],
    ['BRND.example/x', 'brnd.example/x'],
    ['//www.bit.ly/AbC/', 'bit.ly/AbC'],
    ['bit.ly/../v4/user', null],
    ['bit.ly', null],
    ['javascript:alert(1)//x', null],
  ])('%s → %s', (link, expected) => {
    expect(bitlinkIdOf(link)).toBe(expected);
  });
});
