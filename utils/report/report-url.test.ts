import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { accountGroupFrom, accountHash, isAccountReport, reportHash, reportLinkFrom, reportUrl } from './report-url';

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
    ['#account&group=B4Ktd1VS8x4', true],
    ['#accounts', false],
    ['#link=bit.ly/AbC123', false],
    ['', false],
  ])('%j is the account overview: %j', (hash, account) => {
    expect(isAccountReport(hash)).toBe(account);
  });

  it.each([
    ['#account', null],
    ['#account&group=B4Ktd1VS8x4', 'B4Ktd1VS8x4'],
    ['#account&group=B4Ktd1VS8x4&x=1', 'B4Ktd1VS8x4'],
    ['#account&group=../v4/user', null],
    ['#account&group=', null],
    ['#link=bit.ly/AbC&group=B4Ktd1VS8x4', null],
  ])('the overview opened with %j shows group %j', (hash, group) => {
    expect(accountGroupFrom(hash)).toBe(group);
  });

  it.each([
    [undefined, '#account'],
    [null, '#account'],
    ['BpTBIkLvdcV', '#account&group=BpTBIkLvdcV'],
    ['a/b', '#account'],
  ])('the overview of group %j is at %j, read back the same', (group, hash) => {
    expect(accountHash(group)).toBe(hash);
    expect(accountGroupFrom(accountHash(group))).toBe(group && hash !== '#account' ? group : null);
  });
});
