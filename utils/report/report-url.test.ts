import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isAccountReport, reportHash, reportLinkFrom, reportUrl } from './report-url';

describe('the report address', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation(((path: string) => `chrome-extension://bitlens/${path.replace(/^\//, '')}`) as never);
  });

  it.each([
    ['bit.ly/AbC123', '#link=bit.ly/AbC123'],
    ['go.acme.example/Launch_2026', '#link=go.acme.example/Launch_2026'],
    ['https://bit.ly/AbC123', null],
    ['bit.ly/../v4/user', null],
    ['Bit.ly/AbC', null],
    ['', null],
  ])('%j → %j', (id, hash) => {
    expect(reportHash(id)).toBe(hash);
  });

  it('is the report page of this extension', () => {
    expect(reportUrl('bit.ly/AbC123')).toBe('chrome-extension://bitlens/report.html#link=bit.ly/AbC123');
    expect(reportUrl('javascript:alert(1)')).toBeNull();
  });

  it.each([
    ['#link=bit.ly/AbC123', 'bit.ly/AbC123'],
    ['#link=bit.ly%2FAbC123', 'bit.ly/AbC123'],
    ['link=go.acme.example/Launch&range=30d', 'go.acme.example/Launch'],
    ['#link=bit.ly/AbC123%22%3E%3Cimg', null],
    ['#link=https://bit.ly/AbC123', null],
    ['#account', null],
    ['', null],
  ])('the page opened with %j shows %j', (hash, link) => {
    expect(reportLinkFrom(hash)).toBe(link);
  });

  it.each([
    ['#account', true],
    ['#account=x', false],
    ['#link=bit.ly/AbC123', false],
    ['', false],
  ])('%j is the account overview: %j', (hash, account) => {
    expect(isAccountReport(hash)).toBe(account);
  });
});
