/** What a surface's stats area says when it cannot show numbers (PRODUCT.md §5). */
import type { FailureReason } from '@/utils/messaging/protocol';
import { secondsUntil } from '@/utils/format/relative-age';
import { t, type MessageKey } from '@/utils/i18n';
import type { ComponentChildren } from 'preact';
import { AlertIcon, ChartOffIcon, ClockIcon, KeyIcon, LockIcon, TrashIcon, WarnIcon } from './icons';
import './stats-views.css';

const ERROR_DETAIL: Record<FailureReason, MessageKey> = {
  server: 'cardErrorServer',
  timeout: 'cardErrorTimeout',
  network: 'cardErrorNetwork',
  malformed: 'cardErrorMalformed',
  'bad-request': 'cardErrorBadRequest',
};

export type PanelKind =
  | { kind: 'not-in-account' }
  | { kind: 'deleted' }
  | { kind: 'no-token' }
  | { kind: 'token-rejected' }
  | { kind: 'rate-limited'; retryAt: number; retrying: boolean }
  | { kind: 'error'; reason: FailureReason; retrying: boolean }
  | { kind: 'invalid-link' }
  | { kind: 'stats-off' };

interface Props {
  panel: PanelKind;
  now: number;
  onRetry(): void;
  onOpenOptions(): void;
}

function Panel(props: { icon: ComponentChildren; title: string; detail: string; warn?: boolean; children?: ComponentChildren }) {
  return (
    <div class={props.warn ? 'panel warn' : 'panel'} data-testid="panel">
      {props.icon}
      <h2>{props.title}</h2>
      <p>{props.detail}</p>
      {props.children}
    </div>
  );
}

export function StatusPanel({ panel, now, onRetry, onOpenOptions }: Props) {
  switch (panel.kind) {
    case 'not-in-account':
      return <Panel icon={<LockIcon class="icon" />} title={t('cardNotInAccount')} detail={t('cardNotInAccountDetail')} />;
    case 'deleted':
      return <Panel icon={<TrashIcon class="icon" />} title={t('cardDeleted')} detail={t('cardDeletedDetail')} />;
    case 'no-token':
      return (
        <Panel icon={<KeyIcon class="icon" />} title={t('cardNoToken')} detail={t('cardNoTokenDetail')}>
          <button type="button" class="primary" onClick={onOpenOptions}>
            {t('cardOpenSettings')}
          </button>
        </Panel>
      );
    case 'token-rejected':
      return (
        <Panel icon={<WarnIcon class="icon" />} title={t('cardTokenRejected')} detail={t('cardTokenRejectedDetail')} warn>
          <button type="button" class="primary" onClick={onOpenOptions}>
            {t('cardUpdateToken')}
          </button>
        </Panel>
      );
    case 'rate-limited': {
      const seconds = secondsUntil(panel.retryAt, now);
      return (
        <Panel
          icon={<ClockIcon class="icon" />}
          title={panel.retrying || seconds === 0 ? t('cardRetrying') : t('cardRateLimited', String(seconds))}
          detail={t('cardRateLimitedDetail')}
          warn
        />
      );
    }
    case 'error':
      return (
        <Panel icon={<AlertIcon class="icon" />} title={t('cardError')} detail={t(ERROR_DETAIL[panel.reason])} warn>
          <button type="button" onClick={() => panel.retrying || onRetry()} aria-disabled={panel.retrying} aria-busy={panel.retrying}>
            {panel.retrying ? t('cardRetrying') : t('cardRetry')}
          </button>
        </Panel>
      );
    case 'invalid-link':
      return <Panel icon={<AlertIcon class="icon" />} title={t('cardInvalidLink')} detail={t('cardInvalidLinkDetail')} />;
    case 'stats-off':
      return (
        <Panel icon={<ChartOffIcon class="icon" />} title={t('cardStatsOff')} detail={t('cardStatsOffDetail')}>
          <button type="button" onClick={onOpenOptions}>
            {t('cardOpenSettings')}
          </button>
        </Panel>
      );
  }
}
