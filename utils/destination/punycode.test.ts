import { domainToASCII, domainToUnicode } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hostToUnicode, isInternationalisedHost } from './punycode';

describe('hostToUnicode', () => {
  it.each([
    ['xn--pple-43d', 'аpple'], // Cyrillic а
    ['xn--bcher-kva', 'bücher'],
    ['xn--mnchen-3ya', 'münchen'],
    ['xn--wgv71a119e', '日本語'],
    ['xn--egbpdaj6bu4bxfgehfvwxn', 'ليهمابتكلموشعربي؟'], // RFC 3492 §7.1 (A) Arabic
    ['xn--ihqwcrb4cv8a8dqg056pqjye', '他们为什么不说中文'], // (B) Chinese
    ['xn--b1abfaaepdrnnbgefbadotcwatmq2g4l', 'почемужеонинеговорятпорусски'], // (L) Russian, lower-cased
    ['xn--3B-ww4c5e180e575a65lsy2b', '3年b組金八先生'], // (M), lower-cased like every host
  ])('decodes the label %s → %s', (label, unicode) => {
    expect(hostToUnicode(`${label}.example`)).toBe(`${unicode}.example`);
  });

  it.each([
    ['bad digit', 'xn--pple-4!d'],
    ['truncated', 'xn--pple-4'],
    ['non-ASCII basic part', 'xn--ä-kva'],
    ['too long for a label', `xn--${'a'.repeat(64)}`],
    ['overflow', 'xn--zzzzzzzzzzzzzzzzzzzzzzzzz'],
    ['a surrogate code point', 'xn--ib9b'],
    ['empty after the prefix', 'xn--'],
  ])('keeps a label that does not decode (%s) as it is', (_name, label) => {
    expect(hostToUnicode(`${label}.com`)).toBe(`${label}.com`);
  });

  it('agrees with the platform for every label of a table of hosts', () => {
    const hosts = ['аpple.com', 'bücher.example', 'παράδειγμα.δοκιμή', 'пример.рф', 'straße.de', 'مثال.إختبار', '例え.テスト', 'ﬁle.example'];
    for (const host of hosts) {
      const ascii = domainToASCII(host);
      expect(ascii).toBe(new URL(`https://${host}/`).hostname);
      expect(hostToUnicode(ascii)).toBe(domainToUnicode(ascii));
    }
  });
});

describe('hostToUnicode and isInternationalisedHost', () => {
  it.each([
    ['xn--pple-43d.com', 'аpple.com', true],
    ['XN--BCHER-KVA.example', 'bücher.example', true],
    ['sub.xn--mnchen-3ya.de', 'sub.münchen.de', true],
    ['example.com', 'example.com', false],
    ['xn--.com', 'xn--.com', true], // empty after the prefix: kept as is
    ['xn--zz!.com', 'xn--zz!.com', true], // undecodable: kept as is
    ['192.0.2.1', '192.0.2.1', false],
  ])('%s → %s', (ascii, unicode, idn) => {
    expect(hostToUnicode(ascii)).toBe(unicode);
    expect(isInternationalisedHost(ascii)).toBe(idn);
  });
});
