/**
 * How a link's clicks split by country, city, device and referrer. Each link has a fixed,
 * seeded profile; a total for any time range is divided by it (largest remainder), so facets
 * always add up to the link's clicks for that range.
 */
import { COUNTRIES, DEVICE_TYPES, HOSTILE_REFERRER, REFERRING_DOMAINS, UNKNOWN_COUNTRY, type CityInfo } from './catalog';
import type { LinkRecord } from './data';
import { Prng, allocate } from './prng';

interface Weighted<T> {
  item: T;
  weight: number;
}

interface LinkProfile {
  countries: Array<Weighted<(typeof COUNTRIES)[number]> & { cityWeights: number[]; noCityWeight: number }>;
  devices: number[];
  domains: Array<Weighted<(typeof REFERRING_DOMAINS)[number]> & { pathWeights: number[] }>;
}

const profiles = new Map<string, LinkProfile>();

function profileOf(link: LinkRecord, homeCountry: string): LinkProfile {
  const cached = profiles.get(link.id);
  if (cached) return cached;
  const prng = new Prng(`profile:${link.id}`);
  const home = COUNTRIES.find((c) => c.code === homeCountry) ?? COUNTRIES[0];
  const others = prng.sample(
    COUNTRIES.filter((c) => c !== home),
    prng.int(5, 13),
  );
  const countries = [home, ...others, ...(link.odd ? [UNKNOWN_COUNTRY] : [])].filter((c): c is (typeof COUNTRIES)[number] => c !== undefined).map((c, i) => ({
    item: c,
    // The odd link's unplaced clicks are a sizeable share, so every window has some.
    weight: i === 0 ? 3 + 5 * prng.next() : c === UNKNOWN_COUNTRY ? 1.5 : 0.05 + 1.5 * prng.next() ** 2,
    cityWeights: c.cities.map(() => 0.2 + prng.next()),
    noCityWeight: 0.1 + 0.3 * prng.next(),
  }));
  const devices = [0.45 + 0.25 * prng.next(), 0.2 + 0.25 * prng.next(), 0.03 + 0.05 * prng.next(), 0.01 + 0.02 * prng.next()];
  const direct = REFERRING_DOMAINS[0];
  const domainPicks = prng.sample(REFERRING_DOMAINS.slice(1), prng.int(3, 9));
  const domains = [direct, ...domainPicks, ...(link.odd ? [HOSTILE_REFERRER] : [])]
    .filter((d): d is (typeof REFERRING_DOMAINS)[number] => d !== undefined)
    .map((d, i) => ({
      item: d,
      weight: i === 0 ? 0.5 + prng.next() : d === HOSTILE_REFERRER ? 0.5 : 0.05 + prng.next() ** 2,
      pathWeights: d.paths.map(() => 0.2 + prng.next()),
    }));
  const profile: LinkProfile = { countries, devices, domains };
  profiles.set(link.id, profile);
  return profile;
}

/** Counts by label; insertion order does not matter, results are sorted. */
export type Tally = Map<string, number>;

function addTo(tally: Tally, key: string, clicks: number): void {
  if (clicks > 0) tally.set(key, (tally.get(key) ?? 0) + clicks);
}

/** Rows sorted by clicks (desc), then label, for stable output. */
export function sortedRows(tally: Tally): Array<[string, number]> {
  return [...tally.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export function countryTally(link: LinkRecord, homeCountry: string, total: number, into: Tally = new Map()): Tally {
  const p = profileOf(link, homeCountry);
  allocate(total, p.countries.map((c) => c.weight)).forEach((n, i) => addTo(into, p.countries[i]?.item.code ?? '', n));
  return into;
}

export interface CityTally {
  cities: Map<string, { info: CityInfo; country: string; clicks: number }>;
  noCity: number;
}

export function cityTally(link: LinkRecord, homeCountry: string, total: number, into: CityTally = { cities: new Map(), noCity: 0 }): CityTally {
  const p = profileOf(link, homeCountry);
  allocate(total, p.countries.map((c) => c.weight)).forEach((countryClicks, i) => {
    const country = p.countries[i];
    if (!country || countryClicks === 0) return;
    const parts = allocate(countryClicks, [...country.cityWeights, country.noCityWeight]);
    country.item.cities.forEach((info, j) => {
      const clicks = parts[j] ?? 0;
      if (clicks === 0) return;
      const key = `${country.item.code}/${info.city}`;
      const row = into.cities.get(key) ?? { info, country: country.item.code, clicks: 0 };
      row.clicks += clicks;
      into.cities.set(key, row);
    });
    into.noCity += parts[parts.length - 1] ?? 0;
  });
  return into;
}

export function deviceTally(link: LinkRecord, homeCountry: string, total: number, into: Tally = new Map()): Tally {
  const p = profileOf(link, homeCountry);
  allocate(total, p.devices).forEach((n, i) => addTo(into, DEVICE_TYPES[i] ?? 'Other', n));
  return into;
}

/** Bitly's QR-code scans arrive from this referring domain, reported as the `Bitly QR Code` referrer. */
export const QR_SCAN_DOMAIN = 'qr.partners.bit.ly';

/** Whether the link's profile has QR-code scans (some links' do: the seeded profiles draw it like any referrer). */
export function hasQrScans(link: LinkRecord, homeCountry: string): boolean {
  return profileOf(link, homeCountry).domains.some((d) => d.item.domain === QR_SCAN_DOMAIN && d.weight > 0);
}

/** Clicks per referring domain, each split further into the referring pages. */
export function referringDomainTally(link: LinkRecord, homeCountry: string, total: number): Array<{ domain: string; platform: string; clicks: number; pages: Tally }> {
  const p = profileOf(link, homeCountry);
  return allocate(total, p.domains.map((d) => d.weight)).flatMap((clicks, i) => {
    const d = p.domains[i];
    if (!d || clicks === 0) return [];
    const pages: Tally = new Map();
    allocate(clicks, d.pathWeights).forEach((n, j) => addTo(pages, d.item.paths[j] ?? d.item.domain, n));
    return [{ domain: d.item.domain, platform: d.item.platform, clicks, pages }];
  });
}

export function referrerTally(link: LinkRecord, homeCountry: string, total: number, into: Tally = new Map()): Tally {
  for (const d of referringDomainTally(link, homeCountry, total)) addTo(into, d.platform, d.clicks);
  return into;
}

export function domainTally(link: LinkRecord, homeCountry: string, total: number, into: Tally = new Map()): Tally {
  for (const d of referringDomainTally(link, homeCountry, total)) addTo(into, d.domain, d.clicks);
  return into;
}
