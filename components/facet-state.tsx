/**
 * What a facet's place shows while its numbers load or when they cannot be shown: shared by the
 * top lists, the report's tables and its facet sections.
 */
import { secondsUntil } from '@/utils/format/relative-age';
import { t } from '@/utils/i18n';
import type { FacetReply } from '@/utils/messaging/protocol';
import './stats-views.css';

/** Placeholder rows while a facet loads. */
export function FacetSkeleton() {
  return (
    <div aria-hidden="true">
      {[70, 55, 40].map((width) => (
        <span key={width} class="skeleton row" style={{ width: `${width}%` }} />
      ))}
    </div>
  );
}

/** One line for a facet that has no data: the plan lacks it, Bitly limits us, or it failed. */
export function FacetNote({ reply, now, onRetry }: { reply: Exclude<FacetReply<unknown>, { state: 'data' }>; now: number; onRetry(): void }) {
  switch (reply.state) {
    case 'upgrade-required':
      return <p class="note">{t('cardUpgradeRequired')}</p>;
    case 'rate-limited':
      return <p class="note">{t('cardFacetRateLimited', String(secondsUntil(reply.retryAt, now)))}</p>;
    default:
      return (
        <p class="note">
          {t('cardFacetFailed')} ·{' '}
          <button type="button" class="link-button" onClick={onRetry}>
            {t('cardRetry')}
          </button>
        </p>
      );
  }
}
