/**
 * The stand-in's accounts, groups, organizations and links. Generated once at import from fixed
 * seeds (no Math.random, no clock), so every server instance and every run sees the same data.
 * Tests pick links through `SAMPLE`.
 */
import { COUNTRIES, DESTINATION_SITES, TITLE_PATTERNS, WORDS } from './catalog';
import { hasQrScans } from './click-facets';
import { Prng, alphanumeric, hashString } from './prng';
import { formatBitlyDate } from './time-buckets';

export const FREE_TOKEN = 'fake-free-token-0001';
export const PAID_TOKEN = 'fake-paid-token-0002';
export const BRAND_TOKEN = 'fake-brand-token-0003';

/** Where Bitly's own `references` URLs point (the stand-in never serves these). */
export const BITLY_API_ORIGIN = 'https://api-ssl.bitly.com';

export type AccountKey = 'free' | 'paid' | 'brand';

export interface GroupRecord {
  guid: string;
  name: string;
  organization_guid: string;
  created: string;
  modified: string;
  role: string;
  is_active: boolean;
  bsds: string[];
}

export interface OrganizationRecord {
  guid: string;
  name: string;
  tier: string;
  tier_family: string;
  tier_display_name: string;
  role: string;
  is_active: boolean;
  created: string;
  modified: string;
  bsds: string[];
}

export interface AccountRecord {
  key: AccountKey;
  token: string;
  login: string;
  name: string;
  email: string;
  created: string;
  modified: string;
  is_2fa_enabled: boolean;
  /** Days of history `units=-1` covers. */
  historyDays: number;
  /** Cities, devices and group clicks are allowed (otherwise 402 UPGRADE_REQUIRED). */
  premiumMetrics: boolean;
  /** Country most clicks come from. */
  homeCountry: string;
  clientId: string;
  organization: OrganizationRecord;
  /** Default group first. */
  groups: GroupRecord[];
  bsds: string[];
}

export interface LinkRecord {
  id: string; // domain/hash
  domain: string;
  hash: string;
  link: string; // https://domain/hash
  long_url: string;
  title: string;
  created_at: string;
  createdMs: number;
  owner: AccountKey;
  group_guid: string;
  created_by: string;
  client_id: string;
  tags: string[];
  deleted: boolean;
  /** Seed for everything generated about this link's clicks. */
  seed: number;
  /** Typical clicks per day (0 for links created by /v4/shorten while the server runs). */
  dailyRate: number;
  /**
   * Some of its clicks come from a referrer named like a spreadsheet formula and from places
   * Bitly cannot name a country for (`SAMPLE.accounts.paid.oddLink`).
   */
  odd?: boolean;
}

/** Never exists in any account, and /v4/shorten never creates it. */
export const MISSING_LINK_ID = 'bit.ly/0NoSuch';

// ---------------------------------------------------------------------------------------------
// Account definitions

interface LinkBatch {
  domain: string;
  count: number;
  group: number; // index into the account's groups
  deleted?: boolean;
}

interface AccountSpec {
  key: AccountKey;
  token: string;
  login: string;
  name: string;
  created: string;
  tier: string;
  tierFamily: string;
  tierDisplayName: string;
  historyDays: number;
  premiumMetrics: boolean;
  homeCountry: string;
  organizationName: string;
  groupNames: string[];
  bsds: string[];
  /** Regular links first; the destination-hint links go into the first batch's domain and group. */
  batches: LinkBatch[];
  createdBetween: [string, string];
  /** Scales the click rates (a free account's links are smaller). */
  rateScale: number;
}

const ACCOUNT_SPECS: readonly AccountSpec[] = [
  {
    key: 'free',
    token: FREE_TOKEN,
    login: 'freya',
    name: 'Freya Free',
    created: '2024-02-11T09:21:37Z',
    tier: 'free',
    tierFamily: 'free',
    tierDisplayName: 'Free',
    historyDays: 30,
    premiumMetrics: false,
    homeCountry: 'DE',
    organizationName: 'Freya Free',
    groupNames: ['Freya Free'],
    bsds: [],
    batches: [
      { domain: 'bit.ly', count: 24, group: 0 },
      { domain: 'bit.ly', count: 2, group: 0, deleted: true },
    ],
    createdBetween: ['2025-03-01T00:00:00Z', '2026-09-30T00:00:00Z'],
    rateScale: 0.3,
  },
  {
    key: 'paid',
    token: PAID_TOKEN,
    login: 'paula',
    name: 'Paula Paid',
    created: '2019-06-03T14:05:12Z',
    tier: 'enterprise',
    tierFamily: 'enterprise',
    tierDisplayName: 'Enterprise',
    historyDays: 365,
    premiumMetrics: true,
    homeCountry: 'US',
    organizationName: 'Paid Media Inc.',
    groupNames: ['Paula Paid', 'Campaigns'],
    bsds: [],
    batches: [
      { domain: 'bit.ly', count: 250, group: 0 },
      { domain: 'j.mp', count: 6, group: 0 },
      { domain: 'bit.ly', count: 70, group: 1 },
      { domain: 'bit.ly', count: 2, group: 0, deleted: true },
      { domain: 'bit.ly', count: 1, group: 1, deleted: true },
    ],
    createdBetween: ['2023-06-01T00:00:00Z', '2026-10-15T00:00:00Z'],
    rateScale: 1,
  },
  {
    key: 'brand',
    token: BRAND_TOKEN,
    login: 'brandon',
    name: 'Brandon Brand',
    created: '2021-09-20T08:44:50Z',
    tier: 'premium',
    tierFamily: 'premium',
    tierDisplayName: 'Premium',
    historyDays: 365,
    premiumMetrics: true,
    homeCountry: 'GB',
    organizationName: 'Acme Brands Ltd',
    groupNames: ['Acme Marketing'],
    bsds: ['brnd.example', 'go.acme.example'],
    batches: [
      { domain: 'brnd.example', count: 16, group: 0 },
      { domain: 'go.acme.example', count: 16, group: 0 },
      { domain: 'bit.ly', count: 10, group: 0 },
      { domain: 'brnd.example', count: 1, group: 0, deleted: true },
      { domain: 'bit.ly', count: 1, group: 0, deleted: true },
    ],
    createdBetween: ['2024-01-15T00:00:00Z', '2026-10-10T00:00:00Z'],
    rateScale: 0.6,
  },
];

/** Destinations the hover card must flag; every account owns one link to each. */
const HINT_DESTINATIONS = {
  plainHttp: (k: AccountKey) => ({ url: `http://intranet.${k}-reports.example.org/2026/q3/summary.html`, title: 'Q3 summary (internal)' }),
  ipHost: (k: AccountKey) => ({ url: `http://192.0.2.${k === 'free' ? 17 : k === 'paid' ? 44 : 81}:8080/download/invoice-${k}.pdf`, title: 'Invoice download' }),
  // аpple.com spelled with a Cyrillic "а": the lookalike the card shows as Unicode and punycode.
  idnHost: (k: AccountKey) => ({ url: `https://xn--pple-43d.com/account/verify?ref=${k}`, title: 'Verify your account' }),
  shortener: (k: AccountKey) => ({ url: `https://tinyurl.com/${k === 'free' ? '4v8wz3kd' : k === 'paid' ? '2p9x7k4m' : 'y6ns8c2r'}`, title: 'Redirecting…' }),
} as const;

export type HintKind = keyof typeof HINT_DESTINATIONS;

/** A harmless internationalised destination, used in every account's regular links. */
const IDN_BOOKSHOP = 'https://xn--bcher-kva.example/angebote/herbst-2026';

// ---------------------------------------------------------------------------------------------
// Generation

const TAGS = ['social', 'newsletter', 'campaign', 'qr', 'press', 'internal', 'partners'];
const usedIds = new Set<string>([MISSING_LINK_ID]);

function guid(prng: Prng, prefix: string): string {
  return prefix + alphanumeric(prng, 10);
}

function hex(prng: Prng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += '0123456789abcdef'[prng.int(0, 15)];
  return out;
}

/** A fresh 7-character hash on `domain` that no other link uses (deterministic given the seed). */
export function uniqueHash(prng: Prng, domain: string, taken: (id: string) => boolean): string {
  for (;;) {
    const hash = alphanumeric(prng, 7);
    if (!taken(`${domain}/${hash}`)) return hash;
  }
}

function fillPattern(prng: Prng, pattern: string): string {
  return pattern.replace(/[#%*]/g, (ch) => (ch === '#' ? String(prng.int(0, 9)) : ch === '%' ? String(prng.int(1, 9)) : prng.pick(WORDS)));
}

function makeTitle(prng: Prng, site: string): string {
  const text = fillPattern(prng, prng.pick(TITLE_PATTERNS));
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} | ${site}`;
}

function makeDestination(prng: Prng, index: number): { url: string; title: string } {
  if (index === 7) return { url: IDN_BOOKSHOP, title: 'Herbstangebote | Bücher Beispiel' };
  const site = prng.pick(DESTINATION_SITES);
  let url = site.base + fillPattern(prng, site.path);
  if (prng.next() < 0.3) {
    const campaign = `${prng.pick(WORDS)}_${prng.int(2024, 2026)}`;
    url += `${url.includes('?') ? '&' : '?'}utm_source=${prng.pick(['twitter', 'newsletter', 'instagram', 'linkedin'])}&utm_medium=social&utm_campaign=${campaign}`;
  }
  return { url, title: makeTitle(prng, site.site) };
}

function parseTime(text: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`bad date in data.ts: ${text}`);
  return ms;
}

function buildAccount(spec: AccountSpec, links: LinkRecord[], hints: Record<string, Record<HintKind, string>>): AccountRecord {
  const prng = new Prng(`account:${spec.key}`);
  const created = formatBitlyDate(parseTime(spec.created));
  const organization: OrganizationRecord = {
    guid: guid(prng, 'O'),
    name: spec.organizationName,
    tier: spec.tier,
    tier_family: spec.tierFamily,
    tier_display_name: spec.tierDisplayName,
    role: 'org-admin',
    is_active: true,
    created,
    modified: created,
    bsds: [...spec.bsds],
  };
  const groups: GroupRecord[] = spec.groupNames.map((name, i) => {
    const groupCreated = formatBitlyDate(parseTime(spec.created) + i * 86_400_000 * 40);
    return {
      guid: guid(prng, 'B'),
      name,
      organization_guid: organization.guid,
      created: groupCreated,
      modified: groupCreated,
      role: 'org-admin',
      is_active: true,
      bsds: [...spec.bsds],
    };
  });
  const account: AccountRecord = {
    key: spec.key,
    token: spec.token,
    login: spec.login,
    name: spec.name,
    email: `${spec.login}@example.com`,
    created,
    modified: created,
    is_2fa_enabled: spec.key !== 'free',
    historyDays: spec.historyDays,
    premiumMetrics: spec.premiumMetrics,
    homeCountry: spec.homeCountry,
    clientId: hex(prng, 40),
    organization,
    groups,
    bsds: [...spec.bsds],
  };

  const linkPrng = new Prng(`links:${spec.key}`);
  const [from, to] = spec.createdBetween.map(parseTime) as [number, number];
  const taken = (id: string) => usedIds.has(id);
  const newLink = (domain: string, group: number, dest: { url: string; title: string }, deleted: boolean, rateU: number): LinkRecord => {
    const hash = uniqueHash(linkPrng, domain, taken);
    const id = `${domain}/${hash}`;
    usedIds.add(id);
    const createdMs = Math.floor((from + linkPrng.next() * (to - from)) / 1000) * 1000;
    const groupRecord = groups[group];
    if (!groupRecord) throw new Error(`no group ${group} for ${spec.key}`);
    return {
      id,
      domain,
      hash,
      link: `https://${id}`,
      long_url: new URL(dest.url).href,
      title: dest.title,
      created_at: formatBitlyDate(createdMs),
      createdMs,
      owner: spec.key,
      group_guid: groupRecord.guid,
      created_by: spec.login,
      client_id: account.clientId,
      tags: linkPrng.sample(TAGS, linkPrng.int(0, 2)),
      deleted,
      seed: hashString(`clicks:${id}`),
      // Heavy-tailed: most links get a handful of clicks a day, a few get hundreds.
      dailyRate: spec.rateScale * 1.5 * Math.pow(400, rateU * rateU * rateU),
    };
  };

  let index = 0;
  spec.batches.forEach((batch, batchIndex) => {
    for (let i = 0; i < batch.count; i++, index++) {
      // The first three links of an account are its biggest; the rest are spread out.
      const rateU = index < 3 ? 1 - index * 0.08 : linkPrng.next();
      links.push(newLink(batch.domain, batch.group, makeDestination(linkPrng, index), batch.deleted ?? false, rateU));
    }
    if (batchIndex === 0) {
      const accountHints = {} as Record<HintKind, string>;
      for (const kind of Object.keys(HINT_DESTINATIONS) as HintKind[]) {
        const link = newLink(batch.domain, batch.group, HINT_DESTINATIONS[kind](spec.key), false, linkPrng.next() * 0.5);
        links.push(link);
        accountHints[kind] = link.id;
      }
      hints[spec.key] = accountHints;
    }
  });
  return account;
}

const seedLinks: LinkRecord[] = [];
const hintIds: Record<string, Record<HintKind, string>> = {};
const accountList = ACCOUNT_SPECS.map((spec) => buildAccount(spec, seedLinks, hintIds));

/**
 * The paid account's odd link: the first live link of its second group ("Campaigns"), so the
 * other group has a link worth opening too. Marked after generation: no other link changes.
 */
const oddLink = seedLinks.find((l) => l.owner === 'paid' && !l.deleted && l.group_guid === accountList.find((a) => a.key === 'paid')?.groups[1]?.guid);
if (!oddLink) throw new Error('the paid account has no live link in its second group');
oddLink.odd = true;

export const ACCOUNTS: Readonly<Record<AccountKey, AccountRecord>> = Object.fromEntries(
  accountList.map((a) => [a.key, a]),
) as Record<AccountKey, AccountRecord>;

/** Every link the stand-in starts with, owned and deleted, in generation order. */
export const SEED_LINKS: readonly LinkRecord[] = seedLinks;

export function accountByToken(token: string | null): AccountRecord | undefined {
  if (!token) return undefined;
  return accountList.find((a) => a.token === token);
}

/** Domains Bitly itself shortens on (shortening a URL on one of these is ALREADY_A_BITLY_LINK). */
export const BITLY_DOMAINS: readonly string[] = ['bit.ly', 'j.mp', 'bitly.com', 'bitly.is'];

/** Every country code the data uses, for tests. */
export const COUNTRY_CODES: readonly string[] = COUNTRIES.map((c) => c.code);

// ---------------------------------------------------------------------------------------------
// SAMPLE: what tests pick from

export interface SampleLink {
  id: string;
  link: string;
  domain: string;
  hash: string;
  long_url: string;
  title: string;
  created_at: string;
  group_guid: string;
}

export interface SampleAccount {
  token: string;
  login: string;
  name: string;
  tier: string;
  tierDisplayName: string;
  historyDays: number;
  premiumMetrics: boolean;
  organizationGuid: string;
  defaultGroupGuid: string;
  groups: Array<{ guid: string; name: string }>;
  bsds: string[];
  /** Owned, not deleted; the first ones have the most clicks. */
  links: SampleLink[];
  deletedLinks: SampleLink[];
  /** Owned links whose destinations the hover card should flag. */
  hintLinks: Record<HintKind, SampleLink>;
  /** Owned live links with QR-code scans (referrer `Bitly QR Code`, domain `qr.partners.bit.ly`), busiest first. */
  scannedLinks: SampleLink[];
  /**
   * A link with a referrer named `=HYPERLINK("http://evil","x")` and clicks Bitly cannot place in
   * a country (paid account only, in its second group).
   */
  oddLink?: SampleLink;
}

function toSample(link: LinkRecord): SampleLink {
  return {
    id: link.id,
    link: link.link,
    domain: link.domain,
    hash: link.hash,
    long_url: link.long_url,
    title: link.title,
    created_at: link.created_at,
    group_guid: link.group_guid,
  };
}

function sampleAccount(account: AccountRecord): SampleAccount {
  const owned = SEED_LINKS.filter((l) => l.owner === account.key);
  const hints = hintIds[account.key];
  if (!hints) throw new Error(`no hint links for ${account.key}`);
  const byId = (id: string) => {
    const link = owned.find((l) => l.id === id);
    if (!link) throw new Error(`hint link ${id} missing`);
    return toSample(link);
  };
  const defaultGroup = account.groups[0];
  if (!defaultGroup) throw new Error(`account ${account.key} has no group`);
  return {
    token: account.token,
    login: account.login,
    name: account.name,
    tier: account.organization.tier,
    tierDisplayName: account.organization.tier_display_name,
    historyDays: account.historyDays,
    premiumMetrics: account.premiumMetrics,
    organizationGuid: account.organization.guid,
    defaultGroupGuid: defaultGroup.guid,
    groups: account.groups.map((g) => ({ guid: g.guid, name: g.name })),
    bsds: [...account.bsds],
    links: owned.filter((l) => !l.deleted).map(toSample),
    deletedLinks: owned.filter((l) => l.deleted).map(toSample),
    scannedLinks: owned.filter((l) => !l.deleted && hasQrScans(l, account.homeCountry)).map(toSample),
    hintLinks: {
      plainHttp: byId(hints.plainHttp),
      ipHost: byId(hints.ipHost),
      idnHost: byId(hints.idnHost),
      shortener: byId(hints.shortener),
    },
    ...(owned.some((l) => l.odd) ? { oddLink: toSample(owned.find((l) => l.odd)!) } : {}),
  };
}

export interface Sample {
  accounts: Record<AccountKey, SampleAccount>;
  /** A well-formed bitlink id that exists nowhere (404 NOT_FOUND). */
  missingLinkId: string;
  /** A token no account has (403 FORBIDDEN). */
  invalidToken: string;
}

export const SAMPLE: Sample = {
  accounts: {
    free: sampleAccount(ACCOUNTS.free),
    paid: sampleAccount(ACCOUNTS.paid),
    brand: sampleAccount(ACCOUNTS.brand),
  },
  missingLinkId: MISSING_LINK_ID,
  invalidToken: 'fake-invalid-token-9999',
};
