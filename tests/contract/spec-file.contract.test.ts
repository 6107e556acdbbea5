import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHARED_SPEC_FILE, VENDORED_SPEC_FILE } from './spec-file';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the spec the contract tests read', () => {
  it('is the published copy recorded in SOURCE.md', () => {
    expect(sha256(VENDORED_SPEC_FILE)).toBe('725219609858ccb914d573f89e9f88eb2d58493ac9492c7a9de6b88c63718669');
  });

  it.runIf(existsSync(SHARED_SPEC_FILE))('matches the shared reference copy byte for byte', () => {
    expect(sha256(VENDORED_SPEC_FILE)).toBe(sha256(SHARED_SPEC_FILE));
  });
});
