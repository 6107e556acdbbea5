/**
 * One server instance's links: the shared seed data plus links created through /v4/shorten
 * while it runs (forgotten on reset).
 */
import { type AccountRecord, type LinkRecord, MISSING_LINK_ID, SEED_LINKS, uniqueHash } from './data';
import { Prng, hashString } from './prng';
import { formatBitlyDate } from './time-buckets';

export class LinkStore {
  private byId = new Map<string, LinkRecord>();
  private created: LinkRecord[] = [];

  constructor() {
    this.reset();
  }

  reset(): void {
    this.byId = new Map(SEED_LINKS.map((l) => [l.id, l]));
    this.created = [];
  }

  get(id: string): LinkRecord | undefined {
    return this.byId.get(id);
  }

  /** Links of a group, newest first (the order Bitly lists them in). */
  groupLinks(groupGuid: string, opts: { includeDeleted?: boolean } = {}): LinkRecord[] {
    return [...SEED_LINKS, ...this.created]
      .filter((l) => l.group_guid === groupGuid && (opts.includeDeleted || !l.deleted))
      .sort((a, b) => b.createdMs - a.createdMs || (a.id < b.id ? -1 : 1));
  }

  /** The account's live link to `longUrl` on `domain`, if it already has one. */
  findOwned(account: AccountRecord, domain: string, longUrl: string): LinkRecord | undefined {
    for (const link of this.byId.values()) {
      if (link.owner === account.key && !link.deleted && link.domain === domain && link.long_url === longUrl) return link;
    }
    return undefined;
  }

  /** Creates a new link (no clicks yet). The hash depends only on the account, domain and URL. */
  create(account: AccountRecord, groupGuid: string, domain: string, longUrl: string, nowMs: number): LinkRecord {
    const prng = new Prng(`shorten:${account.key}:${domain}:${longUrl}`);
    const hash = uniqueHash(prng, domain, (id) => this.byId.has(id) || id === MISSING_LINK_ID);
    const id = `${domain}/${hash}`;
    const createdMs = Math.floor(nowMs / 1000) * 1000;
    const link: LinkRecord = {
      id,
      domain,
      hash,
      link: `https://${id}`,
      long_url: longUrl,
      // Bitly fills the title from the page; the stand-in cannot fetch it and uses the host.
      title: new URL(longUrl).hostname,
      created_at: formatBitlyDate(createdMs),
      createdMs,
      owner: account.key,
      group_guid: groupGuid,
      created_by: account.login,
      client_id: account.clientId,
      tags: [],
      deleted: false,
      seed: hashString(`clicks:${id}`),
      dailyRate: 0,
    };
    this.byId.set(id, link);
    this.created.push(link);
    return link;
  }
}
