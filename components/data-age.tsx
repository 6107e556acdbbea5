/** How old the numbers are ("Updated 3 minutes ago"), and whether renewing them failed. */
import { relativeAge, secondsUntil } from '@/utils/format/relative-age';
import { t } from '@/utils/i18n';
import type { DataAge } from './facets-model';

interface Props {
  age: DataAge | null;
  loading: boolean;
  busy: boolean;
  /** When a rate-limited refresh is asked again, if one is pending. */
  retryAt: number | null;
  now: number;
  locale: string;
  /** For `aria-describedby` of the refresh control. */
  id?: string;
}

export function ageText({ age, busy, retryAt, now, locale }: Omit<Props, 'loading' | 'id'>): string {
  if (!age) return '';
  const words = relativeAge(now - age.fetchedAt, locale);
  const parts = [words ? t('cardUpdated', words) : t('cardUpdatedJustNow')];
  if (retryAt !== null && age.refreshFailed) parts.push(t('cardRateLimitedShort', String(secondsUntil(retryAt, now))));
  else if (age.refreshFailed) parts.push(t('cardRefreshFailed'));
  else if (busy && age.stale) parts.push(t('cardRefreshing'));
  return parts.join(' · ');
}

export function AgeLine(props: Props) {
  const text = ageText(props);
  const warn = props.age !== null && (props.age.stale || props.age.refreshFailed);
  return (
    <span id={props.id} class={warn ? 'age stale' : 'age'} data-testid="age" data-stale={warn ? 'true' : 'false'}>
      {props.loading && !text ? <span class="skeleton age" aria-hidden="true" /> : text}
    </span>
  );
}
