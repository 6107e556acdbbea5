/**
 * Hover intent: a card opens only after the pointer rests on a link for the configured delay,
 * survives the trip from the link into the card, and closes shortly after the pointer has left
 * both. Pure timing logic; the DOM side calls `pointerOn` with what the pointer entered.
 */
export type PointerTarget<L> = { kind: 'link'; link: L } | { kind: 'card' } | { kind: 'elsewhere' };

export interface HoverIntentOptions<L> {
  delayMs: () => number;
  /** Time allowed to cross from the link to the card (or back) before the card closes. */
  closeGraceMs: number;
  open(link: L): void;
  close(): void;
  same(a: L, b: L): boolean;
  /**
   * Whether a link whose delay is over may open now (the user really moved on it, and it is
   * visible enough to be meant); when not, it opens once `ready(link)` is called, if the pointer
   * is still on it. Always, when left out.
   */
  mayOpen?: (link: L) => boolean;
  /** The intent delay started for this link (no card is due yet); the pointer has been on it `restedMs` already. */
  pending?(link: L, restedMs: number): void;
  /** The delay for this link was cancelled before its card opened (the pointer left, Escape…). */
  abandoned?(link: L): void;
  setTimer?: (fn: () => void, ms: number) => ReturnType<typeof setTimeout>;
  clearTimer?: (id: ReturnType<typeof setTimeout>) => void;
}

export class HoverIntent<L> {
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private pending: L | undefined;
  /** The pending link's delay is over; it waits for `mayOpen`. */
  private overdue = false;
  private shown: L | undefined;
  private readonly setTimer: NonNullable<HoverIntentOptions<L>['setTimer']>;
  private readonly clearTimer: NonNullable<HoverIntentOptions<L>['clearTimer']>;

  constructor(private readonly o: HoverIntentOptions<L>) {
    this.setTimer = o.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = o.clearTimer ?? ((id) => clearTimeout(id));
  }

  /** The link whose card is open, if any. */
  get openLink(): L | undefined {
    return this.shown;
  }

  /** The link the pointer rests on, waiting for its delay or for `mayOpen`. */
  get pendingLink(): L | undefined {
    return this.pending;
  }

  /** Nothing pending, open or closing: the pointer need not be followed. */
  get idle(): boolean {
    return this.pending === undefined && this.shown === undefined;
  }

  /**
   * `since`: when the pointer reached the target (performance.now() clock), when that was before
   * this call (the intent delay counts from then).
   */
  pointerOn(target: PointerTarget<L>, since?: number) {
    if (target.kind === 'card') {
      this.dropPending();
      this.cancelClose();
      return;
    }
    if (target.kind === 'link') {
      if (this.shown !== undefined && this.o.same(this.shown, target.link)) {
        this.dropPending();
        this.cancelClose();
        return;
      }
      if (this.pending !== undefined && this.o.same(this.pending, target.link)) return;
      this.dropPending();
      this.pending = target.link;
      const link = target.link;
      const late = since === undefined ? 0 : Math.max(0, performance.now() - since);
      this.openTimer = this.setTimer(() => this.delayOver(link), Math.max(0, this.o.delayMs() - late));
      this.o.pending?.(link, late);
      return;
    }
    // The common case on any page: the pointer moves over ordinary content with nothing pending.
    if (this.pending === undefined && this.shown === undefined) return;
    this.dropPending();
    if (this.shown !== undefined && this.closeTimer === undefined) {
      this.closeTimer = this.setTimer(() => this.closeNow(), this.o.closeGraceMs);
    }
  }

  /** `link` may open now: opens it if it is the pending link and its delay is over. */
  ready(link: L) {
    if (this.overdue && this.pending !== undefined && this.o.same(this.pending, link) && this.o.mayOpen?.(link) !== false) this.openNow(link);
  }

  private delayOver(link: L) {
    this.openTimer = undefined;
    if (this.o.mayOpen?.(link) === false) this.overdue = true;
    else this.openNow(link);
  }

  /** Opens at once (keyboard shortcut), replacing any open card. */
  openNow(link: L) {
    this.cancelOpen();
    this.cancelClose();
    this.shown = link;
    this.o.open(link);
  }

  closeNow() {
    this.dropPending();
    this.cancelClose();
    if (this.shown === undefined) return;
    this.shown = undefined;
    this.o.close();
  }

  /** Cancels the delay of a link whose card never opened. */
  private dropPending() {
    const link = this.pending;
    this.cancelOpen();
    if (link !== undefined) this.o.abandoned?.(link);
  }

  private cancelOpen() {
    if (this.openTimer !== undefined) this.clearTimer(this.openTimer);
    this.openTimer = undefined;
    this.pending = undefined;
    this.overdue = false;
  }

  private cancelClose() {
    if (this.closeTimer !== undefined) this.clearTimer(this.closeTimer);
    this.closeTimer = undefined;
  }
}
