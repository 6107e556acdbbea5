/**
 * What a short link's destination is, for a safety preview (PRODUCT.md F2): the host to show
 * large, a link only for http(s), and plain hints where the address deserves a second look. Pure;
 * shared by the hover card, the popup and the report.
 */
import { BITLY_HOSTS } from '../bitly/link';
import { hostToUnicode, isInternationalisedHost } from './punycode';

export type DestinationHint =
  /** `user@` or `user:pass@` before the host: `https://paypal.com@evil.example` goes to evil.example. */
  | { kind: 'userinfo'; userinfo: string }
  /** The link's visible text names a domain the destination is not on. */
  | { kind: 'text-mismatch'; named: string }
  /** Non-ASCII letters in the host (lookalikes); shown as Unicode and as the ASCII (punycode) form. */
  | { kind: 'internationalised'; unicode: string; ascii: string }
  | { kind: 'ip-address'; host: string }
  /** Plain `http:`. */
  | { kind: 'not-https' }
  /** Neither http nor https (`ftp:`, `data:`, `javascript:`…): never linked. */
  | { kind: 'not-web'; scheme: string }
  /** Another URL shortener: the real destination is one more hop away. */
  | { kind: 'shortener'; host: string }
  /** Invisible characters that reorder or hide text (U+202E and friends) were in the address. */
  | { kind: 'hidden-characters' }
  /** Not a URL at all. */
  | { kind: 'unreadable' };

export type DestinationHintKind = DestinationHint['kind'];

export interface Destination {
  /** The destination exactly as Bitly gave it (for copying, never for showing). */
  url: string;
  /**
   * What to show: built from the parsed URL (host in Unicode, path readable), with every
   * invisible or direction-changing character made visible as `[U+202E]`, so a destination
   * cannot disguise itself as another.
   */
  display: string;
  /** What a link may point at: the parsed URL for http(s), otherwise null. */
  href: string | null;
  /** The host to show, in Unicode, with a port when there is one; empty when unreadable. */
  host: string;
  /** The host as the browser will resolve it (ASCII, punycode), without port. */
  asciiHost: string;
  hints: DestinationHint[];
}

export interface DescribeOptions {
  /** The link's visible text on the page (checked for a domain it names). */
  linkText?: string;
  /** The short link's own host (`bit.ly`, a branded domain): text naming it is not a mismatch. */
  shortHost?: string;
}

/** Generic URL shorteners (and Bitly's own hosts): a destination there is a chain. */
export const SHORTENER_HOSTS: ReadonlySet<string> = new Set([
  ...BITLY_HOSTS,
  'adf.ly',
  'bl.ink',
  'buff.ly',
  'clck.ru',
  'cutt.ly',
  'goo.gl',
  'is.gd',
  'lnkd.in',
  'ow.ly',
  'rb.gy',
  'rebrand.ly',
  's.id',
  'shorturl.at',
  't.co',
  't.ly',
  'tiny.cc',
  'tinyurl.com',
  'v.gd',
]);

/**
 * Endings that look like top-level domains in running text but are usually file names
 * (`report.pdf`, `Node.js`, `README.md`). Some are real TLDs; a false alarm costs more here.
 */
const FILE_ENDINGS = new Set(
  'aspx asp avi bat cfm css csv dmg doc docx exe gif gz heic htm html ico ics iso jar jpeg jpg js json jsp jsx md mjs mov mkv mp3 mp4 odt ogg pdf php png ppt pptx psd py rar rtf sh svg tar tgz ts tsx txt wav webm webp xls xlsx xml yaml yml zip'.split(
    ' ',
  ),
);

/**
 * Domain names in running text: dot-separated labels of letters, digits and hyphens ending in
 * an alphabetic top-level label, not part of an e-mail address or a longer word.
 */
const DOMAIN_IN_TEXT =
  /(?<![\p{L}\p{N}\p{M}@._-])((?:[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}-]{0,61}[\p{L}\p{N}\p{M}])?\.)+\p{L}[\p{L}\p{M}]{1,62})(?![\p{L}\p{N}\p{M}_-]|\.[\p{L}\p{N}])/gu;

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * Characters that change how the rest of a line reads without being seen: bidirectional controls
 * and marks, zero-width characters, the soft hyphen, and C0/C1 controls.
 */
const HIDDEN_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/gu;

const HAS_HIDDEN = new RegExp(HIDDEN_CHARACTERS.source, 'u');

/** Every hidden character written out (`[U+202E]`). */
function revealHidden(text: string): string {
  return text.replace(HIDDEN_CHARACTERS, (c) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`);
}

/** The parsed URL as a person reads it: Unicode host, percent-escapes decoded where safe. */
function readable(parsed: URL, unicodeHost: string): string {
  let rest = parsed.pathname + parsed.search + parsed.hash;
  try {
    // Spaces stay escaped: a decoded one would split the address where none is.
    rest = decodeURI(rest).replace(/\s/gu, (space) => encodeURIComponent(space));
  } catch {
    // a lone escape that is not UTF-8: keep the escaped form
  }
  const userinfo = parsed.username ? `${safeDecode(parsed.username)}${parsed.password ? ':…' : ''}@` : '';
  const authority = parsed.host ? `//${userinfo}${unicodeHost}${parsed.port ? `:${parsed.port}` : ''}` : '';
  return `${parsed.protocol}${authority}${rest}`;
}

function withoutWww(host: string): string {
  return host.startsWith('www.') ? host.slice(4) : host;
}

/** The ASCII form of a domain written in text (as a browser would resolve it), or null. */
function toAsciiHost(domain: string): string | null {
  try {
    const host = new URL(`http://${domain}/`).hostname;
    return host.endsWith('.') ? host.slice(0, -1) : host;
  } catch {
    return null;
  }
}

/** Domains a piece of link text names, in ASCII, in order, without repeats or file names. */
export function domainsNamedIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.slice(0, 500).matchAll(DOMAIN_IN_TEXT)) {
    const written = match[1]!;
    const tld = written.slice(written.lastIndexOf('.') + 1).toLowerCase();
    if (FILE_ENDINGS.has(tld)) continue;
    const ascii = toAsciiHost(written);
    if (ascii && !IPV4.test(ascii) && !found.includes(ascii)) found.push(ascii);
  }
  return found;
}

/** One host is the other or a subdomain of it (`www.` aside): `paypal.com` ~ `www.paypal.com`. */
function sameSite(a: string, b: string): boolean {
  const x = withoutWww(a);
  const y = withoutWww(b);
  return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function textMismatch(text: string, asciiHost: string, shortHost: string | undefined): DestinationHint | null {
  const ignored = [...BITLY_HOSTS, ...(shortHost ? [shortHost.toLowerCase()] : [])];
  const named = domainsNamedIn(text).filter((domain) => !ignored.some((host) => sameSite(domain, host)));
  if (named.length === 0 || named.some((domain) => sameSite(domain, asciiHost))) return null;
  return { kind: 'text-mismatch', named: hostToUnicode(named[0]!) };
}

/** Describes a destination URL and what about it deserves a second look. */
export function describeDestination(url: string, options: DescribeOptions = {}): Destination {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    const hints: DestinationHint[] = HAS_HIDDEN.test(url) ? [{ kind: 'hidden-characters' }, { kind: 'unreadable' }] : [{ kind: 'unreadable' }];
    return { url, display: revealHidden(url), href: null, host: '', asciiHost: '', hints };
  }
  const web = parsed.protocol === 'https:' || parsed.protocol === 'http:';
  const asciiHost = parsed.hostname.toLowerCase();
  const unicodeHost = hostToUnicode(asciiHost);
  const hints: DestinationHint[] = [];

  const shown = readable(parsed, unicodeHost);
  const display = revealHidden(shown);
  if (display !== shown || HAS_HIDDEN.test(url)) hints.push({ kind: 'hidden-characters' });
  if (parsed.username || parsed.password) {
    const userinfo = safeDecode(parsed.username) + (parsed.password ? ':…' : '');
    hints.push({ kind: 'userinfo', userinfo });
  }
  if (asciiHost && options.linkText) {
    const mismatch = textMismatch(options.linkText, asciiHost, options.shortHost);
    if (mismatch) hints.push(mismatch);
  }
  if (isInternationalisedHost(asciiHost)) hints.push({ kind: 'internationalised', unicode: unicodeHost, ascii: asciiHost });
  if (IPV4.test(asciiHost) || asciiHost.startsWith('[')) hints.push({ kind: 'ip-address', host: asciiHost });
  if (parsed.protocol === 'http:') hints.push({ kind: 'not-https' });
  else if (!web) hints.push({ kind: 'not-web', scheme: parsed.protocol.slice(0, -1) });
  const bareHost = withoutWww(asciiHost);
  if (web && SHORTENER_HOSTS.has(bareHost) && /^\/[^/]+\/?$/.test(parsed.pathname)) hints.push({ kind: 'shortener', host: bareHost });

  return {
    url,
    display,
    href: web ? parsed.href : null,
    host: unicodeHost + (parsed.port ? `:${parsed.port}` : ''),
    asciiHost,
    hints,
  };
}
