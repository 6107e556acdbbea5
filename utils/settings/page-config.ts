/**
 * What one page's content script is told (PRODUCT.md §4: only what its own page needs): whether
 * hover cards are on there — the setting and the disabled-sites list decided here, in the
 * background, from the address the browser reports for the sender — never the list itself.
 */
import type { ContentConfig } from '../messaging/protocol';
import type { Settings } from './settings-schema';
import { isSiteDisabled } from './site-rules';

/** `extra`: what every page is told alike (the account's branded domains, the card frame's name). */
export function pageConfigFor(
  settings: Pick<Settings, 'hoverEnabled' | 'hoverDelayMs' | 'disabledSites'>,
  pageUrl: string | undefined,
  extra: Pick<ContentConfig, 'brandedHosts' | 'cardFrameTitle'>,
): ContentConfig {
  let host: string | null = null;
  try {
    host = pageUrl ? new URL(pageUrl).hostname : null;
  } catch {
    host = null;
  }
  return {
    enabled: settings.hoverEnabled && host !== null && !isSiteDisabled(host, settings.disabledSites),
    hoverDelayMs: settings.hoverDelayMs,
    brandedHosts: extra.brandedHosts,
    cardFrameTitle: extra.cardFrameTitle,
  };
}
