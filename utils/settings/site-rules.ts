/** Whether `host` is on the per-site disable list: the listed host itself or any subdomain of it. */
export function isSiteDisabled(host: string, disabledSites: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return disabledSites.some((site) => h === site || h.endsWith(`.${site}`));
}

const HOST = /^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/**
 * Reads the options page's list of sites (one per line or comma-separated; a pasted URL counts
 * as its host, `www.` dropped). Lines that are not hosts come back separately so nothing typed
 * is silently lost.
 */
export function parseSiteList(text: string): { hosts: string[]; invalid: string[] } {
  const hosts: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[\n,]/)) {
    const line = raw.trim().toLowerCase();
    if (!line) continue;
    let host = line;
    if (line.includes('/')) {
      try {
        host = new URL(line.includes('://') ? line : `https://${line}`).hostname;
      } catch {
        host = line;
      }
    }
    host = host.replace(/^www\./, '');
    if (!HOST.test(host)) invalid.push(raw.trim());
    else if (!hosts.includes(host)) hosts.push(host);
  }
  return { hosts, invalid };
}
