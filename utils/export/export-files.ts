/**
 * Export files ready to save: one facet as CSV or JSON, or the whole report as JSON, each named
 * after what it holds (file-names.ts). The page passes the file to downloadText (download.ts).
 */
import type { AccountFacet, AccountFacetData, LinkFacet, LinkFacetData } from '../stats/facet-names';
import { CSV_MIME, toCsv } from './csv';
import { accountFacetTable, linkFacetTable, type ExportContext } from './facet-tables';
import { exportFileName } from './file-names';
import { JSON_MIME, facetJson, reportJson, type ExportMeta } from './json';
import type { ExportTable } from './table';

export type ExportFormat = 'csv' | 'json';

export interface ExportFile {
  name: string;
  mime: string;
  text: string;
}

function fileOf(meta: ExportMeta, facet: LinkFacet | AccountFacet, table: ExportTable, format: ExportFormat): ExportFile {
  const name = exportFileName(meta.subject, meta.span, facet, format);
  return format === 'csv' ? { name, mime: CSV_MIME, text: toCsv(table) } : { name, mime: JSON_MIME, text: facetJson(meta, facet, table) };
}

export function linkFacetFile<F extends LinkFacet>(format: ExportFormat, meta: ExportMeta, facet: F, data: LinkFacetData<F>, ctx: ExportContext): ExportFile {
  return fileOf(meta, facet, linkFacetTable(facet, data, ctx), format);
}

export function accountFacetFile<F extends AccountFacet>(format: ExportFormat, meta: ExportMeta, facet: F, data: AccountFacetData<F>, ctx: ExportContext): ExportFile {
  return fileOf(meta, facet, accountFacetTable(facet, data, ctx), format);
}

/** Every facet the report holds, one JSON file. */
export function reportFile(meta: ExportMeta, replies: Parameters<typeof reportJson>[1], ctx: ExportContext): ExportFile {
  return { name: exportFileName(meta.subject, meta.span, 'report', 'json'), mime: JSON_MIME, text: reportJson(meta, replies, ctx) };
}
