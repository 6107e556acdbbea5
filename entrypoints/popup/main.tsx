import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/theme.css';
import '@/components/stats-views.css';
import './popup.css';
import { t } from '@/utils/i18n';
import { createMessagePopupApi } from './popup-api';
import { PopupApp } from './popup-app';

document.title = t('popupTitle');
document.documentElement.lang = t('langCode');
const api = createMessagePopupApi();
render(<PopupApp api={api} locale={browser.i18n.getUILanguage()} />, document.getElementById('app')!);
// Chart.js is fetched while the popup learns about the tab, so a chart costs no load when due.
void import('@/components/bar-chart');
addEventListener('pagehide', () => api.dispose(), { once: true });
