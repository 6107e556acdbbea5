/**
 * The one message protocol between Bitlens' contexts. Every request is declared here once, as
 * a valibot schema (the source of its type and of the background's runtime check), together
 * with its reply type and the contexts allowed to send it.
 */
import * as v from 'valibot';
import { LINK_WRAPPERS, type LinkWrapperName, type WrappedBitlink } from '../bitly/wrapped-link';
import type { Bitlink, Group, ShortenedBitlink } from '../bitly/schemas';
import { CARD_KEY_PATTERN, MAX_LINK_TEXT } from '../card-frame-contract';
import { MAX_PAGE_URL } from '../links/page-url';
import { PRIORITIES } from '../scheduler/priorities';
import { SettingsPatchSchema, type Settings } from '../settings/settings-schema';
import { MAX_FACETS_PER_MESSAGE } from './protocol-constants';
import { ACCOUNT_FACET_NAMES, LINK_FACET_NAMES, type AccountFacet, type AccountFacetData, type LinkFacet, type LinkFacetData } from '../stats/facet-names';

export { CARD_PORT_PREFIX } from '../card-frame-contract';
export { ASKER_PORT_PREFIX, isPortRejection, MAX_FACETS_PER_MESSAGE, perLinkFacetsMessage, PORT_REJECTED } from './protocol-constants';

/** Who sent a message, as the background sees it. */
export type SenderKind = 'extension-page' | 'content-script';

const empty = v.strictObject({});

/** The random key that pairs a content script's card frame with its card port. */
const cardKey = v.pipe(v.string(), v.regex(CARD_KEY_PATTERN));


/** The time window and asker of a stats request, shared by link and account facets. */
const statsRequest = {
  unit: v.optional(v.picklist(['minute', 'hour', 'day', 'week', 'month'])),
  units: v.optional(v.pipe(v.number(), v.integer(), v.minValue(-1), v.maxValue(100_000), v.notValue(0))),
  unitReference: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/))),
  size: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
  /** Who is waiting; the background drops queued work when that asker's port closes. */
  askerId: v.optional(v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/))),
  priority: v.optional(v.picklist(PRIORITIES)),
  /** The user asked to refresh: skip a fresh cached answer. */
  refresh: v.optional(v.boolean()),
};

const linkFacetRequest = v.strictObject({
  /** A short link as found on a page (href) or its `domain/hash` id; the background parses it. */
  link: v.pipe(v.string(), v.maxLength(2048)),
  facet: v.picklist(LINK_FACET_NAMES),
  ...statsRequest,
  /**
   * The hover card's user clicked "load statistics" after a `click-to-load` reply: this lookup
   * is let through the tab's cap. Only the card page's real click sends it.
   */
  clicked: v.optional(v.literal(true)),
  /**
   * Answer from the cache alone: nothing goes to Bitly (no fetch, no background refresh), and a
   * facet not cached is answered `not-cached`. A hover card prepared during the intent delay asks
   * this way, so a pointer that passes over a link costs no API call (PRODUCT.md F2).
   */
  cacheOnly: v.optional(v.boolean()),
});


/** How a link behind a known link wrapper was found (utils/bitly/wrapped-link.ts). */
const wrappedVia = v.strictObject({
  wrapper: v.picklist(LINK_WRAPPERS.map((w) => w.name) as [LinkWrapperName, ...LinkWrapperName[]]),
  found: v.picklist(['param', 'text'] as const),
});
export type WrappedVia = v.InferOutput<typeof wrappedVia>;

export const requestSchemas = {
  getAccount: empty,
  saveToken: v.strictObject({ token: v.pipe(v.string(), v.maxLength(4096)) }),
  signOut: empty,
  getLinkFacet: linkFacetRequest,
  /**
   * Several link facets in one message (the popup asks a view's facets together, so their answers
   * arrive, and are drawn, together); answered in the order asked.
   */
  getLinkFacets: v.strictObject({ requests: v.pipe(v.array(linkFacetRequest), v.minLength(1), v.maxLength(MAX_FACETS_PER_MESSAGE)) }),
  getAccountFacet: v.strictObject({
    facet: v.picklist(ACCOUNT_FACET_NAMES),
    /** Group (or organization) guid; defaults to the account's default group and its organization. */
    guid: v.optional(v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/))),
    ...statsRequest,
  }),
  getBrandedHosts: empty,
  /** The content script's view of the settings for its page, asked once on first use. */
  getContentConfig: empty,
  /** The hover card asks to be closed (Escape, a close button); relayed to its tab's content script. */
  closeCard: v.strictObject({ refocusLink: v.boolean() }),
  /**
   * The content script shows its card frame for a link the user reached (trusted hover or
   * shortcut); relayed to that frame's card port. Only this starts a card's lookups.
   */
  showCard: v.strictObject({
    key: cardKey,
    /** The bitlink id; the background parses it again before asking Bitly. */
    link: v.pipe(v.string(), v.maxLength(2048)),
    /** The link's visible text on the page (for the "text names another domain" hint). */
    text: v.pipe(v.string(), v.maxLength(MAX_LINK_TEXT)),
    /** For a link behind a known wrapper: which, and how its Bitly link was found. */
    via: v.optional(wrappedVia),
  }),
  /**
   * The pointer rests on a Bitly link and the intent delay runs: the card frame renders the link
   * hidden from the cache alone (`cacheOnly`), so that when the delay ends only showing it is left.
   * Relayed like `showCard`; a `hideCard` drops it.
   */
  prepareCard: v.strictObject({
    key: cardKey,
    link: v.pipe(v.string(), v.maxLength(2048)),
    text: v.pipe(v.string(), v.maxLength(MAX_LINK_TEXT)),
    via: v.optional(wrappedVia),
  }),
  /** The content script hid its card frame: the card drops its link and its queued requests. */
  hideCard: v.strictObject({ key: cardKey }),
  /**
   * The account's groups (the settings' group choice, the overview's group picker): cached like
   * the stats, so a surface paints them without waiting for Bitly; `refresh` renews a fresh list.
   */
  getGroups: v.strictObject({ askerId: statsRequest.askerId, refresh: statsRequest.refresh }),
  /** The account's links to a page (the popup): the default group's bitlinks searched by its URL. */
  findLinksToPage: v.strictObject({
    url: v.pipe(v.string(), v.maxLength(MAX_PAGE_URL)),
    askerId: statsRequest.askerId,
    refresh: statsRequest.refresh,
  }),
  /** "Shorten this page" (the popup): a new link in the default group, on its default domain. */
  shortenPage: v.strictObject({ url: v.pipe(v.string(), v.maxLength(MAX_PAGE_URL)) }),
  getSettings: empty,
  updateSettings: SettingsPatchSchema,
  clearCache: empty,
} as const;

export type MessageType = keyof typeof requestSchemas;
export type RequestOf<T extends MessageType> = v.InferOutput<(typeof requestSchemas)[T]>;

/** Contexts allowed to send each message. Token handling is for extension pages only. */
export const allowedSenders: { readonly [T in MessageType]: readonly SenderKind[] } = {
  getAccount: ['extension-page'],
  saveToken: ['extension-page'],
  signOut: ['extension-page'],
  getLinkFacet: ['extension-page'],
  getLinkFacets: ['extension-page'],
  getAccountFacet: ['extension-page'],
  getBrandedHosts: ['extension-page', 'content-script'],
  getContentConfig: ['content-script'],
  closeCard: ['extension-page'],
  showCard: ['content-script'],
  prepareCard: ['content-script'],
  hideCard: ['content-script'],
  getGroups: ['extension-page'],
  findLinksToPage: ['extension-page'],
  shortenPage: ['extension-page'],
  getSettings: ['extension-page'],
  updateSettings: ['extension-page'],
  clearCache: ['extension-page'],
};

export interface AccountSummary {
  login: string;
  name: string | null;
  defaultGroup: { guid: string; name: string | null };
  organization: { guid: string; name: string; tierName: string } | null;
}

export type AccountState =
  | { signedIn: false }
  | { signedIn: true; account: AccountSummary };

/** Why a token could not be saved; each has its own message on the options page. */
export type TokenProblem = 'empty' | 'token-rejected' | 'unreachable' | 'rate-limited' | 'server-error';

export type SaveTokenReply =
  | { ok: true; account: AccountSummary }
  | { ok: false; problem: TokenProblem };

/** Why an answer could not be fetched, when it can be retried. */
export type FailureReason = 'server' | 'timeout' | 'network' | 'malformed' | 'bad-request';
/** Why numbers already shown could not be renewed: they stay, with this said next to their age. */
export type RefreshProblem = { state: 'rate-limited'; retryAt: number } | { state: 'error'; reason: FailureReason };

/**
 * What a surface must show for a stats request (PRODUCT.md §5). Stale data comes with its age
 * and, when the refresh failed, why.
 */
export type FacetReply<T> =
  | {
      state: 'data';
      data: T;
      fetchedAt: number;
      stale: boolean;
      /** A refresh runs; a `facetUpdated` (or `facetRefreshFailed`) push follows on the asker's port. */
      refreshing: boolean;
      problem?: RefreshProblem;
    }
  | { state: 'no-token' }
  | { state: 'invalid-link' }
  | { state: 'token-rejected' }
  | { state: 'not-in-account' }
  | { state: 'deleted' }
  | { state: 'upgrade-required' }
  | { state: 'rate-limited'; retryAt: number }
  | { state: 'error'; reason: FailureReason }
  /** The asker went away before the request started. */
  | { state: 'cancelled' }
  /**
   * A hover card's tab has looked up too many new links this minute (utils/stats/lookup-budget.ts):
   * nothing was asked; the card asks the user to click, then asks again with `clicked`.
   */
  | { state: 'click-to-load' }
  /** Only for a `cacheOnly` request: nothing cached, and nothing was asked of Bitly. */
  | { state: 'not-cached' };

export type LinkFacetReply<F extends LinkFacet> = FacetReply<LinkFacetData<F>>;
export type AccountFacetReply<F extends AccountFacet> = FacetReply<AccountFacetData<F>>;

/**
 * What the content script needs to decide whether and when to show a card on its page: only its
 * own page's on/off (utils/settings/page-config.ts), never the list of disabled sites.
 */
export interface ContentConfig {
  /** Hover cards on for this page: the setting, and the page's site not disabled. */
  enabled: boolean;
  hoverDelayMs: number;
  /** The account's branded short domains, lower-case. */
  brandedHosts: string[];
  /**
   * The card frame's accessible name in the browser's language, so the content script needs no
   * `chrome.i18n` binding of its own (one API fewer set up in every page that gets a card).
   */
  cardFrameTitle: string;
}

/**
 * Messages the background sends to a tab's content script (`tabs.sendMessage`, top frame).
 * Tagged with `bitlensPush` so the content script can tell them from anything else.
 */
export type ContentPush =
  /** Settings or branded domains changed: the content script asks `getContentConfig` again (for its own page). */
  | { bitlensPush: 'configChanged' }
  | { bitlensPush: 'closeCard'; refocusLink: boolean };

/** The account's groups, as the group choices list them. */
export type GroupList = Array<Pick<Group, 'guid' | 'name'>>;
/** Cached like a facet (`facetUpdated`/`facetRefreshFailed` pushes name target and facet `groups`). */
export type GroupsReply = FacetReply<GroupList>;
export type GroupsRequest = RequestOf<'getGroups'>;

/** The account's links whose destination is the page asked about (newest first, as Bitly lists them). */
export interface LinksToPage {
  links: Bitlink[];
}
export type LinksToPageReply = FacetReply<LinksToPage>;

/** Why a page could not be shortened; each has its own message in the popup. */
export type ShortenProblem =
  | 'no-token'
  | 'token-rejected'
  | 'not-a-web-page'
  /** Bitly refuses to shorten one of its own links (400 ALREADY_A_BITLY_LINK). */
  | 'already-bitly'
  /** Bitly refuses this address (400 INVALID_ARG_LONG_URL). */
  | 'url-refused'
  /** Any other refusal (another INVALID_ARG_*, 417 DNS_CONFIGURATION_ERROR…). */
  | 'refused'
  /** The plan's monthly link allowance is used up (429 MONTHLY_LIMIT_EXCEEDED and its kin). */
  | 'monthly-limit'
  | 'rate-limited'
  | 'unreachable'
  | 'server-error'
  | 'cancelled';

export type ShortenReply =
  | { ok: true; link: ShortenedBitlink; /** false: the account already had this link (200). */ created: boolean }
  | { ok: false; problem: ShortenProblem; retryAt?: number };

export type LinkFacetRequest = RequestOf<'getLinkFacet'>;
export type LinksToPageRequest = RequestOf<'findLinksToPage'>;
export type ShortenPageRequest = RequestOf<'shortenPage'>;
export type AccountFacetRequest = RequestOf<'getAccountFacet'>;

export interface Replies {
  getAccount: AccountState;
  saveToken: SaveTokenReply;
  signOut: AccountState;
  getLinkFacet: LinkFacetReply<LinkFacet>;
  getLinkFacets: Array<LinkFacetReply<LinkFacet>>;
  getAccountFacet: AccountFacetReply<AccountFacet>;
  getBrandedHosts: string[];
  getContentConfig: ContentConfig;
  closeCard: null;
  showCard: null;
  prepareCard: null;
  hideCard: null;
  getGroups: GroupsReply;
  findLinksToPage: LinksToPageReply;
  shortenPage: ShortenReply;
  getSettings: Settings;
  updateSettings: Settings;
  clearCache: null;
}

/**
 * Messages the background pushes on an asker's port (`ASKER_PORT_PREFIX` + askerId). A facet of a
 * link (`target` is its `domain/hash` id) or of a group/organization (its guid) was refreshed.
 */
export type AskerPush =
  | { type: 'facetUpdated'; target: string; facet: string }
  /** A refresh of a cached facet failed: the cached numbers stay, and the surface says why (PRODUCT.md §5). */
  | { type: 'facetRefreshFailed'; target: string; facet: string; problem: RefreshProblem }
  /** Settings changed (in the options page or another window): surfaces apply them at once. */
  | { type: 'settingsChanged'; settings: Settings };


/**
 * What the extension asks a tab's content script with `tabs.sendMessage`, once that script is
 * active: the page's address and its Bitly links (the popup, top frame), or only those of the
 * links whose resolved address is `href` (the context menu, for a `t.co` link whose text only the
 * page can read). Tagged with `bitlensPage`; a type only, so the content script stays free of the
 * validator.
 */
export interface PageRequest {
  bitlensPage: 'links';
  href?: string;
}

/** The content script's answer to a `PageRequest`. */
export interface PageLinks {
  /** The page's address as the page sees it (`location.href`). */
  url: string;
  /** The page's own address as a bitlink id, when it is one (a Bitly or one of the account's branded hosts). */
  ownLink?: string;
  /**
   * Distinct Bitly links in page order (by link id, first text kept), at most the content
   * script's cap; `via` for a link found behind a known link wrapper (utils/bitly/wrapped-link.ts).
   */
  links: Array<{ id: string; text: string; via?: { wrapper: LinkWrapperName; found: WrappedBitlink['found'] } }>;
  /** How many distinct Bitly links the page has, the ones left out by the cap included. */
  total: number;
}

export type CardPush =
  | { type: 'show'; link: string; text: string; via?: WrappedVia }
  /** Render this link hidden, from the cache alone; a `show` of the same link then only goes live. */
  | { type: 'prepare'; link: string; text: string; via?: WrappedVia }
  | { type: 'hide' }
  /** Settings changed: a waiting frame keeps them, so its next card need not ask. */
  | { type: 'settings'; settings: Settings };

/** What travels over `runtime.sendMessage`. */
export interface Envelope<T extends MessageType = MessageType> {
  bitlens: 1;
  type: T;
  data: RequestOf<T>;
}

export type ReplyEnvelope<T extends MessageType = MessageType> =
  | { ok: true; value: Replies[T] }
  | { ok: false; error: string };
