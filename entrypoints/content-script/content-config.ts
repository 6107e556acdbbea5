/**
 * The content script's settings: asked from the background once, and replaced whenever the
 * background pushes a change (hover off, site disabled, delay, branded domains).
 */
import type { ContentConfig, ContentPush } from '@/utils/messaging/protocol';
import { isSiteDisabled } from '@/utils/settings/site-rules';
import { sendToBackground } from './send-to-background';

export interface PageConfig {
  enabled: boolean;
  hoverDelayMs: number;
  brandedHosts: ReadonlySet<string>;
}

function toPageConfig(config: ContentConfig): PageConfig {
  return {
    enabled: config.hoverEnabled && !isSiteDisabled(location.hostname, config.disabledSites),
    hoverDelayMs: config.hoverDelayMs,
    brandedHosts: new Set(config.brandedHosts),
  };
}

/** `onPush` hears every push; `onConfig` every new config, the first one included. */
export function createConfigSource(onPush: (push: ContentPush) => void, onConfig: (config: PageConfig) => void) {
  let current: PageConfig | undefined;
  let loading: Promise<PageConfig | undefined> | undefined;

  const use = (config: ContentConfig) => {
    current = toPageConfig(config);
    onConfig(current);
  };

  function listen() {
    chrome.runtime.onMessage.addListener((message: unknown) => {
      const push = message as ContentPush | undefined;
      if (!push || typeof push !== 'object' || !('bitlensPush' in push)) return;
      if (push.bitlensPush === 'config') use(push.config);
      onPush(push);
    });
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
    /** Loads the config once; undefined when the background cannot answer. */
    load(): Promise<PageConfig | undefined> {
      loading ??= ask();
      return loading;
    },
  };
}
