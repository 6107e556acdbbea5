/**
 * Boundaries checked by a test, not by memory (STYLE.md): what the content script may bundle,
 * the layers, no import cycles, and the token store reached from the background alone. The
 * second half builds small projects that break each rule, so the checks are shown to bite.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportGraph, entryPoints, productionFiles } from './import-graph';
import { backgroundOnlyViolations, contentScriptViolations, cycleViolations, layerViolations } from './rules';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCE_DIRS = ['entrypoints', 'components', 'utils'];

describe('the project keeps its boundaries', () => {
  const graph = new ImportGraph(ROOT);
  const files = productionFiles(ROOT, SOURCE_DIRS);
  const entries = entryPoints(ROOT);

  it('finds every bundle entry', () => {
    expect(entries).toEqual(expect.arrayContaining(['entrypoints/background.ts', 'entrypoints/content-script/index.ts', 'entrypoints/card/main.tsx', 'entrypoints/options/main.tsx']));
  });

  it('the content script bundles only its own folder and dependency-free leaves', () => {
    expect(contentScriptViolations(graph)).toEqual([]);
  });

  it('utils/ never imports components/ or entrypoints/, components/ never imports entrypoints/', () => {
    expect(layerViolations(graph, files)).toEqual([]);
  });

  it('production code has no import cycle', () => {
    expect(cycleViolations(graph, files)).toEqual([]);
  });

  it('token storage, the Bitly client, scheduler and cache are reached from the background alone', () => {
    expect(backgroundOnlyViolations(graph, entries, files)).toEqual([]);
  });

  it('WXT auto-imports are off, so every dependency is a visible import line', () => {
    expect(readFileSync(path.join(ROOT, 'wxt.config.ts'), 'utf8')).toMatch(/^\s*imports:\s*false,/m);
  });
});

/** A throw-away project: `files` maps paths to their source. */
function project(files: Record<string, string>): ImportGraph {
  const root = mkdtempSync(path.join(tmpdir(), 'bitlens-conventions-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return new ImportGraph(root);
}

describe('the checks bite', () => {
  it.each([
    ['a validator', "import * as v from 'valibot';"],
    ['the polyfill', "import { browser } from 'wxt/browser';"],
    ['storage', "import { storage } from 'wxt/utils/storage';"],
    ['the protocol runtime (through a leaf)', "import '@/utils/messaging/protocol';"],
  ])('content script importing %s', (_, line) => {
    const graph = project({
      'entrypoints/content-script/index.ts': `${line}\nimport { x } from './helper';`,
      'entrypoints/content-script/helper.ts': "export const x = 1;",
      'utils/messaging/protocol.ts': "import * as v from 'valibot';\nexport const s = v.string();",
    });
    expect(contentScriptViolations(graph)).not.toEqual([]);
  });

  it('a type-only import is not bundled', () => {
    const graph = project({
      'entrypoints/content-script/index.ts': "import type { S } from '@/utils/messaging/protocol';\nimport { type T } from '@/utils/messaging/protocol';",
      'utils/messaging/protocol.ts': "import * as v from 'valibot';\nexport type S = string;\nexport type T = number;",
    });
    expect(contentScriptViolations(graph)).toEqual([]);
  });

  it('utils importing an entrypoint, components importing an entrypoint', () => {
    const graph = project({
      'utils/a.ts': "import { b } from '@/entrypoints/card/b';\nexport const a = b;",
      'components/c.tsx': "import { b } from '../entrypoints/card/b';\nexport const c = b;",
      'entrypoints/card/b.ts': 'export const b = 1;',
    });
    expect(layerViolations(graph, ['utils/a.ts', 'components/c.tsx', 'entrypoints/card/b.ts'])).toHaveLength(2);
  });

  it('a cycle, even through type imports', () => {
    const graph = project({
      'utils/a.ts': "import type { B } from './b';\nexport type A = B[];",
      'utils/b.ts': "import type { A } from './a';\nexport type B = A | string;",
    });
    expect(cycleViolations(graph, ['utils/a.ts', 'utils/b.ts'])).toHaveLength(1);
  });

  it('a page reaching token storage, a module importing it outside the background', () => {
    const graph = project({
      'entrypoints/background.ts': "import { token } from '@/utils/account/storage';",
      'entrypoints/options/main.tsx': "import { read } from '@/utils/settings/read';",
      'utils/settings/read.ts': "import { token } from '../account/storage';\nexport const read = token;",
      'utils/account/storage.ts': 'export const token = 1;',
    });
    const found = backgroundOnlyViolations(graph, ['entrypoints/background.ts', 'entrypoints/options/main.tsx'], ['utils/settings/read.ts', 'utils/account/storage.ts']);
    expect(found).toEqual(['entrypoints/options/main.tsx bundles background-only utils/account/storage.ts', 'utils/settings/read.ts imports the token storage']);
  });
});
