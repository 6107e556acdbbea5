/**
 * The address of a link's full report (F5): `report.html#link=<domain/hash>`. The context menu,
 * the hover card's and the popup's "open full report" all open it; the report page reads the
 * link back with `reportLinkFrom`. The id is a bitlink id (see utils/bitly/link.ts), whose
 * characters need no escaping in a fragment.
 */
import { browser } from 'wxt/browser';
import { isBitlinkId } from '../bitly/link';

export const REPORT_PAGE = '/report.html' as const;

/** The fragment for a link's report, or null for anything that is not a normalised bitlink id. */
export function reportHash(linkId: string): string | null {
  return isBitlinkId(linkId) ? `#link=${linkId}` : null;
}

/** The full extension URL of a link's report. */
export function reportUrl(linkId: string): string | null {
  const hash = reportHash(linkId);
  return hash === null ? null : browser.runtime.getURL(REPORT_PAGE) + hash;
}

/** The fragment of the account overview (F6) on the report page. */
export const ACCOUNT_HASH = '#account';

/** Whether a report page's `location.hash` asks for the account overview. */
export function isAccountReport(hash: string): boolean {
  return hash === ACCOUNT_HASH;
}

/** The link a report page was opened for (`location.hash`), or null when it names none. */
export function reportLinkFrom(hash: string): string | null {
  const link = new URLSearchParams(hash.replace(/^#/, '')).get('link');
  return link !== null && isBitlinkId(link) ? link : null;
}
