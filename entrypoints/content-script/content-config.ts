/**
 * The content script's settings: asked from the background once, on first use, and replaced
 * whenever the background pushes a change (hover off, site disabled, delay, branded domains).
 * Uses `chrome.*` directly (see index.ts); `chrome.runtime.id` disappears when this copy of the
 * script is orphaned by an extension update, which ends it.
 */
import type { ContentConfig, ContentPush, Envelope, ReplyEnvelope } from '@/utils/messages';
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

const request: Envelope<'getContentConfig'> = { bitlens: 1, type: 'getContentConfig', data: {} };

export function createConfigSource(onPush: (push: ContentPush) => void) {
  let current: PageConfig | undefined;
  let loading: Promise<PageConfig | undefined> | undefined;
  let invalidated: (() => void) | undefined;

  function listen() {
    chrome.runtime.onMessage.addListener((message: unknown) => {
      const push = message as ContentPush | undefined;
      if (!push || typeof push !== 'object' || !('bitlensPush' in push)) return;
      if (push.bitlensPush === 'config') current = toPageConfig(push.config);
      onPush(push);
    });
  }

  function ask(): Promise<PageConfig | undefined> {
    return new Promise((resolve) => {
      if (!chrome.runtime?.id) {
        invalidated?.();
        return resolve(undefined);
      }
      chrome.runtime.sendMessage(request, (reply: ReplyEnvelope<'getContentConfig'> | undefined) => {
        if (chrome.runtime.lastError || !reply?.ok) return resolve(undefined);
        current = toPageConfig(reply.value);
        listen();
        resolve(current);
      });
    });
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
    onInvalidated(callback: () => void) {
      invalidated = callback;
    },
  };
}
