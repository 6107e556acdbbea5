/**
 * Bitly links behind the link wrappers of mail, chat and social sites (issue 15): a wrapper's
 * `href` carries the Bitly URL percent-encoded in one query parameter (Outlook Safe Links,
 * Google's redirect, Slack, Facebook…), or, for X's `t.co`, not at all — there the link's
 * visible text is the Bitly URL.
 *
 * The list below is fixed in code and matched exactly: a look-alike host, another parameter, a
 * second value, a nested wrapper or a doubly encoded URL is refused. The inner URL is decoded
 * once and read by the same strict parser as any other href (`parseBitlink`), so anything it
 * would refuse stays refused. Like link.ts, this module imports only link.ts: the content
 * script calls it on the link the pointer reached.
 */
import { parseBitlink, type BitlinkRef } from './link';

/** The wrappers understood, by the name the card and the popup show. */
export type LinkWrapperName = 'Outlook Safe Links' | 'Google' | 'Slack' | 'Facebook' | 'Instagram' | 'LinkedIn' | 'YouTube' | 'X (t.co)';

interface LinkWrapper {
  name: LinkWrapperName;
  /** Exact lower-case hosts, or one DNS label before `suffix`. */
  hosts?: readonly string[];
  suffix?: string;
  /** The path, exactly. For a text wrapper: any single segment of letters and digits. */
  path: string;
  /** Where the Bitly URL is: the wrapper's own parameter(s), or the link's text. */
  params: readonly string[] | 'text';
}

export const LINK_WRAPPERS: readonly LinkWrapper[] = [
  { name: 'Outlook Safe Links', suffix: '.safelinks.protection.outlook.com', path: '/', params: ['url'] },
  // Gmail's and Google Search's redirect: `q=` from Gmail, `url=` (with an empty `q=`) from Search.
  { name: 'Google', hosts: ['www.google.com', 'google.com'], path: '/url', params: ['q', 'url'] },
  { name: 'Slack', hosts: ['slack-redir.net'], path: '/link', params: ['url'] },
  { name: 'Facebook', hosts: ['l.facebook.com', 'lm.facebook.com', 'l.messenger.com'], path: '/l.php', params: ['u'] },
  { name: 'Instagram', hosts: ['l.instagram.com'], path: '/', params: ['u'] },
  { name: 'LinkedIn', hosts: ['www.linkedin.com'], path: '/redir/redirect', params: ['url'] },
  { name: 'YouTube', hosts: ['www.youtube.com'], path: '/redirect', params: ['q'] },
  { name: 'X (t.co)', hosts: ['t.co'], path: '/*', params: 'text' },
];

export interface WrappedBitlink {
  ref: BitlinkRef;
  wrapper: LinkWrapperName;
  /**
   * `param`: the wrapper's address names the Bitly link, so the destination is known.
   * `text`: only the link's text names it; where the wrapper sends the user is not known.
   */
  found: 'param' | 'text';
}

/** Longer hrefs are not looked at (a Safe Links URL with its `data=` is a few hundred characters). */
const MAX_HREF_LENGTH = 4096;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TEXT_PATH = /^\/[A-Za-z0-9]{1,32}$/;
const ABSOLUTE_HTTP = /^https?:\/\//i;

/** The wrapper that `host` (lower-case, as `URL.hostname` gives it) belongs to, if any. */
export function linkWrapperOf(host: string): LinkWrapper | undefined {
  for (const wrapper of LINK_WRAPPERS) {
    if (wrapper.hosts?.includes(host)) return wrapper;
    if (wrapper.suffix && host.endsWith(wrapper.suffix) && LABEL.test(host.slice(0, -wrapper.suffix.length))) return wrapper;
  }
  return undefined;
}

/**
 * The Bitly link behind a wrapped `href` (resolved, absolute), or null. `text` is the link's
 * visible text, read only for a text wrapper.
 */
export function parseWrappedBitlink(href: string, text: string | null, brandedHosts?: ReadonlySet<string>): WrappedBitlink | null {
  if (typeof href !== 'string' || href.length > MAX_HREF_LENGTH || !/^https:\/\//i.test(href)) return null;
  const rest = href.slice('https://'.length);
  const hashAt = rest.indexOf('#');
  const beforeHash = hashAt === -1 ? rest : rest.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  const beforeQuery = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt);
  const slash = beforeQuery.indexOf('/');
  const authority = slash === -1 ? beforeQuery : beforeQuery.slice(0, slash);
  // Credentials or a port are never part of a wrapper's address.
  if (authority.includes('@') || authority.includes(':') || beforeQuery.includes('\\')) return null;
  const wrapper = linkWrapperOf(authority.toLowerCase());
  if (!wrapper) return null;
  const path = slash === -1 ? '/' : beforeQuery.slice(slash);

  if (wrapper.params === 'text') {
    if (!TEXT_PATH.test(path)) return null;
    const ref = bitlinkInText(text, brandedHosts);
    return ref ? { ref, wrapper: wrapper.name, found: 'text' } : null;
  }
  if (path !== wrapper.path || queryAt === -1) return null;
  const inner = oneParamValue(beforeHash.slice(queryAt + 1), wrapper.params);
  if (inner === null || !ABSOLUTE_HTTP.test(inner)) return null;
  const ref = parseBitlink(inner, brandedHosts);
  return ref ? { ref, wrapper: wrapper.name, found: 'param' } : null;
}

/** The one non-empty value among `names`, decoded once; null when there is none or more than one. */
function oneParamValue(query: string, names: readonly string[]): string | null {
  let found: string | null = null;
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const name = eq === -1 ? pair : pair.slice(0, eq);
    if (!names.includes(name)) continue;
    const raw = eq === -1 ? '' : pair.slice(eq + 1);
    if (raw === '') continue;
    if (found !== null) return null;
    try {
      found = decodeURIComponent(raw);
    } catch {
      return null;
    }
  }
  return found;
}

/** A link text that is exactly one Bitly URL (with or without its scheme), as X shows them. */
function bitlinkInText(text: string | null, brandedHosts?: ReadonlySet<string>): BitlinkRef | null {
  const words = (text ?? '').trim();
  if (words.length === 0 || words.length > 300 || /\s/.test(words)) return null;
  return parseBitlink(words, brandedHosts);
}

/**
 * Hover-rule selectors for the wrappers (see link-hover-css.ts): the `href` attribute as
 * written. They only narrow which links get looked at; the parser above decides.
 */
export function linkWrapperSelectors(): string[] {
  const selectors: string[] = [];
  for (const wrapper of LINK_WRAPPERS) {
    const after = wrapper.params === 'text' ? '/' : `${wrapper.path === '/' ? '/' : wrapper.path}?`;
    for (const host of wrapper.hosts ?? []) selectors.push(`a[href^="https://${host}${after}" i]`);
    if (wrapper.suffix) selectors.push(`a[href^="https://" i][href*="${wrapper.suffix}/?" i]`);
  }
  return selectors;
}
