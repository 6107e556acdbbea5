import { domainToASCII, domainToUnicode } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodePunycode, hostToUnicode, isInternationalisedHost } from './punycode';

describe('decodePunycode', () => {
  it.each([
    ['pple-43d', 'аpple'], // Cyrillic а
    ['bcher-kva', 'bücher'],
    ['mnchen-3ya', 'münchen'],
    ['wgv71a119e', '日本語'],
    ['-> $1.00 <--', '-> $1.00 <-'],
    ['egbpdaj6bu4bxfgehfvwxn', 'ليهمابتكلموشعربي؟'], // RFC 3492 §7.1 (A) Arabic
    ['ihqwcrb4cv8a8dqg056pqjye', '他们为什么不说中文'], // (B) Chinese
    ['b1abfaaepdrnnbgefbadotcwatmq2g4l', 'почемужеонинеговорятпорусски'], // (L) Russian, lower-cased
    ['3B-ww4c5e180e575a65lsy2b', '3年B組金八先生'], // (M)
  ])('%s → %s', (encoded, decoded) => {
    expect(decodePunycode(encoded)).toBe(decoded);
  });

  it.each([
    ['bad digit', 'pple-4!d'],
    ['truncated', 'pple-4'],
    ['non-ASCII basic part', 'ä-kva'],
    ['too long for a label', 'a'.repeat(64)],
    ['overflow', 'zzzzzzzzzzzzzzzzzzzzzzzzz'],
    ['a surrogate code point', 'ib9b'],
  ])('refuses %s', (_name, input) => {
    expect(decodePunycode(input)).toBeNull();
  });

  it('agrees with the platform for every label of a table of hosts', () => {
    const hosts = ['аpple.com', 'bücher.example', 'παράδειγμα.δοκιμή', 'пример.рф', 'straße.de', 'مثال.إختبار', '例え.テスト', 'ﬁle.example'];
    for (const host of hosts) {
      const ascii = domainToASCII(host);
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
