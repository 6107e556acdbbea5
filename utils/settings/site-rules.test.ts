import { describe, expect, it } from 'vitest';
import { isSiteDisabled, parseSiteList } from './site-rules';

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

describe('parseSiteList', () => {
  it('reads hosts one per line or comma-separated, pasted URLs as their host, without duplicates', () => {
    expect(parseSiteList(' News.Example.com \nhttps://www.mail.example.org/inbox?x=1, docs.example\n\nnews.example.com')).toEqual({
      hosts: ['news.example.com', 'mail.example.org', 'docs.example'],
      invalid: [],
    });
  });

  it('returns what is not a host instead of dropping it', () => {
    expect(parseSiteList('good.example\nnot a host\n<script>')).toEqual({ hosts: ['good.example'], invalid: ['not a host', '<script>'] });
  });
});
