/**
 * Where the contract tests read Bitly's spec: the shared reference copy next to the repository
 * when present, else the identical copy committed in tests/contract/spec/ (see its README).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const SHARED_SPEC_FILE = path.resolve(repoRoot, '../shared/bitly-api/v4.json');
export const VENDORED_SPEC_FILE = path.resolve(repoRoot, 'tests/contract/spec/v4.json');
export const SPEC_FILE = existsSync(SHARED_SPEC_FILE) ? SHARED_SPEC_FILE : VENDORED_SPEC_FILE;
