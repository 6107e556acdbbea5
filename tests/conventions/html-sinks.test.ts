/**
 * No production code parses HTML from a string: Bitly's titles, referrers and destinations are
 * untrusted (PRODUCT.md §4) and every page renders text through Preact or `textContent`. This is
 * also what lets the build drop Preact's `dangerouslySetInnerHTML` path (scripts/no-inner-html.ts)
 * so the Firefox add-ons linter finds no `innerHTML` assignment.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { productionFiles } from './import-graph';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HTML_SINKS = /dangerouslySetInnerHTML|\.(?:inner|outer)HTML\s*=(?!=)|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser/;

const sinksIn = (text: string) => text.split('\n').flatMap((line, i) => (HTML_SINKS.test(line) ? [`${i + 1}: ${line.trim()}`] : []));

describe('no HTML parsed from strings', () => {
  const files = productionFiles(ROOT, ['entrypoints', 'components', 'utils']);

  it.each(files)('%s', (file) => {
    expect(sinksIn(readFileSync(path.join(ROOT, file), 'utf8'))).toEqual([]);
  });

  it.each(['el.innerHTML = title;', '<div dangerouslySetInnerHTML={{ __html: x }} />', 'node.insertAdjacentHTML("beforeend", s)'])('the check bites on %s', (line) => {
    expect(sinksIn(line)).toHaveLength(1);
  });
});
