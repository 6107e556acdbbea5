import { render } from 'preact';
import '@/components/theme.css';
import './options.css';
import { t } from '@/utils/i18n';
import { OptionsApp } from './options-app';

document.title = t('optionsTitle');
document.documentElement.lang = t('langCode');
render(<OptionsApp />, document.getElementById('app')!);
