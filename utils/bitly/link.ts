/**
 * Recognising Bitly short links and normalising them to the `domain/hash` id that the v4 API
 * takes as its `{bitlink}` path parameter (ENDPOINTS.md §1, PRODUCT.md §2 and §4).
 *
 * The content script calls `isBitlyHost` on every hovered link, so this module imports nothing
 * and does no allocation-heavy work. Parsing is done by hand on the raw string rather than with
 * `new URL`, because the URL parser decodes `%2e%2e` and resolves dot segments, which would hide
 * exactly the tricks this module exists to refuse.
 */

/** Bitly's own short domains. Branded short domains (BSDs) are passed in separately. */
export const BITLY_HOSTS: readonly string[] = ['bit.ly', 'j.mp', 'bitly.com', 'bitly.is'];

export interface BitlinkRef {
  /** `domain/hash`, exactly what goes into `/v4/bitlinks/{bitlink}`. */
  id: string;
  /** Lower-case host without `www.`. */
  domain: string;
  /** The back-half, case preserved. */
  hash: string;
}

const BITLY_HOST_SET: ReadonlySet<string> = new Set(BITLY_HOSTS);

/**
 * Single-segment paths on bitly.com / bitly.is that are pages of Bitly's site, not links.
 * Compared case-insensitively.
 */
const RESERVED_SITE_PATHS: ReadonlySet<string> = new Set([
  'a', 'about', 'api', 'assets', 'blog', 'careers', 'contact', 'dashboard', 'developers',
  'help', 'login', 'logout', 'oauth', 'pages', 'partners', 'pricing', 'privacy', 'settings',
  'sign-up', 'signup', 'static', 'support', 'terms', 'v3', 'v4',
]);
const SITE_HOSTS: ReadonlySet<string> = new Set(['bitly.com', 'bitly.is']);

const MAX_HASH_LENGTH = 64;
/** Longest host we look at: 253 (DNS limit) + `www.` + an optional `:port`. */
const MAX_AUTHORITY_LENGTH = 253 + 4 + 6;
const HASH_PATTERN = /^[A-Za-z0-9_-]+$/;
const SCHEME_PATTERN = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function stripWww(host: string): string {
  return host.startsWith('www.') ? host.slice(4) : host;
}

/**
 * Resolves a lower-case host to the domain used in the bitlink id, or `null` when it is not a
 * Bitly or branded host. Exact matches only: no suffix or prefix matching.
 */
function resolveDomain(host: string, brandedHosts?: ReadonlySet<string>): string | null {
  if (BITLY_HOST_SET.has(host) || brandedHosts?.has(host)) return host;
  const bare = stripWww(host);
  if (bare !== host && (BITLY_HOST_SET.has(bare) || brandedHosts?.has(bare))) return bare;
  return null;
}

/**
 * True when `host` (a `URL.hostname`-like string) is a Bitly short domain or one of the
 * branded hosts. `www.` is ignored; the comparison is case-insensitive.
 */
export function isBitlyHost(host: string, brandedHosts?: ReadonlySet<string>): boolean {
  if (host.length === 0 || host.length > MAX_AUTHORITY_LENGTH) return false;
  return resolveDomain(host.toLowerCase(), brandedHosts) !== null;
}

/**
 * Parses an href (absolute http/https, protocol-relative or scheme-less such as `bit.ly/abc`)
 * into a bitlink reference, or returns `null` for anything that is not exactly one valid
 * back-half on a Bitly or branded host. Query, fragment, one trailing `/` and Bitly's `+` stats
 * suffix are dropped.
 */
export function parseBitlink(href: string, brandedHosts?: ReadonlySet<string>): BitlinkRef | null {
  if (typeof href !== 'string') return null;
  let rest = href.trim();

  // Scheme: http, https, protocol-relative or none. Anything else (javascript:, data:, ftp:,
  // and `host:port` without a scheme) is refused.
  let defaultPort: string | null = null;
  const lowerStart = rest.slice(0, 8).toLowerCase();
  if (lowerStart.startsWith('https://')) {
    rest = rest.slice(8);
    defaultPort = '443';
  } else if (lowerStart.startsWith('http://')) {
    rest = rest.slice(7);
    defaultPort = '80';
  } else if (rest.startsWith('//')) {
    rest = rest.slice(2);
  } else if (SCHEME_PATTERN.test(rest.slice(0, 32))) {
    return null;
  }

  // Cut at the first of `?` or `#`; everything after is dropped, so its length does not matter.
  const end = firstIndexOf(rest, '?', '#');
  const beforeQuery = end === -1 ? rest : rest.slice(0, end);
  // Backslashes are path separators to browsers; refuse rather than guess.
  if (beforeQuery.includes('\\')) return null;

  const slash = beforeQuery.indexOf('/');
  if (slash <= 0) return null; // no path, or no host
  const authority = beforeQuery.slice(0, slash);
  if (authority.length > MAX_AUTHORITY_LENGTH || authority.includes('@')) return null;

  let host = authority;
  const colon = authority.indexOf(':');
  if (colon !== -1) {
    const port = authority.slice(colon + 1);
    // An explicit port is only allowed when it is the scheme's default.
    if (defaultPort === null || port !== defaultPort) return null;
    host = authority.slice(0, colon);
  }
  const domain = resolveDomain(host.toLowerCase(), brandedHosts);
  if (domain === null) return null;

  let path = beforeQuery.slice(slash + 1);
  // Bound the work before any regex: a valid path is at most hash + `+` + `/`.
  if (path.length > MAX_HASH_LENGTH + 2) return null;
  if (path.endsWith('/')) path = path.slice(0, -1);
  if (path.endsWith('+')) path = path.slice(0, -1);
  const hash = path;

  if (hash.length === 0 || hash.length > MAX_HASH_LENGTH) return null;
  // The charset excludes `/`, `.`, `%` and whitespace, so traversal, encoded characters and
  // extra path segments all fail here.
  if (!HASH_PATTERN.test(hash)) return null;
  if (SITE_HOSTS.has(domain) && RESERVED_SITE_PATHS.has(hash.toLowerCase())) return null;

  return { id: `${domain}/${hash}`, domain, hash };
}

/**
 * The id of a link already known to be a bitlink (one the background parsed, on any Bitly or
 * branded host), in whatever form it arrives: `https://Bit.ly/Abc` and `bit.ly/Abc` are both
 * `bit.ly/Abc`. Null when it is not a well-formed short link at all.
 */
export function bitlinkIdOf(link: string): string | null {
  const bare = link.trim().replace(/^(?:https?:)?\/\//i, '');
  const host = stripWww(bare.slice(0, Math.max(0, bare.indexOf('/'))).toLowerCase());
  return parseBitlink(link, new Set([host]))?.id ?? null;
}

/**
 * True when `id` is a normalised bitlink id, i.e. exactly what `parseBitlink` returns for some
 * Bitly or branded host. The API client uses this to refuse ids before building a URL; it does
 * not know the account's branded domains, so any syntactically valid lower-case host is allowed.
 */
export function isBitlinkId(id: string): boolean {
  if (typeof id !== 'string' || id.length > MAX_AUTHORITY_LENGTH + 1 + MAX_HASH_LENGTH) return false;
  const slash = id.indexOf('/');
  if (slash <= 0) return false;
  const domain = id.slice(0, slash);
  if (!isHostname(domain)) return false;
  // `www.bit.ly` is never an id: parseBitlink strips `www.` from Bitly's own hosts.
  if (BITLY_HOST_SET.has(stripWww(domain)) && !BITLY_HOST_SET.has(domain)) return false;
  return parseBitlink(id, new Set([domain]))?.id === id;
}

function isHostname(host: string): boolean {
  if (host.length > 253 || host !== host.toLowerCase()) return false;
  const labels = host.split('.');
  if (labels.length < 2) return false;
  return labels.every((label) => HOST_LABEL.test(label));
}

function firstIndexOf(text: string, a: string, b: string): number {
  const i = text.indexOf(a);
  const j = text.indexOf(b);
  if (i === -1) return j;
  if (j === -1) return i;
  return Math.min(i, j);
}
