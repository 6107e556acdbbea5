/**
 * The hover card's state and behaviour, apart from how it looks: which facets it asks for and
 * when (first load, pushes, settings changes, refresh, retry, the end of a rate-limit pause), and
 * what the card as a whole shows (`cardStatus`). Views subscribe to snapshots; tests drive it
 * through the fixture API.
 */
import { bitlinkIdOf } from '@/utils/bitly/link';
import type { AskerPush } from '@/utils/messaging/protocol';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/settings-schema';
import { CARD_FACETS, CARD_METRIC_FACETS, type CardFacet, type CardMetricFacet } from '@/utils/stats/facet-names';
import type { CardApi, CardReply } from './card-api';

/** How long "refreshing" shows without the push that should end it (a refresh that failed). */
export const REFRESH_PATIENCE_MS = 15_000;
/** Margin after a rate-limit pause before asking again, so the background is no longer paused. */
export const RETRY_MARGIN_MS = 150;
/** Automatic re-asks are at least this far apart, whatever time the answer names. */
export const MIN_RETRY_DELAY_MS = 1_000;

export interface FacetSlot<F extends CardFacet> {
  /** The latest answer worth showing; undefined until the first arrives. */
  reply?: CardReply<F>;
  /** A question for this facet is on its way. */
  asking: boolean;
  /** The background is refreshing the shown answer; a push follows when it lands. */
  refreshing: boolean;
}

export type Slots = { [F in CardFacet]: FacetSlot<F> };

export interface CardSnapshot {
  link: string;
  /** null until read from the background. */
  settings: Settings | null;
  /** Metric facets shown, in card order (from `settings.cardFacets`). */
  metrics: readonly CardMetricFacet[];
  slots: Slots;
}

/** What the card as a whole shows; also `document.documentElement.dataset.state`. */
export type CardStatus = 'loading' | 'data' | 'not-in-account' | 'deleted' | 'no-token' | 'token-rejected' | 'rate-limited' | 'error';

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

const EMPTY_SLOT = { asking: false, refreshing: false } as const;

/** One entry per card facet. */
const perFacet = <T>(make: () => T) => Object.fromEntries(CARD_FACETS.map((facet) => [facet, make()])) as Record<CardFacet, T>;

const emptySlots = (): Slots => perFacet(() => ({ ...EMPTY_SLOT })) as Slots;

/** `https://Bit.ly/Abc` and `bit.ly/Abc` are the same link; the hash keeps its case. */
const linkIdOf = (link: string) => bitlinkIdOf(link) ?? link;

type AnyReply = { [F in CardFacet]: CardReply<F> }[CardFacet];
const isFailure = (reply: AnyReply | undefined) =>
  reply !== undefined && (reply.state === 'error' || reply.state === 'rate-limited' || reply.state === 'cancelled' || reply.state === 'invalid-link');

export class CardModel {
  private snap: CardSnapshot;
  private readonly listeners = new Set<(snapshot: CardSnapshot) => void>();
  private readonly asked = perFacet(() => 0);
  private readonly timers = new Map<string, unknown>();
  private unsubscribe?: () => void;
  private disposed = false;

  constructor(
    private readonly api: CardApi,
    link: string,
    private readonly clock: Clock = realClock,
  ) {
    this.snap = { link: linkIdOf(link), settings: null, metrics: [], slots: emptySlots() };
  }

  get snapshot(): CardSnapshot {
    return this.snap;
  }

  subscribe(listener: (snapshot: CardSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks for the destination at once, the metrics once the settings say which. */
  start(): void {
    this.unsubscribe = this.api.subscribe((push) => this.onPush(push));
    this.ask('destination');
    this.api.getSettings().then(
      (settings) => this.applySettings(settings),
      () => this.applySettings(DEFAULT_SETTINGS),
    );
  }

  dispose(): void {
    this.disposed = true;
    this.unsubscribe?.();
    for (const handle of this.timers.values()) this.clock.clearTimeout(handle);
    this.timers.clear();
    this.listeners.clear();
  }

  /** The refresh button: fresh numbers for every metric shown; the destination only if missing. */
  refresh(): void {
    for (const facet of this.snap.metrics) this.ask(facet, true);
    if (this.snap.slots.destination.reply?.state !== 'data') this.ask('destination');
  }

  /** The Retry button: asks again for every shown facet that failed. */
  retry(): void {
    for (const facet of this.visibleFacets()) if (isFailure(this.snap.slots[facet].reply)) this.ask(facet);
  }

  /** Whether a facet is part of the card now. */
  shows(facet: string): facet is CardFacet {
    return facet === 'destination' || (this.snap.metrics as readonly string[]).includes(facet);
  }

  private visibleFacets(): CardFacet[] {
    return ['destination', ...this.snap.metrics];
  }

  private onPush(push: AskerPush) {
    if (this.disposed) return;
    if (push.type === 'settingsChanged') return this.applySettings(push.settings);
    if (push.type === 'facetUpdated' && linkIdOf(push.target) === this.snap.link && this.shows(push.facet)) {
      this.ask(push.facet);
    }
  }

  private applySettings(settings: Settings) {
    if (this.disposed) return;
    const previous = this.snap.settings;
    const windowChanged = previous !== null && (previous.unit !== settings.unit || previous.range !== settings.range);
    const metrics = CARD_METRIC_FACETS.filter((facet) => settings.cardFacets.includes(facet));
    const slots = { ...this.snap.slots };
    for (const facet of CARD_METRIC_FACETS) {
      if (metrics.includes(facet) && !windowChanged) continue;
      // Hidden, or numbers for another time window: forget them and anything still on its way.
      this.forget(facet);
      slots[facet] = { ...EMPTY_SLOT };
    }
    this.set({ ...this.snap, settings, metrics, slots });
    for (const facet of metrics) if (!slots[facet].reply && !slots[facet].asking) this.ask(facet);
  }

  private forget(facet: CardFacet) {
    this.asked[facet]++;
    this.stopTimer(`${facet}:retry`);
    this.stopTimer(`${facet}:refreshing`);
  }

  private ask<F extends CardFacet>(facet: F, refresh = false) {
    const ticket = ++this.asked[facet];
    this.stopTimer(`${facet}:retry`);
    this.patch(facet, { asking: true });
    this.api
      .askFacet({ link: this.snap.link, facet, ...(refresh ? { refresh } : {}) })
      .catch((): CardReply<F> => ({ state: 'error', reason: 'network' }))
      .then((reply) => {
        if (!this.disposed && ticket === this.asked[facet]) this.receive(facet, reply);
      });
  }

  private receive<F extends CardFacet>(facet: F, reply: CardReply<F>) {
    const previous = this.snap.slots[facet].reply;
    let shown: CardReply<F> = reply;
    if (reply.state === 'cancelled') {
      shown = previous ?? { state: 'error', reason: 'network' };
    } else if ((reply.state === 'error' || reply.state === 'rate-limited') && previous?.state === 'data') {
      // Numbers already on screen stay, with why they could not be renewed.
      const problem = reply.state === 'error' ? { state: 'error' as const, reason: reply.reason } : { state: 'rate-limited' as const, retryAt: reply.retryAt };
      shown = { ...previous, refreshing: false, problem };
    }

    const retryAt = shown.state === 'rate-limited' ? shown.retryAt : shown.state === 'data' && shown.problem?.state === 'rate-limited' ? shown.problem.retryAt : null;
    if (retryAt !== null) {
      this.startTimer(`${facet}:retry`, Math.max(MIN_RETRY_DELAY_MS, retryAt - this.clock.now() + RETRY_MARGIN_MS), () => this.ask(facet));
    }
    const refreshing = shown.state === 'data' && shown.refreshing;
    this.stopTimer(`${facet}:refreshing`);
    if (refreshing) this.startTimer(`${facet}:refreshing`, REFRESH_PATIENCE_MS, () => this.patch(facet, { refreshing: false }));
    this.patch(facet, { reply: shown, asking: false, refreshing });
  }

  private patch<F extends CardFacet>(facet: F, change: Partial<FacetSlot<F>>) {
    if (this.disposed) return;
    const slots = { ...this.snap.slots, [facet]: { ...this.snap.slots[facet], ...change } };
    this.set({ ...this.snap, slots });
  }

  private set(snapshot: CardSnapshot) {
    this.snap = snapshot;
    for (const listener of this.listeners) listener(snapshot);
  }

  private startTimer(key: string, ms: number, fn: () => void) {
    this.stopTimer(key);
    this.timers.set(
      key,
      this.clock.setTimeout(() => {
        this.timers.delete(key);
        if (!this.disposed) fn();
      }, ms),
    );
  }

  private stopTimer(key: string) {
    const handle = this.timers.get(key);
    if (handle !== undefined) this.clock.clearTimeout(handle);
    this.timers.delete(key);
  }
}

/** The facet whose answer decides the card's state: clicks, else the first metric, else the destination. */
export function headlineFacet(snapshot: CardSnapshot): CardFacet {
  return snapshot.metrics[0] ?? 'destination';
}

/** What the card as a whole shows (PRODUCT.md §5), from its facets' answers. */
export function cardStatus(snapshot: CardSnapshot): CardStatus {
  const { slots, metrics } = snapshot;
  const replies: AnyReply[] = [slots.destination.reply, ...metrics.map((facet) => slots[facet].reply)].filter((r): r is AnyReply => r !== undefined);
  const has = (state: AnyReply['state']) => replies.some((reply) => reply.state === state);
  if (has('no-token')) return 'no-token';
  if (has('token-rejected')) return 'token-rejected';
  if (has('deleted')) return 'deleted';
  if (metrics.some((facet) => slots[facet].reply?.state === 'not-in-account')) return 'not-in-account';
  if (!snapshot.settings) return 'loading';
  const headline = slots[headlineFacet(snapshot)].reply;
  switch (headline?.state) {
    case undefined:
      return 'loading';
    case 'data':
    case 'upgrade-required':
      return 'data';
    case 'rate-limited':
      return 'rate-limited';
    default:
      return 'error';
  }
}

export interface DataAge {
  /** When the oldest answer shown was fetched. */
  fetchedAt: number;
  /** Past its configured lifetime. */
  stale: boolean;
  /** A refresh of it failed (rate limit or error): the numbers are not current. */
  refreshFailed: boolean;
}

/** The age of the numbers shown (the destination's when no metric has data). */
export function dataAge(snapshot: CardSnapshot): DataAge | null {
  const fromMetrics = snapshot.metrics.map((facet) => snapshot.slots[facet].reply);
  const destination = snapshot.slots.destination.reply;
  const data = fromMetrics.filter((r) => r?.state === 'data');
  const shown = (data.length > 0 ? data : [destination].filter((r) => r?.state === 'data')) as Array<Extract<AnyReply, { state: 'data' }>>;
  if (shown.length === 0) return null;
  return {
    fetchedAt: Math.min(...shown.map((r) => r.fetchedAt)),
    stale: shown.some((r) => r.stale),
    refreshFailed: shown.some((r) => r.problem !== undefined),
  };
}

/** Something is being fetched for a shown facet: the refresh control spins. */
export function isBusy(snapshot: CardSnapshot): boolean {
  return (['destination', ...snapshot.metrics] as CardFacet[]).some((facet) => snapshot.slots[facet].asking || snapshot.slots[facet].refreshing);
}

/** The earliest automatic re-ask after a rate limit among the shown facets, or null. */
export function nextRetryAt(snapshot: CardSnapshot): number | null {
  const times = (['destination', ...snapshot.metrics] as CardFacet[]).flatMap((facet) => {
    const reply = snapshot.slots[facet].reply;
    if (reply?.state === 'rate-limited') return [reply.retryAt];
    if (reply?.state === 'data' && reply.problem?.state === 'rate-limited') return [reply.problem.retryAt];
    return [];
  });
  return times.length ? Math.min(...times) : null;
}
