/**
 * "Shorten this page" (PRODUCT.md F3): `POST /v4/shorten` for a web page, in the group the
 * settings name (else the account's default group) and on that group's default short domain
 * (`GET /v4/groups/{guid}/preferences`, kept a day), as Bitly advises. Every Bitly error the user
 * can act on gets its own problem; a monthly limit is final (the client's `limit-reached`), so it
 * is neither retried nor a pause for other requests.
 */
import { isAbortError, isBitlyError } from '../bitly/errors';
import type { ShortenedBitlink } from '../bitly/schemas';
import type { StatsCache } from '../cache/stats-cache';
import type { ShortenPageRequest, ShortenProblem, ShortenReply } from '../messaging/protocol';
import { RateLimitedError } from '../scheduler/request-scheduler';
import type { ScheduledBitly } from '../scheduler/scheduled-bitly';
import type { Settings } from '../settings/settings-schema';
import { LONG_LIFETIME_MS } from '../stats/facets';
import type { Session } from '../stats/stats-service';
import { pageKey } from './page-url';

export interface ShortenPageDeps {
  cache: StatsCache;
  bitly: ScheduledBitly;
  session(): Promise<Session | null>;
  settings(): Promise<Settings>;
  /** A link was made (or already existed) for `url`. */
  onShortened?(url: string, link: ShortenedBitlink): Promise<void>;
  now?: () => number;
}

/** What the user is told for a refused shorten (Bitly's code decides where it names one). */
export function problemOf(error: unknown): { problem: ShortenProblem; retryAt?: number } {
  if (isAbortError(error)) return { problem: 'cancelled' };
  if (error instanceof RateLimitedError) return { problem: 'rate-limited', retryAt: error.retryAt };
  if (!isBitlyError(error)) return { problem: 'server-error' };
  switch (error.kind) {
    case 'limit-reached':
      return { problem: 'monthly-limit' };
    case 'token-rejected':
      return { problem: 'token-rejected' };
    case 'rate-limited':
      return { problem: 'rate-limited' };
    case 'network':
    case 'timeout':
      return { problem: 'unreachable' };
    case 'bad-request':
      if (error.code === 'ALREADY_A_BITLY_LINK') return { problem: 'already-bitly' };
      if (error.code === 'INVALID_ARG_LONG_URL') return { problem: 'url-refused' };
      return { problem: 'refused' };
    default:
      return { problem: 'server-error' };
  }
}

export function createShortenPageService(deps: ShortenPageDeps) {
  const now = deps.now ?? Date.now;

  /** The group's default short domain; undefined (Bitly's own default) when it cannot be read. */
  async function domainOf(session: Session, group: string): Promise<string | undefined> {
    const key = [session.login, group, 'domainPreference'].join('|');
    const cached = await deps.cache.get<string | null>(key);
    if (cached && now() - cached.fetchedAt < LONG_LIFETIME_MS) return cached.value ?? undefined;
    try {
      const preference = (await deps.bitly.forToken(session.token).getGroupPreferences(group, { priority: 'interactive' })).domain_preference?.toLowerCase() || null;
      await deps.cache.set(key, preference, now());
      return preference ?? undefined;
    } catch {
      return cached?.value ?? undefined;
    }
  }

  return {
    async shorten({ url }: ShortenPageRequest): Promise<ShortenReply> {
      if (pageKey(url) === null) return { ok: false, problem: 'not-a-web-page' };
      const session = await deps.session();
      if (!session) return { ok: false, problem: 'no-token' };
      const group = (await deps.settings()).defaultGroupGuid ?? session.defaultGroupGuid;
      const domain = await domainOf(session, group);
      try {
        const result = await deps.bitly.forToken(session.token).shorten({ longUrl: url, groupGuid: group, domain }, { priority: 'interactive' });
        if (deps.onShortened) await deps.onShortened(url, result.link).catch(() => {});
        return { ok: true, link: result.link, created: result.created };
      } catch (error) {
        const { problem, retryAt } = problemOf(error);
        if (problem === 'rate-limited') return { ok: false, problem, retryAt: retryAt ?? (deps.bitly.rateLimitedUntil || now() + 2_000) };
        return { ok: false, problem };
      }
    },
  };
}

export type ShortenPageService = ReturnType<typeof createShortenPageService>;
