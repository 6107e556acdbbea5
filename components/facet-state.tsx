/**
 * What a facet's place shows while its numbers load or when they cannot be shown: shared by the
 * top lists, the report's tables and its facet sections.
 */
import { secondsUntil } from '@/utils/format/relative-age';
import { t } from '@/utils/i18n';
import type { FacetReply } from '@/utils/messaging/protocol';
import './stats-views.css';

/** Placeholder rows while a facet loads (at most three). */
export function FacetSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <div aria-hidden="true">
      {[70, 55, 40].slice(0, Math.max(1, Math.min(rows, 3))).map((width) => (
        <span key={width} class="skeleton row" style={{ width: `${width}%` }} />
      ))}
    </div>
  );
}

/** One line for a facet that has no data: the plan lacks it, Bitly limits us, or it failed. */
export function FacetNote({
  reply,
  now,
  onRetry,
  upgradeText,
}: {
  reply: Exclude<FacetReply<unknown>, { state: 'data' }>;
  now: number;
  onRetry(): void;
  /** Said when the plan does not include this facet (402), instead of the general line. */
  upgradeText?: string;
}) {
  switch (reply.state) {
    case 'upgrade-required':
      return <p class="note">{upgradeText ?? t('cardUpgradeRequired')}</p>;
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
