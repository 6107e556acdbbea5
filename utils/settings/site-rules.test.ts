import { describe, expect, it } from 'vitest';
import { isSiteDisabled } from './site-rules';

describe('isSiteDisabled', () => {
  it.each([
    ['news.example', ['news.example'], true],
    ['NEWS.example', ['news.example'], true],
    ['www.news.example', ['news.example'], true],
    ['news.example.', ['news.example'], true],
    ['badnews.example', ['news.example'], false],
    ['news.example.org', ['news.example'], false],
    ['other.example', [], false],
  ])('%s with %j → %s', (host, list, disabled) => {
    expect(isSiteDisabled(host, list)).toBe(disabled);
  });
});
