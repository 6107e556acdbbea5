import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/theme.css';
import './card.css';
import { t } from '@/utils/i18n';
import type { CardPush } from '@/utils/messaging/protocol';
import { sendMessage } from '@/utils/messaging/send';
import type { Settings } from '@/utils/settings/settings-schema';
import { createMessageCardApi } from './card-api';
import { CardApp } from './card-app';
import { cardKeyFrom, connectCardChannel } from './card-channel';
import { ignoreClicksWhileCovered } from './covered-guard';

document.title = t('cardFrameTitle');
document.documentElement.lang = t('langCode');
const root = document.getElementById('app')!;
const locale = browser.i18n.getUILanguage();
const marks = document.documentElement.dataset;

// The frame waits hidden until its content script shows it for a link, and is hidden again
// between cards. Each card (prepared or shown) has its own asker port; hiding closes that port,
// so the background drops whatever the last card still had queued. A card prepared during the
// intent delay renders hidden from the cache alone; the show of the same link only makes it live.
let current: ReturnType<typeof createMessageCardApi> | undefined;
let prepared: { link: string; text: string } | undefined;
let shows = 0;
let settings: Settings | undefined;

function apply(push: CardPush) {
  if (push.type === 'settings') {
    settings = push.settings;
    return;
  }
  if (push.type === 'show' && current && prepared?.link === push.link && prepared.text === push.text) {
    prepared = undefined;
    marks.shownAt = String(Date.now());
    current.goLive();
    return;
  }
  current?.dispose();
  current = undefined;
  prepared = undefined;
  delete marks.paintedAt;
  delete marks.shownAt;
  if (push.type === 'hide') {
    marks.state = 'hidden';
    render(null, root);
    return;
  }
  if (push.type === 'prepare') prepared = { link: push.link, text: push.text };
  else marks.shownAt = String(Date.now());
  current = createMessageCardApi(() => settings, push.type === 'prepare');
  render(<CardApp key={++shows} api={current} link={push.link} text={push.text} via={push.via} locale={locale} />, root);
}

marks.state = 'hidden';
ignoreClicksWhileCovered(document.documentElement);
const key = cardKeyFrom(location.hash);
if (key) {
  connectCardChannel(key, apply);
  void sendMessage('getSettings', {}).then(
    (loaded) => (settings ??= loaded),
    () => {},
  );
  // Chart.js is fetched while the frame waits, so the first card's chart costs no load.
  void import('@/components/bar-chart');
}
addEventListener('pagehide', () => current?.dispose(), { once: true });
