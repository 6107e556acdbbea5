import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { PREACT_INNER_HTML, withoutPreactInnerHtml } from './no-inner-html';

const preactDist = readFileSync(createRequire(import.meta.url).resolve('preact'), 'utf8');
const INNER_HTML_ASSIGNMENT = /\.innerHTML\s*=(?!=)/g;

describe('the build without Preact’s innerHTML assignment', () => {
  it('the installed Preact has exactly the one assignment the build replaces', () => {
    expect(preactDist.match(INNER_HTML_ASSIGNMENT)).toHaveLength(1);
    expect(preactDist).toContain(PREACT_INNER_HTML);
  });

  it('leaves no innerHTML assignment in Preact', () => {
    expect(withoutPreactInnerHtml(preactDist).match(INNER_HTML_ASSIGNMENT)).toBeNull();
  });

  it('fails the build when a Preact update moves the assignment', () => {
    expect(() => withoutPreactInnerHtml('n.innerHTML=v.__html')).toThrow(/update scripts\/no-inner-html\.ts/);
  });
});
