/**
 * A link's actions on every surface: copy the short link, open its full report, open it on
 * bitly.com, refresh its numbers.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { reportUrl } from '@/utils/report/report-url';
import { CheckIcon, CopyIcon, ExternalIcon, RefreshIcon, ReportIcon } from './icons';
import './link-actions.css';

const COPIED_FOR_MS = 2000;

/** Bitly's statistics page for a bitlink is the short link with `+` appended. */
export function bitlyStatsUrl(link: string): string {
  return `https://${link}+`;
}

interface CopyProps {
  onCopy(): Promise<void>;
  /** Tells screen readers what happened ("Copied"). */
  announce(text: string): void;
}

export function CopyButton({ onCopy, announce }: CopyProps) {
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (copy === 'idle') return;
    const timer = setTimeout(() => setCopy('idle'), COPIED_FOR_MS);
    return () => clearTimeout(timer);
  }, [copy]);

  async function copyLink() {
    try {
      await onCopy();
      setCopy('copied');
      announce(t('cardCopied'));
    } catch {
      setCopy('failed');
      announce(t('cardCopyFailed'));
    }
  }

  return (
    <button type="button" class={copy === 'copied' ? 'action done' : 'action'} onClick={copyLink} title={t('cardCopyLabel')} aria-label={t('cardCopyLabel')} data-testid="copy">
      {copy === 'copied' ? <CheckIcon /> : <CopyIcon />}
      <span aria-hidden="true">{copy === 'copied' ? t('cardCopied') : t('cardCopy')}</span>
    </button>
  );
}

export function OpenOnBitly({ link }: { link: string }) {
  return (
    <a class="action" href={bitlyStatsUrl(link)} target="_blank" rel="noreferrer noopener" title={t('cardOpenBitlyLabel')} aria-label={t('cardOpenBitlyLabel')} data-testid="open-bitly">
      <ExternalIcon />
      <span aria-hidden="true">{t('cardOpenBitly')}</span>
    </a>
  );
}

/** The link's full report (F5) in a new tab. */
export function OpenReport({ link }: { link: string }) {
  const url = reportUrl(link);
  if (url === null) return null;
  return (
    <a class="action icon-only" href={url} target="_blank" rel="noopener" title={t('cardOpenReportLabel')} aria-label={t('cardOpenReportLabel')} data-testid="open-report">
      <ReportIcon />
    </a>
  );
}

interface RefreshProps {
  busy: boolean;
  canRefresh: boolean;
  onRefresh(): void;
  /** The element saying how old the numbers are. */
  describedBy: string;
}

export function RefreshButton({ busy, canRefresh, onRefresh, describedBy }: RefreshProps) {
  return (
    <button
      type="button"
      class="action icon-only"
      onClick={() => canRefresh && !busy && onRefresh()}
      title={t('cardRefreshLabel')}
      aria-label={t('cardRefreshLabel')}
      aria-busy={busy}
      aria-disabled={!canRefresh}
      aria-describedby={describedBy}
      data-testid="refresh"
    >
      <RefreshIcon />
    </button>
  );
}
