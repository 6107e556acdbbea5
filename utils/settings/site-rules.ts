/** Whether `host` is on the per-site disable list: the listed host itself or any subdomain of it. */
export function isSiteDisabled(host: string, disabledSites: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return disabledSites.some((site) => h === site || h.endsWith(`.${site}`));
}
