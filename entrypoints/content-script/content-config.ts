/**
 * The content script's settings: asked from the background once, and replaced whenever the
 * background pushes a change (hover off, site disabled, delay, branded domains). The listener
 * that hears the pushes also answers the popup's question for the page's links (`PageRequest`).
 */
import type { ContentConfig, ContentPush, PageLinks, PageRequest } from '@/utils/messaging/protocol';
import { DEFAULTS } from '@/utils/settings/defaults';
import { sendToBackground } from './send-to-background';

export interface PageConfig {
  enabled: boolean;
  hoverDelayMs: number;
  brandedHosts: ReadonlySet<string>;
  cardFrameTitle: string;
}

function toPageConfig(config: ContentConfig): PageConfig {
  return {
    enabled: config.enabled,
    hoverDelayMs: config.hoverDelayMs,
    brandedHosts: new Set(config.brandedHosts),
    cardFrameTitle: config.cardFrameTitle,
  };
}

export type ConfigSource = ReturnType<typeof createConfigSource>;

/**
 * `onPush` hears every push; `onConfig` every new config, the first one included; `pageLinks`
 * answers the popup (all links) and the context menu (the links with one address).
 */
export function createConfigSource(onPush: (push: ContentPush) => void, onConfig: (config: PageConfig) => void, pageLinks: (href?: string) => PageLinks) {
  let current: PageConfig | undefined;
  let loading: Promise<PageConfig | undefined> | undefined;

  const use = (config: ContentConfig) => {
    current = toPageConfig(config);
    onConfig(current);
  };

  function listen() {
    chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
      if (sender.id !== chrome.runtime.id || !message || typeof message !== 'object') return;
      const request = message as Partial<PageRequest>;
      if (request.bitlensPage === 'links') {
        sendResponse(pageLinks(typeof request.href === 'string' ? request.href : undefined));
        return;
      }
      const push = message as ContentPush;
      if (!('bitlensPush' in push)) return;
      // The new config is asked for this page (the background decides its on/off), then the push is heard.
      if (push.bitlensPush === 'configChanged') void refresh().then(() => onPush(push));
      else onPush(push);
    });
  }

  async function refresh() {
    const config = await sendToBackground('getContentConfig', {});
    if (config) use(config);
  }

  async function ask(): Promise<PageConfig | undefined> {
    const config = await sendToBackground('getContentConfig', {});
    if (!config) return undefined;
    use(config);
    listen();
    return current;
  }

  return {
    /** The config if already known (hot path), else undefined. */
    get now(): PageConfig | undefined {
      return current;
    },
    /** The user's intent delay; the default until the config is known. */
    get hoverDelayMs(): number {
      return current?.hoverDelayMs ?? DEFAULTS.hoverDelayMs;
    },
    /** Loads the config once; undefined when the background cannot answer. */
    load(): Promise<PageConfig | undefined> {
      loading ??= ask();
      return loading;
    },
  };
}
