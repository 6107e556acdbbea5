import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/theme.css';
import '@/components/stats-views.css';
import { t } from '@/utils/i18n';
import { accountGroupFrom, isAccountReport, reportLinkFrom } from '@/utils/report/report-url';
import { AccountReport } from './account-report';
import { watchChartsPainted } from './paint-marks';
import { createMessageReportApi } from './report-api';
import { ReportApp } from './report-app';

document.documentElement.lang = t('langCode');
const api = createMessageReportApi();
const root = document.getElementById('app')!;

function show() {
  if (isAccountReport(location.hash)) {
    document.title = t('popupAccountHeading');
    const group = accountGroupFrom(location.hash);
    // Another group is another overview: the key remounts it with a fresh model.
    render(<AccountReport key={`account:${group ?? ''}`} api={api} group={group} locale={browser.i18n.getUILanguage()} />, root);
    return;
  }
  const link = reportLinkFrom(location.hash);
  document.title = link ? t('reportPageTitleFor', link) : t('reportPageTitle');
  // A new address is a new report: the key remounts it with a fresh model.
  render(<ReportApp key={link ?? ''} api={api} link={link} locale={browser.i18n.getUILanguage()} />, root);
}

watchChartsPainted(root);
show();
addEventListener('hashchange', show);
addEventListener('pagehide', () => api.dispose(), { once: true });
