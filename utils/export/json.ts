/**
 * JSON exports: one facet, or the whole report, each with what it is about (the link or the
 * account, the range in UTC) so a file read later still says what its numbers mean. UTF-8
 * without a byte-order mark (RFC 8259); rows are the facet tables' rows as objects, so JSON and
 * CSV hold the same values.
 */
import type { MetricsQuery } from '../bitly/client';
import type { AccountFacetReply, FacetReply, LinkFacetReply } from '../messaging/protocol';
import type { AccountFacet, LinkFacet } from '../stats/facet-names';
import type { WindowSpan } from '../stats/date-range';
import { accountFacetTable, linkFacetTable, type ExportContext } from './facet-tables';
import { tableRecords, type ExportTable } from './table';

export const JSON_MIME = 'application/json';
export const EXPORT_FORMAT = 'bitlens-export';
export const EXPORT_VERSION = 1;

export type ExportSubject =
  | { type: 'link'; id: string }
  | { type: 'account'; groupGuid: string; groupName: string | null };

export interface ExportMeta {
  subject: ExportSubject;
  query: MetricsQuery;
  span: WindowSpan;
  exportedAt: number;
}

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

const isoMoment = (ms: number) => new Date(ms).toISOString();

function envelope(meta: ExportMeta) {
  const { subject, query, span } = meta;
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exported_at: isoMoment(meta.exportedAt),
    subject: subject.type === 'link' ? { type: 'link', id: subject.id } : { type: 'account', group_guid: subject.groupGuid, group_name: subject.groupName },
    range: {
      from: span.from,
      to: span.to,
      time_zone: 'UTC',
      unit: query.unit,
      units: query.units,
      unit_reference: query.unitReference ?? null,
    },
  };
}

/** One facet's table as a JSON file. */
export function facetJson(meta: ExportMeta, facet: LinkFacet | AccountFacet, table: ExportTable): string {
  return toJson({ ...envelope(meta), facet, columns: table.columns, rows: tableRecords(table) });
}

type LinkReplies = { [F in LinkFacet]?: LinkFacetReply<F> };
type AccountReplies = { [F in AccountFacet]?: AccountFacetReply<F> };

/** A facet in the whole-report file: its rows, or why there are none (`upgrade-required`…). */
function facetEntry(reply: FacetReply<unknown>, table: (data: unknown) => ExportTable) {
  if (reply.state !== 'data') return { status: reply.state };
  return { status: 'ok', fetched_at: isoMoment(reply.fetchedAt), stale: reply.stale, rows: tableRecords(table(reply.data)) };
}

/** Every facet the report holds, in one JSON file; facets not asked for are left out. */
export function reportJson(meta: ExportMeta, replies: { link?: LinkReplies; account?: AccountReplies }, ctx: ExportContext): string {
  const facets: Record<string, unknown> = {};
  for (const [facet, reply] of Object.entries(replies.link ?? {}) as Array<[LinkFacet, FacetReply<unknown>]>) {
    facets[facet] = facetEntry(reply, (data) => linkFacetTable(facet, data as never, ctx));
  }
  for (const [facet, reply] of Object.entries(replies.account ?? {}) as Array<[AccountFacet, FacetReply<unknown>]>) {
    facets[facet] = facetEntry(reply, (data) => accountFacetTable(facet, data as never, ctx));
  }
  return toJson({ ...envelope(meta), facets });
}
