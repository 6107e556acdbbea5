/**
 * What the report page needs from the rest of the extension, as one interface (STYLE.md habit 6):
 * the real implementation asks the background through utils/messaging; the fixture one
 * (report-api-fixture.ts) runs the report's logic in tests without extension APIs.
 */
import { browser } from 'wxt/browser';
import type { AskWindow } from '@/components/facets-model';
import { copyText } from '@/utils/clipboard';
import { holdPort } from '@/utils/messaging/held-port';
import { ASKER_PORT_PREFIX, type AccountFacetReply, type AccountState, type AskerPush, type GroupsReply, type LinkFacetReply } from '@/utils/messaging/protocol';
import { askAccountFacet, askLinkFacet, sendMessage } from '@/utils/messaging/send';
import type { Settings } from '@/utils/settings/settings-schema';
import type { AccountFacet, LinkFacet } from '@/utils/stats/facet-names';

export interface ReportAskOptions {
  refresh?: boolean;
  window?: AskWindow;
}

export interface ReportApi {
  getAccount(): Promise<AccountState>;
  getSettings(): Promise<Settings>;
  /** The account's groups (the overview's group picker), cached; `refresh` renews them (pushed when done). */
  getGroups(options?: { refresh?: boolean }): Promise<GroupsReply>;
  askLinkFacet<F extends LinkFacet>(link: string, facet: F, options: ReportAskOptions): Promise<LinkFacetReply<F>>;
  /** A facet of a group (`guid`; else the settings' group, else the default one) or of its organization. */
  askAccountFacet<F extends AccountFacet>(facet: F, options: ReportAskOptions & { size?: number; guid?: string }): Promise<AccountFacetReply<F>>;
  /** Pushes for the page (a facet was refreshed, settings changed); returns the unsubscribe. */
  subscribe(listener: (push: AskerPush) => void): () => void;
  openOptions(): Promise<void>;
  copyText(text: string): Promise<void>;
}

/**
 * The message-backed report API. It holds the page's asker port until `dispose()`: the background
 * pushes refreshes to it, and drops the page's queued requests when the tab closes.
 */
export function createMessageReportApi(): ReportApi & { dispose(): void } {
  const askerId = crypto.randomUUID();
  const listeners = new Set<(push: AskerPush) => void>();
  const port = holdPort(ASKER_PORT_PREFIX + askerId, (message) => {
    for (const listener of listeners) listener(message as AskerPush);
  });
  const request = ({ refresh, window }: ReportAskOptions) => ({ askerId, priority: 'interactive' as const, ...(refresh ? { refresh } : {}), ...window });
  return {
    getAccount: () => sendMessage('getAccount', {}),
    getSettings: () => sendMessage('getSettings', {}),
    getGroups: ({ refresh } = {}) => sendMessage('getGroups', { askerId, ...(refresh ? { refresh } : {}) }),
    askLinkFacet: (link, facet, options) => askLinkFacet({ link, facet, ...request(options) }),
    askAccountFacet: (facet, { size, guid, ...options }) => askAccountFacet({ facet, ...request(options), ...(size ? { size } : {}), ...(guid ? { guid } : {}) }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    openOptions: () => browser.runtime.openOptionsPage(),
    copyText,
    dispose() {
      port.close();
      listeners.clear();
    },
  };
}
