/** The card's last line: how old the numbers are, and the brand. */
import { t } from '@/utils/i18n';
import { AgeLine } from '@/components/data-age';
import type { DataAge } from '@/components/facets-model';

interface Props {
  age: DataAge | null;
  loading: boolean;
  busy: boolean;
  retryAt: number | null;
  now: number;
  locale: string;
}

export function CardFooter(props: Props) {
  return (
    <footer class="card-foot">
      <AgeLine {...props} id="card-age" />
      <span class="brand" aria-hidden="true">
        {t('cardBrand')}
      </span>
    </footer>
  );
}
