/**
 * The one service every surface asks for numbers: it answers from the cache when it can, fetches
 * through the scheduler when it must, and turns every failure into the answer PRODUCT.md §5
 * prescribes (failure-reply.ts; a 403 on a link is decided by token-verdict.ts). The token is
 * read per request and never leaves this module except to the scheduled client.
 */
import { parseBitlink } from '../bitly/link';
import { isBitlyError } from '../bitly/errors';
import type { FacetQuery } from '../bitly/client';
import type { StatsCache } from '../cache/stats-cache';
import type { Priority } from '../scheduler/priorities';
import type { ScheduledBitly } from '../scheduler/scheduled-bitly';
import { unitsFor, type Settings } from '../settings/settings';
import type { AccountFacetRequest, AskerPush, FacetReply, GroupsReply, GroupsRequest, LinkFacetRequest, Replies } from '../messaging/protocol';
import { ACCOUNT_GROUPS, GROUPS_FACET } from './account-groups';
import { ORGANIZATION_FACETS } from './facet-names';
import { ACCOUNT_FACETS, LINK_FACETS, LONG_LIFETIME_MS, type FacetDef } from './facets';
import { failureReplyOf } from './failure-reply';
import type { PlanGates } from './plan-gates';
import { createTokenVerdict, isForbiddenOnLink } from './token-verdict';

export interface Session {
  token: string;
  login: string;
  defaultGroupGuid: string;
  organizationGuid: string | null;
}

export interface StatsServiceDeps {
  cache: StatsCache;
  /** The one path to Bitly (every call through the scheduler). */
  bitly: ScheduledBitly;
  session(): Promise<Session | null>;
  settings(): Promise<Settings>;
  planGates: PlanGates;
  askers: { signal(askerId?: string): AbortSignal | undefined; push(askerId: string, message: AskerPush): void };
  /** Told the branded hosts each time they are read, not when the read failed (the context menu follows them). */
  onBrandedHosts?(hosts: string[]): void;
  now?: () => number;
}

/** What the cache keeps: the data, or a lasting "no" that is as worth remembering. */
type Stored<T> = { data: T } | { refused: 'not-in-account' | 'deleted' };

type AnyFacetDef = FacetDef<string, unknown>;
type Reply = FacetReply<unknown>;

/**
 * How a request is answered: refresh and asker as asked, and, for a hover card's lookups, the
 * tab's budget of new links (`admit` says whether the link may be asked of Bitly now).
 */
type AnswerOptions = Pick<LinkFacetRequest, 'refresh' | 'askerId' | 'priority' | 'cacheOnly'> & { admit?: (target: string) => boolean };

interface Job {
  key: string;
  def: AnyFacetDef;
  target: string;
  query: FacetQuery;
  session: Session;
  facet: string;
}

const BRANDED_HOSTS_FACET: AnyFacetDef = {
  fetch: async (client, _target, _q, o) => (await client.getBsds(o)).bsds,
  windowed: false,
  lifetime: 'long',
};


/** When a rate limit met outside the scheduler's pause is guessed to end. */
const RATE_LIMIT_GUESS_MS = 2_000;

export function createStatsService(deps: StatsServiceDeps) {
  const now = deps.now ?? Date.now;
  /** Askers to tell when a refresh of a cache key lands. */
  const watchers = new Map<string, Set<string>>();
  /**
   * Destination answers being worked out, by cache key. A metric 403's verdict joins the hover's
   * own instead of asking again: between Bitly's 403 on the expand and that answer remembering
   * the rejected token, a second expand would otherwise go out.
   */
  const pendingDestinations = new Map<string, Promise<Reply>>();
  const verdict = createTokenVerdict({
    now,
    // The hover waits for this answer: it goes first, and waits out a short rate-limit pause.
    checkUser: (token) => deps.bitly.forToken(token).getUser({ priority: 'interactive' }),
  });

  /** A 403 on a link: "not in your account" (remembered like any answer) or "token rejected". */
  async function forbidden(job: Job, settings: Settings): Promise<Reply> {
    const destination =
      job.facet === 'destination'
        ? undefined
        : () => {
            const base = { def: LINK_FACETS.destination as AnyFacetDef, target: job.target, query: windowOf({}, settings), session: job.session, facet: 'destination' };
            const key = keyOf(base);
            return pendingDestinations.get(key) ?? answer({ ...base, key }, { priority: 'interactive' }, settings);
          };
    if (!(await verdict.accepted(job.session.token, destination))) return { state: 'token-rejected' };
    await deps.cache.set(job.key, { refused: 'not-in-account' } satisfies Stored<unknown>, now());
    return { state: 'not-in-account' };
  }

  function windowOf(
    request: Pick<LinkFacetRequest, 'unit' | 'units' | 'unitReference' | 'size'>,
    settings: Settings,
  ): FacetQuery {
    const unit = request.unit ?? settings.unit;
    return {
      unit,
      units: request.units ?? unitsFor(settings.range, unit === 'minute' ? 'hour' : unit),
      unitReference: request.unitReference,
      size: request.size,
    };
  }

  function keyOf(job: Omit<Job, 'key'>): string {
    const window = job.def.windowed
      ? [job.query.unit, job.query.units, job.query.unitReference ?? '', job.query.size ?? '']
      : [];
    return [job.session.login, job.target, job.facet, ...window].join('|');
  }

  function lifetimeOf(def: AnyFacetDef, settings: Settings): number {
    return def.lifetime === 'long' ? LONG_LIFETIME_MS : settings.cacheLifetimeMinutes * 60_000;
  }

  /** Fetches through the scheduler and stores the answer (data or a lasting refusal). */
  async function fetchAndStore(job: Job, priority: Priority | undefined, signal?: AbortSignal): Promise<Stored<unknown>> {
    let stored: Stored<unknown>;
    try {
      stored = { data: await job.def.fetch(deps.bitly.forToken(job.session.token), job.target, job.query, { priority, signal }) };
    } catch (error) {
      // A 403 on a link is left to the token verdict.
      if (!isBitlyError(error) || (error.kind !== 'not-in-account' && error.kind !== 'gone') || isForbiddenOnLink(error)) throw error;
      stored = { refused: error.kind === 'gone' ? 'deleted' : 'not-in-account' };
    }
    await deps.cache.set(job.key, stored, now());
    return stored;
  }

  async function failureReply(error: unknown, job: Job): Promise<Reply> {
    const reply = failureReplyOf(error, deps.bitly.rateLimitedUntil || now() + RATE_LIMIT_GUESS_MS);
    // Remembered, so the 403s of the same hover need neither another expand nor /v4/user.
    if (reply.state === 'token-rejected') verdict.rememberRejected(job.session.token);
    if (reply.state === 'upgrade-required') await deps.planGates.remember(job.session.login, job.facet);
    return reply;
  }

  function replyOf(stored: Stored<unknown>, fetchedAt: number, stale: boolean, refreshing: boolean): Reply {
    if ('refused' in stored) return { state: stored.refused };
    return { state: 'data', data: stored.data, fetchedAt, stale, refreshing };
  }

  /** Refreshes a cached answer in the background (once per key) and tells the waiting askers. */
  function refreshInBackground(job: Job, askerId: string | undefined, settings: Settings) {
    const running = watchers.get(job.key);
    if (running) {
      if (askerId) running.add(askerId);
      return;
    }
    const waiting = new Set(askerId ? [askerId] : []);
    watchers.set(job.key, waiting);
    const announce = () => {
      for (const id of waiting) deps.askers.push(id, { type: 'facetUpdated', target: job.target, facet: job.facet });
    };
    fetchAndStore(job, 'normal')
      .then(announce, async (error: unknown) => {
        if (isForbiddenOnLink(error)) {
          if ((await forbidden(job, settings)).state === 'not-in-account') announce();
          return;
        }
        const reply = await failureReply(error, job);
        const problem = reply.state === 'error' ? { state: 'error' as const, reason: reply.reason } : reply.state === 'rate-limited' ? { state: 'rate-limited' as const, retryAt: reply.retryAt } : null;
        if (problem) for (const id of waiting) deps.askers.push(id, { type: 'facetRefreshFailed', target: job.target, facet: job.facet, problem });
      })
      .catch(() => {})
      .finally(() => watchers.delete(job.key));
  }

  function answer(job: Job, request: AnswerOptions, settings: Settings): Promise<Reply> {
    if (job.facet !== 'destination' || request.cacheOnly) return answerNow(job, request, settings);
    const reply = answerNow(job, request, settings).finally(() => {
      if (pendingDestinations.get(job.key) === reply) pendingDestinations.delete(job.key);
    });
    pendingDestinations.set(job.key, reply);
    return reply;
  }

  async function answerNow(job: Job, request: AnswerOptions, settings: Settings): Promise<Reply> {
    if (await deps.planGates.has(job.session.login, job.facet)) return { state: 'upgrade-required' };
    const cached = await deps.cache.get<Stored<unknown>>(job.key);
    // A prepared hover card: what the cache holds, as it is; nothing goes to Bitly.
    if (request.cacheOnly) return cached ? replyOf(cached.value, cached.fetchedAt, now() - cached.fetchedAt >= lifetimeOf(job.def, settings), false) : { state: 'not-cached' };
    if (cached) {
      const age = now() - cached.fetchedAt;
      const fresh = age < lifetimeOf(job.def, settings);
      if (fresh && !request.refresh) return replyOf(cached.value, cached.fetchedAt, false, false);
      refreshInBackground(job, request.askerId, settings);
      return replyOf(cached.value, cached.fetchedAt, !fresh, true);
    }
    // Only a lookup that needs Bitly counts against the tab's budget.
    if (request.admit && !request.admit(job.target)) return { state: 'click-to-load' };
    try {
      const stored = await fetchAndStore(job, request.priority, deps.askers.signal(request.askerId));
      return replyOf(stored, now(), false, false);
    } catch (error) {
      if (isForbiddenOnLink(error)) return forbidden(job, settings);
      return failureReply(error, job);
    }
  }

  /** The account's branded hosts; none when signed out; null when Bitly could not say. */
  async function readBrandedHosts(known?: Session, cacheOnly?: boolean): Promise<string[] | null> {
    const session = known ?? (await deps.session());
    if (!session) return [];
    const base = { def: BRANDED_HOSTS_FACET, target: 'bsds', query: { unit: 'day' as const, units: -1 }, session, facet: 'bsds' };
    const reply = await answer({ ...base, key: keyOf(base) }, cacheOnly ? { cacheOnly } : {}, await deps.settings());
    return reply.state === 'data' ? (reply.data as string[]).map((host) => host.toLowerCase()) : null;
  }

  async function brandedHostSet(session: Session, cacheOnly?: boolean): Promise<ReadonlySet<string>> {
    return new Set(cacheOnly ? ((await readBrandedHosts(session, true)) ?? []) : await service.getBrandedHosts(session));
  }

  const service = {
    /** `admit`: the asking hover card's tab budget (lookup-budget.ts); other surfaces have none. */
    async getLinkFacet(request: LinkFacetRequest, admit?: (target: string) => boolean): Promise<Replies['getLinkFacet']> {
      const session = await deps.session();
      // Bitly's own hosts need no lookup; only other hosts are checked against the branded list.
      const ref = parseBitlink(request.link) ?? (session ? parseBitlink(request.link, await brandedHostSet(session, request.cacheOnly)) : null);
      if (!ref) return { state: 'invalid-link' };
      if (!session) return { state: 'no-token' };
      const settings = await deps.settings();
      const def: AnyFacetDef = LINK_FACETS[request.facet];
      const base = { def, target: ref.id, query: windowOf(request, settings), session, facet: request.facet };
      // The facet table guarantees the data's type for the facet asked for.
      return answer({ ...base, key: keyOf(base) }, { ...request, admit }, settings) as Promise<Replies['getLinkFacet']>;
    },

    async getAccountFacet(request: AccountFacetRequest): Promise<Replies['getAccountFacet']> {
      const session = await deps.session();
      if (!session) return { state: 'no-token' };
      const settings = await deps.settings();
      const def: AnyFacetDef = ACCOUNT_FACETS[request.facet];
      const target =
        request.guid ??
        ((ORGANIZATION_FACETS as readonly string[]).includes(request.facet) ? session.organizationGuid : settings.defaultGroupGuid ?? session.defaultGroupGuid);
      if (!target) return { state: 'error', reason: 'bad-request' };
      const base = { def, target, query: windowOf(request, settings), session, facet: request.facet };
      return answer({ ...base, key: keyOf(base) }, request, settings) as Promise<Replies['getAccountFacet']>;
    },

    /**
     * The account's groups, cached like its facets: a page in view asks (normal priority), and a
     * cached list answers at once, renewed in the background when stale or asked to refresh.
     */
    async getGroups(request: GroupsRequest): Promise<GroupsReply> {
      const session = await deps.session();
      if (!session) return { state: 'no-token' };
      const base = { def: ACCOUNT_GROUPS as AnyFacetDef, target: GROUPS_FACET, query: { unit: 'day' as const, units: -1 }, session, facet: GROUPS_FACET };
      return answer({ ...base, key: keyOf(base) }, { ...request, priority: 'normal' }, await deps.settings()) as Promise<GroupsReply>;
    },

    /** The account's branded short domains, kept a day; an empty list when they cannot be read. */
    async getBrandedHosts(known?: Session): Promise<string[]> {
      const hosts = await readBrandedHosts(known);
      if (hosts) deps.onBrandedHosts?.(hosts);
      return hosts ?? [];
    },
  };
  return service;
}

export type StatsService = ReturnType<typeof createStatsService>;
