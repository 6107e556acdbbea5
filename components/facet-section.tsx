/**
 * One facet of the report at full width: its heading, export buttons once it has data, and its
 * view (chart and table), or what it says instead while loading or when it cannot be shown.
 */
import type { ComponentChildren } from 'preact';
import { t } from '@/utils/i18n';
import type { FacetReply } from '@/utils/messaging/protocol';
import type { ExportFormat } from '@/utils/export/export-files';
import { FacetNote, FacetSkeleton } from './facet-state';
import './stats-views.css';
import './report-views.css';

interface Props<T> {
  id: string;
  title: string;
  reply: FacetReply<T> | undefined;
  now: number;
  onRetry(): void;
  /** Saves the facet in a format; the buttons show only when there is data to save. */
  onExport?(format: ExportFormat): void;
  /** Said when the plan does not include this facet (402). */
  upgradeText?: string;
  children(data: T): ComponentChildren;
}

export function FacetSection<T>({ id, title, reply, now, onRetry, onExport, upgradeText, children }: Props<T>) {
  const headingId = `${id}-heading`;
  return (
    <section class="facet-section" aria-labelledby={headingId} aria-busy={reply ? 'false' : 'true'} data-testid={id}>
      <header>
        <h2 id={headingId}>{title}</h2>
        {reply?.state === 'data' && onExport && <ExportButtons what={title} onExport={onExport} />}
      </header>
      {!reply ? <FacetSkeleton /> : reply.state === 'data' ? children(reply.data) : <FacetNote reply={reply} now={now} onRetry={onRetry} upgradeText={upgradeText} />}
    </section>
  );
}

/** "CSV" and "JSON", each labelled with what it exports for screen readers. */
export function ExportButtons({ what, onExport }: { what: string; onExport(format: ExportFormat): void }) {
  return (
    <div class="export-buttons" role="group" aria-label={t('reportExport')}>
      <button type="button" aria-label={t('reportExportCsvLabel', what)} onClick={() => onExport('csv')}>
        {t('reportExportCsv')}
      </button>
      <button type="button" aria-label={t('reportExportJsonLabel', what)} onClick={() => onExport('json')}>
        {t('reportExportJson')}
      </button>
    </div>
  );
}
