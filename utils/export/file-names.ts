/**
 * Export file names: what (the link or the account), when (the range's days) and which facet,
 * in characters every file system and mail client keeps: `bit.ly-AbC123_2026-09-15_2026-10-14_countries.csv`.
 */
import type { WindowSpan } from '../stats/date-range';
import type { ExportSubject } from './json';

const MAX_SUBJECT = 80;

/** ASCII letters, digits, dots and hyphens only; accents dropped (`Köln` → `Koln`), the rest a hyphen. */
export function safeFilePart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, MAX_SUBJECT)
    .replace(/[.-]+$/, '');
}

/** `referrersByDomains` → `referrers-by-domains`. */
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function subjectPart(subject: ExportSubject): string {
  const name = subject.type === 'link' ? subject.id : `account-${subject.groupName ?? subject.groupGuid}`;
  return safeFilePart(name) || 'bitlens';
}

/** `what` is a facet name or `report` for the whole report. */
export function exportFileName(subject: ExportSubject, span: WindowSpan, what: string, extension: 'csv' | 'json'): string {
  const range = span.from === null ? `all-to-${span.to}` : `${span.from}_${span.to}`;
  return `${subjectPart(subject)}_${range}_${safeFilePart(kebab(what))}.${extension}`;
}
