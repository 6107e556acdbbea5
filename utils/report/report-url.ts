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

/** A group guid as Bitly writes them (and as the protocol accepts them). */
const GROUP_GUID = /^[\w-]{1,64}$/;

/** The overview's fragment, for one group when given (`#account&group=B1a2`): a reload keeps it. */
export function accountHash(groupGuid?: string | null): string {
  return groupGuid && GROUP_GUID.test(groupGuid) ? `${ACCOUNT_HASH}&group=${groupGuid}` : ACCOUNT_HASH;
}

/** Whether a report page's `location.hash` asks for the account overview. */
export function isAccountReport(hash: string): boolean {
  return hash === ACCOUNT_HASH || hash.startsWith(`${ACCOUNT_HASH}&`);
}

/** The group an overview's `location.hash` names, or null (the settings' group then). */
export function accountGroupFrom(hash: string): string | null {
  if (!isAccountReport(hash)) return null;
  const group = new URLSearchParams(hash.slice(ACCOUNT_HASH.length + 1)).get('group');
  return group !== null && GROUP_GUID.test(group) ? group : null;
}

/** The link a report page was opened for (`location.hash`), or null when it names none. */
export function reportLinkFrom(hash: string): string | null {
  const link = new URLSearchParams(hash.replace(/^#/, '')).get('link');
  return link !== null && isBitlinkId(link) ? link : null;
}
