/**
 * Every UI string goes through `_locales` (PRODUCT.md F7): the German catalogue has exactly the
 * English keys with the same substitutions, and no page or component writes UI text as a literal.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { productionFiles } from './import-graph';
import { hardCodedStrings } from './ui-strings';

const ROOT = path.resolve(import.meta.dirname, '../..');
type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const catalogue = (lang: string) => JSON.parse(readFileSync(path.join(ROOT, `public/_locales/${lang}/messages.json`), 'utf8')) as Catalogue;
const en = catalogue('en');
const de = catalogue('de');

/** `$1`-style substitutions a message uses (directly or through its placeholders). */
function substitutions(entry: Catalogue[string]): string[] {
  const own = [entry.message, ...Object.values(entry.placeholders ?? {}).map((p) => p.content)].join(' ');
  return [...new Set(own.match(/\$\d/g) ?? [])].sort();
}

describe('the catalogues', () => {
  it('German has every English key and no other', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('%s: same substitutions in both languages, no empty message', (key) => {
    expect(en[key]!.message.trim()).not.toBe('');
    expect(de[key]?.message.trim()).not.toBe('');
    expect(substitutions(de[key]!)).toEqual(substitutions(en[key]!));
  });
});

describe('no hard-coded UI text', () => {
  const files = productionFiles(ROOT, ['entrypoints', 'components']).filter((file) => file.endsWith('.tsx'));

  it.each(files)('%s', (file) => {
    expect(hardCodedStrings(file, readFileSync(path.join(ROOT, file), 'utf8'))).toEqual([]);
  });

  it('the check bites on text, labels and titles written in place', () => {
    const found = hardCodedStrings(
      'bad.tsx',
      `export const A = () => <div aria-label="Close card" title={'Refresh now'}><p>Clicks today</p><span>{t('ok')} · +3</span><img alt="" /></div>;`,
    );
    expect(found).toEqual(['bad.tsx:1 aria-label="Close card"', 'bad.tsx:1 title="Refresh now"', 'bad.tsx:1 text "Clicks today"']);
  });
});
