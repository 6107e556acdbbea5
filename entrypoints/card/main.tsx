import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/theme.css';
import './card.css';
import { t } from '@/utils/i18n';
import { createMessageCardApi } from './card-api';
import { CardApp } from './card-app';
import { parseCardParams } from './card-params';

const { link, text } = parseCardParams(location.hash);
document.title = t('cardFrameTitle');
document.documentElement.lang = t('langCode');
const api = createMessageCardApi();
addEventListener('pagehide', () => api.dispose(), { once: true });
render(<CardApp api={api} link={link} text={text} locale={browser.i18n.getUILanguage()} />, document.getElementById('app')!);
