import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/theme.css';
import '@/components/stats-views.css';
import './popup.css';
import { t } from '@/utils/i18n';
import { createMessagePopupApi } from './popup-api';
import { PopupApp } from './popup-app';

// For the benchmark's breakdown of the time to the first paint (scripts/bench/b7-popup.ts).
performance.mark('bitlens-popup-script');
document.title = t('popupTitle');
document.documentElement.lang = t('langCode');
const api = createMessagePopupApi();
render(<PopupApp api={api} locale={browser.i18n.getUILanguage()} />, document.getElementById('app')!);
addEventListener('pagehide', () => api.dispose(), { once: true });
