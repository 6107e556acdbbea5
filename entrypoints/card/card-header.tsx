/** The card's title (the short link) and its actions: copy, open on bitly.com, refresh. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { CheckIcon, CopyIcon, ExternalIcon, LensIcon, RefreshIcon } from '@/components/icons';

interface Props {
  link: string;
  busy: boolean;
  canRefresh: boolean;
  onCopy(): Promise<void>;
  onRefresh(): void;
  /** Tells screen readers what happened ("Copied"). */
  announce(text: string): void;
}

const COPIED_FOR_MS = 2000;

/** Bitly's statistics page for a bitlink is the short link with `+` appended. */
export function bitlyStatsUrl(link: string): string {
  return `https://${link}+`;
}

export function CardHeader({ link, busy, canRefresh, onCopy, onRefresh, announce }: Props) {
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
    <header class="card-head">
      <LensIcon class="logo" />
      <h1 id="card-heading" title={link}>
        <span class="visually-hidden">{t('cardHeadingPrefix')} </span>
        <bdi>{link}</bdi>
      </h1>
      <button type="button" class={copy === 'copied' ? 'action done' : 'action'} onClick={copyLink} title={t('cardCopyLabel')} aria-label={t('cardCopyLabel')} data-testid="copy">
        {copy === 'copied' ? <CheckIcon /> : <CopyIcon />}
        <span aria-hidden="true">{copy === 'copied' ? t('cardCopied') : t('cardCopy')}</span>
      </button>
      <a class="action" href={bitlyStatsUrl(link)} target="_blank" rel="noreferrer noopener" title={t('cardOpenBitlyLabel')} aria-label={t('cardOpenBitlyLabel')}>
        <ExternalIcon />
        <span aria-hidden="true">{t('cardOpenBitly')}</span>
      </a>
      <button
        type="button"
        class="action icon-only"
        onClick={() => canRefresh && !busy && onRefresh()}
        title={t('cardRefreshLabel')}
        aria-label={t('cardRefreshLabel')}
        aria-busy={busy}
        aria-disabled={!canRefresh}
        aria-describedby="card-age"
        data-testid="refresh"
      >
        <RefreshIcon />
      </button>
    </header>
  );
}
