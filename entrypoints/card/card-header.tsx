/** The card's title (the short link) and its actions: copy, open the full report, open on bitly.com, refresh. */
import { t } from '@/utils/i18n';
import { LensIcon } from '@/components/icons';
import { CopyButton, OpenOnBitly, OpenReport, RefreshButton } from '@/components/link-actions';

interface Props {
  link: string;
  busy: boolean;
  canRefresh: boolean;
  onCopy(): Promise<void>;
  onRefresh(): void;
  /** Tells screen readers what happened ("Copied"). */
  announce(text: string): void;
}

export function CardHeader({ link, busy, canRefresh, onCopy, onRefresh, announce }: Props) {
  return (
    <header class="card-head">
      <LensIcon class="logo" />
      <h1 id="card-heading" title={link}>
        <span class="visually-hidden">{t('cardHeadingPrefix')} </span>
        <bdi>{link}</bdi>
      </h1>
      <CopyButton onCopy={onCopy} announce={announce} />
      <OpenReport link={link} />
      <OpenOnBitly link={link} />
      <RefreshButton busy={busy} canRefresh={canRefresh} onRefresh={onRefresh} describedBy="card-age" />
    </header>
  );
}
