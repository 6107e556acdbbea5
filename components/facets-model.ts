/**
 * The state behind every stats view (hover card, popup, report): a set of facets of one target
 * (a link, or the account's group), which of them show, their latest answers, and when to ask
 * again — first load, a refresh the background announces, a settings change, the refresh and
 * retry controls, the end of a rate-limit pause. Views subscribe to snapshots; tests drive a
 * model through a scripted source.
 *
 * Facets are of two kinds: `fixed` ones are asked at once and do not depend on the time window
 * (a link's destination); the others ("metrics") follow the settings' unit and range and are
 * asked, with that window, once the settings are known.
 */
import type { AskerPush, FacetReply } from '@/utils/messaging/protocol';
import { DEFAULT_SETTINGS } from '@/utils/settings/default-settings';
import type { Settings } from '@/utils/settings/settings-schema';
import { windowFor, type StatsWindow } from '@/utils/settings/time-window';

/** How long "refreshing" shows without the push that should end it (a refresh that failed). */
export const REFRESH_PATIENCE_MS = 15_000;
/** Margin after a rate-limit pause before asking again, so the background is no longer paused. */
export const RETRY_MARGIN_MS = 150;
/** Automatic re-asks are at least this far apart, whatever time the answer names. */
export const MIN_RETRY_DELAY_MS = 1_000;

/** Facet name → the data its answer carries. */
export type FacetMap = Record<string, unknown>;
export type FacetOf<M extends FacetMap> = keyof M & string;

export interface FacetSlot<T> {
  /** The latest answer worth showing; undefined until the first arrives. */
  reply?: FacetReply<T>;
  /** A question for this facet is on its way. */
  asking: boolean;
  /** The background is refreshing the shown answer; a push follows when it lands. */
  refreshing: boolean;
}

export type Slots<M extends FacetMap> = { [F in FacetOf<M>]: FacetSlot<M[F]> };

export interface FacetsSnapshot<M extends FacetMap> {
  /** What the facets are of: a bitlink id, or a group guid. */
  target: string;
  /** null until read from the background. */
  settings: Settings | null;
  /** Facets asked whatever the settings, in display order. */
  fixed: readonly FacetOf<M>[];
  /** Facets that follow the time window and are shown now, in display order. */
  metrics: readonly FacetOf<M>[];
  slots: Slots<M>;
}

/**
 * The window the metrics are asked for: the settings' unit and range, or a custom from–to range
 * (utils/stats/date-range.ts), which ends at `unitReference` when it ends before today.
 */
export type AskWindow = StatsWindow & { unitReference?: string };

/** Where a model's answers come from (messages to the background, or a test's script). */
export interface FacetsSource<M extends FacetMap> {
  /** One facet; `window` is given for the metrics. */
  ask<F extends FacetOf<M>>(facet: F, options: { refresh?: boolean; window?: AskWindow }): Promise<FacetReply<M[F]>>;
  getSettings(): Promise<Settings>;
  /** Pushes for this surface (a facet was refreshed, settings changed); returns the unsubscribe. */
  subscribe(listener: (push: AskerPush) => void): () => void;
}

export interface FacetsModelOptions<M extends FacetMap> {
  target: string;
  /** Every facet the model may show. */
  facets: readonly FacetOf<M>[];
  fixed?: readonly FacetOf<M>[];
  /** The metrics shown under these settings, in display order. */
  metricsFor(settings: Settings): readonly FacetOf<M>[];
  /** Whether a push's target is this model's (default: equal). */
  isTarget?(target: string): boolean;
  clock?: Clock;
}

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

type AnyReply = FacetReply<unknown>;
const isFailure = (reply: AnyReply | undefined) =>
  reply !== undefined && (reply.state === 'error' || reply.state === 'rate-limited' || reply.state === 'cancelled' || reply.state === 'invalid-link');

const sameWindow = (a: Settings, b: Settings) => a.unit === b.unit && a.range === b.range;
type DataReply = Extract<AnyReply, { state: 'data' }>;

export class FacetsModel<M extends FacetMap> {
  private snap: FacetsSnapshot<M>;
  private readonly listeners = new Set<(snapshot: FacetsSnapshot<M>) => void>();
  private readonly asked = new Map<string, number>();
  private readonly timers = new Map<string, unknown>();
  private readonly clock: Clock;
  private unsubscribe?: () => void;
  private disposed = false;
  /** A custom range replacing the settings' window, or null. */
  private custom: AskWindow | null = null;

  constructor(
    private readonly source: FacetsSource<M>,
    private readonly options: FacetsModelOptions<M>,
  ) {
    this.clock = options.clock ?? realClock;
    const slots = Object.fromEntries(options.facets.map((facet) => [facet, { ...EMPTY_SLOT }])) as Slots<M>;
    this.snap = { target: options.target, settings: null, fixed: options.fixed ?? [], metrics: [], slots };
  }

  get snapshot(): FacetsSnapshot<M> {
    return this.snap;
  }

  subscribe(listener: (snapshot: FacetsSnapshot<M>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks the fixed facets at once, the metrics once the settings say which and for when. */
  start(): void {
    this.unsubscribe = this.source.subscribe((push) => this.onPush(push));
    for (const facet of this.snap.fixed) this.ask(facet);
    this.source.getSettings().then(
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

  /** The refresh control: fresh numbers for every metric shown; a fixed facet only if missing. */
  refresh(): void {
    for (const facet of this.snap.metrics) this.ask(facet, true);
    for (const facet of this.snap.fixed) if (this.snap.slots[facet].reply?.state !== 'data') this.ask(facet);
  }

  /** The Retry control: asks again for every shown facet that failed. */
  retry(): void {
    for (const facet of this.visibleFacets()) if (isFailure(this.snap.slots[facet].reply)) this.ask(facet);
  }

  /**
   * Another unit or range chosen on this surface: the metrics are asked for it at once (the
   * surface also stores it with `updateSettings`, whose push then changes nothing here).
   */
  setWindow(change: Pick<Settings, 'unit' | 'range'>): void {
    const current = this.snap.settings;
    if (!current) return;
    if (this.custom !== null) {
      this.custom = null;
      if (current.unit === change.unit && current.range === change.range) return this.reaskMetrics();
    }
    if (current.unit === change.unit && current.range === change.range) return;
    this.applySettings({ ...current, ...change });
  }

  /**
   * A custom range (the report's from–to dates) instead of the settings' window, or null to go
   * back to it: every metric is asked again for it, the numbers of the old window dropped.
   */
  setCustomWindow(window: AskWindow | null): void {
    const same = window === null ? this.custom === null : this.custom !== null && window.unit === this.custom.unit && window.units === this.custom.units && window.unitReference === this.custom.unitReference;
    if (same) return;
    this.custom = window;
    if (this.snap.settings) this.reaskMetrics();
  }

  /** The window the metrics are asked for now. */
  get window(): AskWindow | null {
    return this.custom ?? (this.snap.settings ? windowFor(this.snap.settings) : null);
  }

  private reaskMetrics() {
    const slots = { ...this.snap.slots };
    for (const facet of this.snap.metrics) {
      this.forget(facet);
      slots[facet] = { ...EMPTY_SLOT };
    }
    this.set({ ...this.snap, slots });
    for (const facet of this.snap.metrics) this.ask(facet);
  }

  /** Whether a facet is part of the view now. */
  shows(facet: string): facet is FacetOf<M> {
    return (this.snap.fixed as readonly string[]).includes(facet) || (this.snap.metrics as readonly string[]).includes(facet);
  }

  private visibleFacets(): FacetOf<M>[] {
    return [...this.snap.fixed, ...this.snap.metrics];
  }

  private onPush(push: AskerPush) {
    if (this.disposed) return;
    if (push.type === 'settingsChanged') return this.applySettings(push.settings);
    const isTarget = this.options.isTarget ?? ((target: string) => target === this.snap.target);
    if (!isTarget(push.target) || !this.shows(push.facet)) return;
    if (push.type === 'facetUpdated') this.ask(push.facet);
    // The numbers on screen stay; `receive` adds why they could not be renewed.
    else if (push.type === 'facetRefreshFailed' && this.snap.slots[push.facet]?.reply?.state === 'data') this.receive(push.facet, push.problem);
  }

  private applySettings(settings: Settings) {
    if (this.disposed) return;
    const previous = this.snap.settings;
    // A custom range does not follow the settings' window.
    const windowChanged = previous !== null && this.custom === null && !sameWindow(previous, settings);
    const metrics = this.options.metricsFor(settings);
    const slots = { ...this.snap.slots };
    for (const facet of this.options.facets) {
      if (this.snap.fixed.includes(facet) || (metrics.includes(facet) && !windowChanged)) continue;
      // Hidden, or numbers for another time window: forget them and anything still on its way.
      this.forget(facet);
      slots[facet] = { ...EMPTY_SLOT };
    }
    this.set({ ...this.snap, settings, metrics, slots });
    for (const facet of metrics) if (!slots[facet].reply && !slots[facet].asking) this.ask(facet);
  }

  private forget(facet: FacetOf<M>) {
    this.asked.set(facet, (this.asked.get(facet) ?? 0) + 1);
    this.stopTimer(`${facet}:retry`);
    this.stopTimer(`${facet}:refreshing`);
  }

  private ask<F extends FacetOf<M>>(facet: F, refresh = false) {
    const ticket = (this.asked.get(facet) ?? 0) + 1;
    this.asked.set(facet, ticket);
    this.stopTimer(`${facet}:retry`);
    this.patch(facet, { asking: true });
    const window = !this.snap.fixed.includes(facet) ? (this.window ?? undefined) : undefined;
    this.source
      .ask(facet, { ...(refresh ? { refresh } : {}), ...(window ? { window } : {}) })
      .catch((): FacetReply<M[F]> => ({ state: 'error', reason: 'network' }))
      .then((reply) => {
        if (!this.disposed && ticket === this.asked.get(facet)) this.receive(facet, reply);
      });
  }

  private receive<F extends FacetOf<M>>(facet: F, reply: FacetReply<M[F]>) {
    const previous = this.snap.slots[facet].reply;
    let shown: FacetReply<M[F]> = reply;
    if (reply.state === 'cancelled') {
      shown = previous ?? { state: 'error', reason: 'network' };
    } else if ((reply.state === 'error' || reply.state === 'rate-limited') && previous?.state === 'data') {
      // Numbers already on screen stay, with why they could not be renewed.
      const problem = reply.state === 'error' ? { state: 'error' as const, reason: reply.reason } : { state: 'rate-limited' as const, retryAt: reply.retryAt };
      shown = { ...previous, refreshing: false, problem };
    }

    const retryAt = retryTimeOf(shown);
    if (retryAt !== null) {
      this.startTimer(`${facet}:retry`, Math.max(MIN_RETRY_DELAY_MS, retryAt - this.clock.now() + RETRY_MARGIN_MS), () => this.ask(facet));
    }
    const refreshing = shown.state === 'data' && shown.refreshing;
    this.stopTimer(`${facet}:refreshing`);
    if (refreshing) this.startTimer(`${facet}:refreshing`, REFRESH_PATIENCE_MS, () => this.patch(facet, { refreshing: false }));
    this.patch(facet, { reply: shown, asking: false, refreshing });
  }

  private patch<F extends FacetOf<M>>(facet: F, change: Partial<FacetSlot<M[F]>>) {
    if (this.disposed) return;
    const slots = { ...this.snap.slots, [facet]: { ...this.snap.slots[facet], ...change } };
    this.set({ ...this.snap, slots });
  }

  private set(snapshot: FacetsSnapshot<M>) {
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

/** When a rate-limited answer is asked again by itself, or null. */
function retryTimeOf(reply: AnyReply | undefined): number | null {
  if (reply?.state === 'rate-limited') return reply.retryAt;
  if (reply?.state === 'data' && reply.problem?.state === 'rate-limited') return reply.problem.retryAt;
  return null;
}

const shownFacets = <M extends FacetMap>(snapshot: FacetsSnapshot<M>): FacetOf<M>[] => [...snapshot.fixed, ...snapshot.metrics];

export interface DataAge {
  /** When the oldest answer shown was fetched. */
  fetchedAt: number;
  /** Past its configured lifetime. */
  stale: boolean;
  /** A refresh of it failed (rate limit or error): the numbers are not current. */
  refreshFailed: boolean;
}

/** The age of the numbers shown (the fixed facets' when no metric has data). */
export function dataAge<M extends FacetMap>(snapshot: FacetsSnapshot<M>): DataAge | null {
  const withData = (facets: readonly FacetOf<M>[]) =>
    facets.map((facet): AnyReply | undefined => snapshot.slots[facet].reply).filter((r): r is DataReply => r?.state === 'data');
  const fromMetrics = withData(snapshot.metrics);
  const shown = fromMetrics.length > 0 ? fromMetrics : withData(snapshot.fixed);
  if (shown.length === 0) return null;
  return {
    fetchedAt: Math.min(...shown.map((r) => r.fetchedAt)),
    stale: shown.some((r) => r.stale),
    refreshFailed: shown.some((r) => r.problem !== undefined),
  };
}

/** Something is being fetched for a shown facet: the refresh control spins. */
export function isBusy<M extends FacetMap>(snapshot: FacetsSnapshot<M>): boolean {
  return shownFacets(snapshot).some((facet) => snapshot.slots[facet].asking || snapshot.slots[facet].refreshing);
}

/** The earliest automatic re-ask after a rate limit among the shown facets, or null. */
export function nextRetryAt<M extends FacetMap>(snapshot: FacetsSnapshot<M>): number | null {
  const times = shownFacets(snapshot).flatMap((facet) => {
    const at = retryTimeOf(snapshot.slots[facet].reply);
    return at === null ? [] : [at];
  });
  return times.length ? Math.min(...times) : null;
}
