/**
 * A link's safety preview (F2, and the popup's stats): where the link goes, host first, and what
 * deserves a second look.
 */
import { describeDestination, type DestinationHint } from '@/utils/destination/destination-hints';
import { formatDate, parseBitlyDate } from '@/utils/format/bucket-dates';
import { t } from '@/utils/i18n';
import type { LinkFacetReply } from '@/utils/messaging/protocol';
import { WarnIcon } from './icons';
import './destination-view.css';

interface Props {
  /** The element's id, for `aria-describedby`. */
  id: string;
  reply: LinkFacetReply<'destination'> | undefined;
  /** No token: lookups are impossible, so the destination is hidden. */
  noToken: boolean;
  /** A failed lookup may be retried from here (the rest of the view is working). */
  canRetry: boolean;
  /** The link's text on the page ('' when not known). */
  linkText: string;
  /** The short link's own host. */
  shortHost: string;
  locale: string;
  onRetry(): void;
}

export function DestinationSection({ id, ...props }: Props) {
  return (
    <section class="destination" id={id} aria-label={t('cardDestinationLabel')}>
      <DestinationBody {...props} />
    </section>
  );
}

function DestinationBody({ reply, noToken, canRetry, linkText, shortHost, locale, onRetry }: Omit<Props, 'id'>) {
  if (noToken) {
    return <Unknown title={t('cardDestinationHidden')} detail={t('cardDestinationNeedsToken')} />;
  }
  if (!reply) {
    return (
      <div aria-hidden="true">
        <span class="skeleton host" />
        <span class="skeleton url" />
        <div class="hints" />
      </div>
    );
  }
  if (reply.state !== 'data') {
    const retry = reply.state === 'error' || reply.state === 'cancelled';
    return (
      <Unknown
        title={t('cardDestinationUnavailable')}
        detail={
          retry && canRetry ? (
            <button type="button" class="link-button" onClick={onRetry}>
              {t('cardRetry')}
            </button>
          ) : null
        }
      />
    );
  }

  const destination = describeDestination(reply.data.long_url, { linkText, shortHost });
  const created = reply.data.created_at ? parseBitlyDate(reply.data.created_at) : Number.NaN;
  return (
    <>
      <p class="host" title={destination.host || destination.display}>
        <span class="visually-hidden">{t('cardDestinationLabel')} </span>
        <bdi class="ltr" data-testid="destination-host">
          {destination.host || destination.display}
        </bdi>
      </p>
      {destination.href ? (
        <a class="url ltr" href={destination.href} target="_blank" rel="noreferrer noopener" title={destination.display} data-testid="destination-url">
          {destination.display}
        </a>
      ) : (
        <span class="url ltr" title={destination.display} data-testid="destination-url">
          {destination.display}
        </span>
      )}
      {destination.hints.length > 0 ? (
        <ul class="hints" aria-label={t('cardHintsLabel')} data-testid="hints">
          {destination.hints.slice(0, MAX_CHIPS).map((hint) => (
            <Hint key={hint.kind} hint={hint} />
          ))}
          {destination.hints.length > MAX_CHIPS && <MoreHints hints={destination.hints.slice(MAX_CHIPS)} />}
        </ul>
      ) : (
        <p class="meta">{Number.isFinite(created) ? t('cardCreated', formatDate(created, locale)) : ''}</p>
      )}
    </>
  );
}

function Unknown({ title, detail }: { title: string; detail: preact.ComponentChildren }) {
  return (
    <>
      <p class="host unknown">{title}</p>
      <p class="url">{detail}</p>
      <div class="hints" />
    </>
  );
}

/** A hint's short label (the chip) and its explanation (tooltip and screen readers). */
export function hintText(hint: DestinationHint): { label: string; detail: string } {
  switch (hint.kind) {
    case 'userinfo':
      return { label: t('cardHintUserinfo'), detail: t('cardHintUserinfoDetail', hint.userinfo) };
    case 'text-mismatch':
      return { label: t('cardHintTextMismatch', hint.named), detail: t('cardHintTextMismatchDetail', hint.named) };
    case 'internationalised':
      return { label: t('cardHintIdn', hint.ascii), detail: t('cardHintIdnDetail', hint.ascii) };
    case 'ip-address':
      return { label: t('cardHintIp'), detail: t('cardHintIpDetail') };
    case 'not-https':
      return { label: t('cardHintNotHttps'), detail: t('cardHintNotHttpsDetail') };
    case 'not-web':
      return { label: t('cardHintNotWeb', hint.scheme), detail: t('cardHintNotWebDetail') };
    case 'shortener':
      return { label: t('cardHintShortener', hint.host), detail: t('cardHintShortenerDetail') };
    case 'hidden-characters':
      return { label: t('cardHintHidden'), detail: t('cardHintHiddenDetail') };
    case 'unreadable':
      return { label: t('cardHintUnreadable'), detail: t('cardHintUnreadableDetail') };
  }
}

/** Chips that fit the two reserved rows; the rest share one "+N" chip (hints are listed most serious first). */
export const MAX_CHIPS = 3;

function MoreHints({ hints }: { hints: DestinationHint[] }) {
  const texts = hints.map(hintText);
  const detail = texts.map((text) => `${text.label}: ${text.detail}`).join('\n');
  return (
    <li class="hint" title={detail} data-hint="more">
      <span class="label">+{hints.length}</span>
      <span class="visually-hidden">{detail}</span>
    </li>
  );
}

function Hint({ hint }: { hint: DestinationHint }) {
  const { label, detail } = hintText(hint);
  return (
    <li class="hint" title={detail} data-hint={hint.kind}>
      <WarnIcon />
      <span class="label ltr">{label}</span>
      <span class="visually-hidden">{detail}</span>
    </li>
  );
}
