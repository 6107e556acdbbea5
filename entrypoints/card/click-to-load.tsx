/**
 * What the card shows when its tab has looked up too many new links this minute: why nothing
 * was loaded, and one button that loads this link's statistics. Only a real click counts (a
 * synthetic one, `isTrusted` false, could only come from inside the card itself).
 */
import { ClockIcon } from '@/components/icons';
import { t } from '@/utils/i18n';

export function ClickToLoad({ onLoad }: { onLoad(): void }) {
  return (
    <div class="panel" data-testid="click-to-load">
      <ClockIcon class="icon" />
      <h2>{t('cardClickToLoad')}</h2>
      <p>{t('cardClickToLoadDetail')}</p>
      <button
        type="button"
        class="primary"
        onClick={(event) => {
          if (event.isTrusted) onLoad();
        }}
      >
        {t('cardClickToLoadButton')}
      </button>
    </div>
  );
}
