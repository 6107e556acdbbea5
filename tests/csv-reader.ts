/** A strict RFC 4180 reader for tests of Bitlens' CSV exports (unit and end-to-end). */

/**
 * Reads a CSV file back as a spreadsheet would (RFC 4180): quoted fields may hold commas, quotes
 * (doubled) and line breaks; records end with CRLF. Returns the BOM separately.
 */
export function parseCsv(file: string): { bom: boolean; records: string[][] } {
  const bom = file.startsWith('\uFEFF');
  const text = bom ? file.slice(1) : file;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else if (c === '\n' || c === '\r' || c === '"') {
      throw new Error(`bare ${JSON.stringify(c)} at ${i}: not RFC 4180`);
    } else {
      field += c;
    }
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || record.length > 0) throw new Error('last record not ended by CRLF');
  return { bom, records };
}
