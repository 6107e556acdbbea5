/**
 * Whether a URL matches an extension match pattern (`<scheme>://<host><path>`), by the rules
 * Chromium and Firefox document: `*` as scheme is http or https; a host `*.example.com` is that
 * host or any below it; the path is a glob (`*` any characters) matched against the URL's path
 * AND query, never its fragment. tests/e2e/context-menu.spec.ts checks it against Chromium's own
 * matching of the context menu's patterns (Firefox ESR 153 agreed too, checked by hand the same way).
 */
export function matchesPattern(pattern: string, url: string): boolean {
  const parts = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  if (!parts) throw new Error(`not a match pattern: ${pattern}`);
  const [, scheme, host, path] = parts as unknown as [string, string, string, string];
  const u = new URL(url);
  const protocol = u.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  if (host.startsWith('*.')) {
    if (u.hostname !== host.slice(2) && !u.hostname.endsWith(host.slice(1))) return false;
  } else if (host !== '*' && u.hostname !== host) return false;
  const glob = new RegExp(`^${path.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return glob.test(u.pathname + u.search);
}

export const matchesAny = (patterns: readonly string[], url: string): boolean => patterns.some((p) => matchesPattern(p, url));
