/** The link's title, creation date and tags (the `info` facet, `GET /v4/bitlinks/{bitlink}`). */
import { FacetSkeleton } from '@/components/facet-state';
import { formatDate, parseBitlyDate } from '@/utils/format/bucket-dates';
import { t } from '@/utils/i18n';
import type { LinkFacetReply } from '@/utils/messaging/protocol';

export function LinkDetails({ reply, locale }: { reply: LinkFacetReply<'info'> | undefined; locale: string }) {
  if (!reply) return <FacetSkeleton rows={2} />;
  if (reply.state !== 'data') return null;
  const { title, created_at: created, tags } = reply.data;
  const createdMs = created ? parseBitlyDate(created) : Number.NaN;
  return (
    <dl class="link-details" data-testid="link-details">
      <div>
        <dt>{t('reportLinkTitle')}</dt>
        <dd data-testid="link-title">{title ? <bdi>{title}</bdi> : <span class="muted">{t('reportNone')}</span>}</dd>
      </div>
      <div>
        <dt>{t('reportLinkCreated')}</dt>
        <dd data-testid="link-created">{Number.isFinite(createdMs) ? formatDate(createdMs, locale) : <span class="muted">{t('reportNone')}</span>}</dd>
      </div>
      <div>
        <dt>{t('reportLinkTags')}</dt>
        <dd data-testid="link-tags">
          {tags && tags.length > 0 ? (
            <ul class="tags">
              {tags.map((tag) => (
                <li key={tag}>
                  <bdi>{tag}</bdi>
                </li>
              ))}
            </ul>
          ) : (
            <span class="muted">{t('reportNone')}</span>
          )}
        </dd>
      </div>
    </dl>
  );
}
