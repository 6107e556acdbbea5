import { describe, expect, it } from 'vitest';
import { describeDestination, domainsNamedIn, type DestinationHintKind } from './destination-hints';

const kinds = (url: string, linkText?: string, shortHost?: string): DestinationHintKind[] =>
  describeDestination(url, { linkText, shortHost }).hints.map((h) => h.kind);

describe('describeDestination: host, href and hints', () => {
  it.each<[string, string, string, DestinationHintKind[]]>([
    // url, host shown, ascii host, hints
    ['https://www.example.com/a?b=c#d', 'www.example.com', 'www.example.com', []],
    ['http://intranet.paid-reports.example.org/2026/q3/summary.html', 'intranet.paid-reports.example.org', 'intranet.paid-reports.example.org', ['not-https']],
    ['HTTPS://Example.COM/Path', 'example.com', 'example.com', []],
    // IP addresses, in every spelling URL normalises to dotted quads
    ['http://192.0.2.44:8080/download/invoice-paid.pdf', '192.0.2.44:8080', '192.0.2.44', ['ip-address', 'not-https']],
    ['https://3221225985/', '192.0.2.1', '192.0.2.1', ['ip-address']],
    ['https://0xC0.0.2.1/', '192.0.2.1', '192.0.2.1', ['ip-address']],
    ['https://[2001:db8::1]:8443/x', '[2001:db8::1]:8443', '[2001:db8::1]', ['ip-address']],
    ['https://[::ffff:192.0.2.1]/', '[::ffff:c000:201]', '[::ffff:c000:201]', ['ip-address']],
    // not IP addresses
    ['https://192.0.2.1.example.com/', '192.0.2.1.example.com', '192.0.2.1.example.com', []],
    ['https://1password.com/', '1password.com', '1password.com', []],
    // ports are shown, never hidden; the default port disappears
    ['https://example.com:443/', 'example.com', 'example.com', []],
    ['https://example.com:8443/', 'example.com:8443', 'example.com', []],
    // internationalised hosts
    ['https://xn--pple-43d.com/account/verify?ref=paid', 'аpple.com', 'xn--pple-43d.com', ['internationalised']],
    ['https://аpple.com/', 'аpple.com', 'xn--pple-43d.com', ['internationalised']],
    ['https://xn--bcher-kva.example/angebote/herbst-2026', 'bücher.example', 'xn--bcher-kva.example', ['internationalised']],
    ['http://xn--80ak6aa92e.com/', 'аррӏе.com', 'xn--80ak6aa92e.com', ['internationalised', 'not-https']],
    // user info before the host
    ['https://paypal.com@evil.example/login', 'evil.example', 'evil.example', ['userinfo']],
    ['https://user:secret@example.com/', 'example.com', 'example.com', ['userinfo']],
    // chains
    ['https://tinyurl.com/2p9x7k4m', 'tinyurl.com', 'tinyurl.com', ['shortener']],
    ['https://www.tinyurl.com/2p9x7k4m/', 'www.tinyurl.com', 'www.tinyurl.com', ['shortener']],
    ['https://bit.ly/3xYzAbc', 'bit.ly', 'bit.ly', ['shortener']],
    ['http://t.co/abc', 't.co', 't.co', ['not-https', 'shortener']],
    ['https://bitly.com/', 'bitly.com', 'bitly.com', []], // the site, not a short link
    ['https://tinyurl.com/app/dev', 'tinyurl.com', 'tinyurl.com', []],
    ['https://nottinyurl.com/abc', 'nottinyurl.com', 'nottinyurl.com', []],
    // other schemes are never links
    ['ftp://files.example.com/a.zip', 'files.example.com', 'files.example.com', ['not-web']],
    ['javascript:alert(1)', '', '', ['not-web']],
    ['mailto:someone@example.com', '', '', ['not-web']],
  ])('%s', (url, host, asciiHost, hints) => {
    const d = describeDestination(url);
    expect({ host: d.host, asciiHost: d.asciiHost, hints: d.hints.map((h) => h.kind) }).toEqual({ host, asciiHost, hints });
  });

  it('links only http(s) destinations, normalised', () => {
    expect(describeDestination('https://Example.com/a b').href).toBe('https://example.com/a%20b');
    expect(describeDestination('http://example.com').href).toBe('http://example.com/');
    expect(describeDestination('javascript:alert(1)').href).toBeNull();
    expect(describeDestination('data:text/html,<script>alert(1)</script>').href).toBeNull();
    expect(describeDestination('file:///etc/passwd').href).toBeNull();
  });

  it('keeps what it cannot read as text, flagged', () => {
    expect(describeDestination('not a url')).toEqual({ url: 'not a url', display: 'not a url', href: null, host: '', asciiHost: '', hints: [{ kind: 'unreadable' }] });
    expect(describeDestination('')).toMatchObject({ href: null, hints: [{ kind: 'unreadable' }] });
  });

  it('details: both forms of an internationalised host, the user info, the scheme', () => {
    expect(describeDestination('https://xn--pple-43d.com/').hints).toEqual([{ kind: 'internationalised', unicode: 'аpple.com', ascii: 'xn--pple-43d.com' }]);
    expect(describeDestination('https://paypal.com%40login@evil.example/').hints).toEqual([{ kind: 'userinfo', userinfo: 'paypal.com@login' }]);
    expect(describeDestination('https://a:b@evil.example/').hints).toEqual([{ kind: 'userinfo', userinfo: 'a:…' }]);
    expect(describeDestination('ftp://x.example/').hints).toEqual([{ kind: 'not-web', scheme: 'ftp' }]);
  });
});

describe('link text that names another domain', () => {
  it.each<[string, string, DestinationHintKind[]]>([
    // text, destination, hints
    ['paypal.com', 'https://evil.example/login', ['text-mismatch']],
    ['Log in at PayPal.com now', 'https://evil.example/', ['text-mismatch']],
    ['https://www.paypal.com/signin', 'https://evil.example/', ['text-mismatch']],
    ['paypal.com', 'https://paypal.com.evil.example/', ['text-mismatch']],
    ['paypal.com', 'https://www.paypal.com/de/home', []],
    ['www.paypal.com', 'https://paypal.com/', []],
    ['paypal.com', 'https://checkout.paypal.com/', []],
    ['mail.google.com', 'https://google.com/', []],
    ['Read more', 'https://evil.example/', []],
    ['', 'https://evil.example/', []],
    // several domains: one of them being the destination is enough
    ['Compare amazon.com and ebay.com', 'https://www.ebay.com/', []],
    ['Compare amazon.com and ebay.com', 'https://evil.example/', ['text-mismatch']],
    // the short link itself, and Bitly's hosts, are not claims about the destination
    ['bit.ly/3xYzAbc', 'https://example.com/', []],
    ['https://brnd.example/launch', 'https://example.com/', []],
    // file names, versions, e-mail addresses and abbreviations are not domains
    ['report.pdf', 'https://example.com/', []],
    ['Node.js guide', 'https://example.com/', []],
    ['README.md', 'https://example.com/', []],
    ['Version 2.0 notes', 'https://example.com/', []],
    ['Write to support@paypal.com', 'https://evil.example/', []],
    ['e.g. this', 'https://example.com/', []],
    ['192.0.2.1', 'https://example.com/', []],
    // lookalikes: text in Unicode compared in the ASCII form the browser resolves
    ['аpple.com', 'https://xn--pple-43d.com/', ['internationalised']],
    ['apple.com', 'https://xn--pple-43d.com/', ['text-mismatch', 'internationalised']],
    ['bücher.example', 'https://xn--bcher-kva.example/', ['internationalised']],
    // user info is not the host
    ['paypal.com', 'https://paypal.com@evil.example/', ['userinfo', 'text-mismatch']],
  ])('%j → %s', (text, url, hints) => {
    expect(kinds(url, text, 'brnd.example')).toEqual(hints);
  });

  it('names the first domain, in Unicode', () => {
    expect(describeDestination('https://evil.example/', { linkText: 'see paypal.com or ebay.com' }).hints).toEqual([{ kind: 'text-mismatch', named: 'paypal.com' }]);
    expect(describeDestination('https://evil.example/', { linkText: 'bücher.example' }).hints).toEqual([{ kind: 'text-mismatch', named: 'bücher.example' }]);
  });

  it('finds domains in text, in order, once each', () => {
    expect(domainsNamedIn('a.example, B.example and a.example. Then c.example!')).toEqual(['a.example', 'b.example', 'c.example']);
    expect(domainsNamedIn('foo.bar.baz.example/path?q=x.y')).toEqual(['foo.bar.baz.example']);
    expect(domainsNamedIn('(see example.org)')).toEqual(['example.org']);
    expect(domainsNamedIn('example.c0m example.c')).toEqual([]);
  });

  it('stays fast on hostile text', () => {
    const started = performance.now();
    domainsNamedIn('a.'.repeat(5000) + '!');
    domainsNamedIn('a-'.repeat(5000));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('what the destination line shows', () => {
  it.each<[string, string, boolean]>([
    // A right-to-left override makes `…/exe.pdf` read as `…/fdp.exe`; it is written out instead.
    ['https://example.com/report\u202Efdp.exe', 'https://example.com/report[U+202E]fdp.exe', true],
    ['https://example.com/a\u200Bb?x=\u2066y', 'https://example.com/a[U+200B]b?x=[U+2066]y', true],
    ['https://example.com/%E2%80%AEfdp.exe', 'https://example.com/[U+202E]fdp.exe', true],
    ['https://example.com/%C3%BCber/caf%C3%A9', 'https://example.com/über/café', false],
    ['https://xn--mnchen-3ya.de/%20x', 'https://münchen.de/%20x', false],
    ['https://EXAMPLE.com:8443/a#b', 'https://example.com:8443/a#b', false],
    ['https://user@example.com/', 'https://user@example.com/', false],
  ])('%s is shown as %s', (url, display, hidden) => {
    const destination = describeDestination(url);
    expect(destination.display).toBe(display);
    expect(destination.hints.some((hint) => hint.kind === 'hidden-characters')).toBe(hidden);
    expect(destination.url).toBe(url);
  });

  it('an unreadable destination still shows its hidden characters', () => {
    const destination = describeDestination('\u202Ehttps://example.com');
    expect(destination.display).toBe('[U+202E]https://example.com');
    expect(destination.hints.map((hint) => hint.kind)).toEqual(['hidden-characters', 'unreadable']);
  });
});
