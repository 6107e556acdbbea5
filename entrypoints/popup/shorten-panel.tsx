/**
 * "Shorten this page" (PRODUCT.md F3 step 3, when none of the account's links points to the
 * page): one click makes the link (`POST /v4/shorten`, default group and domain), shows it and
 * copies it; every refusal says what happened and what the user can do.
 */
import { useState } from 'preact/hooks';
import type { ShortenedBitlink } from '@/utils/bitly/schemas';
import { secondsUntil } from '@/utils/format/relative-age';
import { t, type MessageKey } from '@/utils/i18n';
import type { ShortenProblem } from '@/utils/messaging/protocol';
import { bitlinkIdOf } from '@/utils/bitly/link';
import { LinkIcon } from '@/components/icons';
import type { PopupApi } from './popup-api';

type State =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; link: ShortenedBitlink; created: boolean; copied: boolean }
  | { kind: 'failed'; problem: ShortenProblem; retryAt?: number };

const PROBLEM_TEXT: Record<ShortenProblem, MessageKey> = {
  'no-token': 'cardNoTokenDetail',
  'token-rejected': 'cardTokenRejectedDetail',
  'not-a-web-page': 'shortenNotWebPage',
  'already-bitly': 'shortenAlreadyBitly',
  'url-refused': 'shortenUrlRefused',
  refused: 'shortenRefused',
  'monthly-limit': 'shortenMonthlyLimit',
  'rate-limited': 'shortenRateLimited',
  unreachable: 'shortenUnreachable',
  'server-error': 'shortenServerError',
  cancelled: 'shortenServerError',
};

/** Problems that may go away by trying again. */
const RETRYABLE: ReadonlySet<ShortenProblem> = new Set(['rate-limited', 'unreachable', 'server-error', 'cancelled']);

interface Props {
  api: PopupApi;
  url: string;
  now: number;
  onOpen(link: string): void;
  onOpenOptions(): void;
  announce(text: string): void;
}

export function ShortenPanel({ api, url, now, onOpen, onOpenOptions, announce }: Props) {
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function shorten() {
    setState({ kind: 'working' });
    announce(t('shortenWorking'));
    let reply;
    try {
      reply = await api.shortenPage(url);
    } catch {
      reply = { ok: false as const, problem: 'unreachable' as const };
    }
    if (!reply.ok) {
      setState({ kind: 'failed', problem: reply.problem, retryAt: reply.retryAt });
      announce(t(PROBLEM_TEXT[reply.problem]));
      return;
    }
    const copied = await api.copyText(reply.link.link).then(
      () => true,
      () => false,
    );
    setState({ kind: 'done', link: reply.link, created: reply.created, copied });
    announce(`${reply.created ? t('shortenDone') : t('shortenExisted')} ${copied ? t('shortenCopied') : ''}`);
  }

  async function copyAgain(link: string) {
    const copied = await api.copyText(link).then(
      () => true,
      () => false,
    );
    if (state.kind === 'done') setState({ ...state, copied });
    announce(copied ? t('cardCopied') : t('cardCopyFailed'));
  }

  if (state.kind === 'done') {
    const id = bitlinkIdOf(state.link.link) ?? state.link.id;
    return (
      <div class="shorten done" data-testid="shorten-result">
        <h1 id="view-heading" tabIndex={-1}>
          {state.created ? t('shortenDone') : t('shortenExisted')}
        </h1>
        <p class="new-link">
          <output data-testid="new-link">{state.link.link}</output>
        </p>
        <p class={state.copied ? 'notice success' : 'notice error'} data-testid="copy-status">
          {state.copied ? t('shortenCopied') : t('shortenCopyFailed')}
        </p>
        <div class="buttons">
          <button type="button" onClick={() => copyAgain(state.link.link)}>
            {t('cardCopyLabel')}
          </button>
          <button type="button" class="primary" onClick={() => onOpen(id)}>
            {t('shortenSeeStats')}
          </button>
        </div>
      </div>
    );
  }

  const working = state.kind === 'working';
  const failed = state.kind === 'failed' ? state : null;
  return (
    <div class="shorten" data-testid="shorten">
      <LinkIcon class="icon" />
      <h1 id="view-heading">{t('shortenNone')}</h1>
      <p class="muted">{t('shortenExplain')}</p>
      {failed && (
        <p class="notice error" role="alert" data-testid="shorten-problem" data-problem={failed.problem}>
          {failed.problem === 'rate-limited' && failed.retryAt !== undefined
            ? t('cardRateLimited', String(secondsUntil(failed.retryAt, now)))
            : t(PROBLEM_TEXT[failed.problem])}
        </p>
      )}
      {failed && (failed.problem === 'token-rejected' || failed.problem === 'no-token') ? (
        <button type="button" class="primary" onClick={onOpenOptions}>
          {t('cardUpdateToken')}
        </button>
      ) : (
        (!failed || RETRYABLE.has(failed.problem)) && (
          <button type="button" class="primary" onClick={shorten} disabled={working} aria-busy={working} data-testid="shorten-button">
            {working ? t('shortenWorking') : failed ? t('shortenAgain') : t('shortenThisPage')}
          </button>
        )
      )}
    </div>
  );
}
