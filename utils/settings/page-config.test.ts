import { describe, expect, it } from 'vitest';
import { pageConfigFor } from './page-config';

const extra = (brandedHosts: string[]) => ({ brandedHosts, cardFrameTitle: 'Bitly link statistics' });
const settings = { hoverEnabled: true, hoverDelayMs: 350, disabledSites: ['news.example', 'secret-intranet.corp'] };

describe('a page’s content config', () => {
  it.each([
    ['https://shop.example/p', true],
    ['https://news.example/today', false],
    ['https://www.news.example/today', false],
    ['http://127.0.0.1:8080/x', true],
    [undefined, false],
    ['not a url', false],
  ])('%s → on: %s', (url, enabled) => {
    expect(pageConfigFor(settings, url, extra([])).enabled).toBe(enabled);
  });

  it('hover off is off everywhere', () => {
    expect(pageConfigFor({ ...settings, hoverEnabled: false }, 'https://shop.example/', extra([])).enabled).toBe(false);
  });

  it('never carries the disabled-sites list (no other site the user named reaches a page)', () => {
    const config = pageConfigFor(settings, 'https://shop.example/', extra(['brnd.example']));
    expect(config).toEqual({ enabled: true, hoverDelayMs: 350, brandedHosts: ['brnd.example'], cardFrameTitle: 'Bitly link statistics' });
    expect(JSON.stringify(config)).not.toContain('secret-intranet');
  });
});
