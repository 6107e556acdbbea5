/**
 * The content script's settings: asked from the background once, on first use, and replaced
 * whenever the background pushes a change (hover off, site disabled, delay, branded domains).
 */
import { browser } from 'wxt/browser';
import type { ContentConfig, ContentPush, ReplyEnvelope } from '@/utils/messages';
import { isSiteDisabled } from '@/utils/settings/site-rules';

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

export function createConfigSource(onPush: (push: ContentPush) => void) {
  let current: PageConfig | undefined;
  let loading: Promise<PageConfig | undefined> | undefined;

  function listen() {
    browser.runtime.onMessage.addListener((message: unknown) => {
      const push = message as ContentPush | undefined;
      if (!push || typeof push !== 'object' || !('bitlensPush' in push)) return;
      if (push.bitlensPush === 'config') current = toPageConfig(push.config);
      onPush(push);
    });
  }

  return {
    /** The config if already known (hot path), else undefined. */
    get now(): PageConfig | undefined {
      return current;
    },
    /** Loads the config once; undefined when the background cannot answer (e.g. extension updated). */
    load(): Promise<PageConfig | undefined> {
      loading ??= browser.runtime
        .sendMessage({ bitlens: 1, type: 'getContentConfig', data: {} })
        .then((reply: ReplyEnvelope<'getContentConfig'>) => {
          if (!reply?.ok) return undefined;
          current = toPageConfig(reply.value);
          listen();
          return current;
        })
        .catch(() => undefined);
      return loading;
    },
  };
}
