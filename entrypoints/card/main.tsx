import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/theme.css';
import './card.css';
import { t } from '@/utils/i18n';
import { createMessageCardApi } from './card-api';
import { CardApp } from './card-app';
import { parseCardParams } from './card-params';

document.title = t('cardFrameTitle');
document.documentElement.lang = t('langCode');

function start() {
  const { link, text } = parseCardParams(location.hash);
  const api = createMessageCardApi();
  addEventListener('pagehide', () => api.dispose(), { once: true });
  render(<CardApp api={api} link={link} text={text} locale={browser.i18n.getUILanguage()} />, document.getElementById('app')!);
}

if (parseCardParams(location.hash).wait) {
  // Loaded during the hover intent delay: no message, no port and no Bitly request until the
  // content script shows the card (a pointer that moves on costs nothing but this page load).
  void import('./bar-chart');
  const go = () => {
    if (parseCardParams(location.hash).wait) return;
    removeEventListener('hashchange', go);
    start();
  };
  addEventListener('hashchange', go);
} else {
  start();
}
