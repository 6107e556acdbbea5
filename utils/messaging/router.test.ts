import { describe, it, expect, vi } from 'vitest';
import { createMessageRouter, classifySender, type Handlers } from './router';
import { DEFAULT_SETTINGS } from '../settings/settings';

const self = { id: 'bitlens-id', origin: 'chrome-extension://bitlens-id/' };
const page = { id: self.id, url: `${self.origin}options.html` };
const contentScript = { id: self.id, url: 'https://example.com/', tab: { id: 3 } as never };
const otherExtension = { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' };

function setup() {
  const handlers = {
    getAccount: vi.fn(async () => ({ signedIn: false as const })),
    saveToken: vi.fn(async () => ({ ok: false as const, problem: 'empty' as const })),
    signOut: vi.fn(async () => ({ signedIn: false as const })),
    getLinkFacet: vi.fn(async () => ({ state: 'no-token' as const })),
    getLinkFacets: vi.fn(async () => [{ state: 'no-token' as const }]),
    getAccountFacet: vi.fn(async () => ({ state: 'no-token' as const })),
    getBrandedHosts: vi.fn(async () => []),
    getContentConfig: vi.fn(async () => ({ enabled: true, hoverDelayMs: 350, brandedHosts: [], cardFrameTitle: 'Bitly link statistics' })),
    closeCard: vi.fn(async () => null),
    showCard: vi.fn(async () => null),
    prepareCard: vi.fn(async () => null),
    hideCard: vi.fn(async () => null),
    getGroups: vi.fn(async () => ({ state: 'no-token' as const })),
    findLinksToPage: vi.fn(async () => ({ state: 'no-token' as const })),
    shortenPage: vi.fn(async () => ({ ok: false as const, problem: 'no-token' as const })),
    getSettings: vi.fn(async () => ({ ...DEFAULT_SETTINGS })),
    updateSettings: vi.fn(async () => ({ ...DEFAULT_SETTINGS })),
    clearCache: vi.fn(async () => null),
  } satisfies Handlers;
  return { handlers, route: createMessageRouter(handlers, self) };
}

describe('classifySender', () => {
  it.each([
    ['an extension page', page, 'extension-page'],
    ['a content script', contentScript, 'content-script'],
    ['another extension', otherExtension, null],
    ['no id at all', { url: 'https://example.com/' }, null],
    ['this id but neither page nor tab', { id: self.id }, null],
  ])('%s', (_, sender, kind) => {
    expect(classifySender(sender, self)).toBe(kind);
  });
});

describe('createMessageRouter', () => {
  it('passes a valid message to its handler and wraps the reply', async () => {
    const { handlers, route } = setup();
    const reply = await route({ bitlens: 1, type: 'saveToken', data: { token: 'abc' } }, page);
    expect(handlers.saveToken).toHaveBeenCalledWith({ token: 'abc' }, page);
    expect(reply).toEqual({ ok: true, value: { ok: false, problem: 'empty' } });
  });

  it('leaves messages that are not Bitlens’ unanswered', () => {
    const { route } = setup();
    expect(route('hello', page)).toBeUndefined();
    expect(route({ type: 'getAccount' }, page)).toBeUndefined();
    expect(route(null, page)).toBeUndefined();
  });

  it.each([
    ['an unknown type', { bitlens: 1, type: 'deleteEverything', data: {} }],
    ['a wrong protocol version', { bitlens: 2, type: 'getAccount', data: {} }],
    ['a missing field', { bitlens: 1, type: 'saveToken', data: {} }],
    ['a field of the wrong type', { bitlens: 1, type: 'saveToken', data: { token: 42 } }],
    ['an extra field', { bitlens: 1, type: 'getAccount', data: { sneaky: true } }],
    ['a huge token', { bitlens: 1, type: 'saveToken', data: { token: 'x'.repeat(5000) } }],
    ['an empty array for data (valibot reads it as an empty object)', { bitlens: 1, type: 'signOut', data: [] }],
    ['an empty array for a settings patch', { bitlens: 1, type: 'updateSettings', data: [] }],
    ['no data at all', { bitlens: 1, type: 'getAccount' }],
  ])('rejects %s without calling any handler', async (_, message) => {
    const { handlers, route } = setup();
    const reply = await route(message, page);
    expect(reply).toMatchObject({ ok: false });
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('lets a content script ask for its config but not for stats', async () => {
    const { handlers, route } = setup();
    expect(await route({ bitlens: 1, type: 'getContentConfig', data: {} }, contentScript)).toMatchObject({ ok: true });
    expect(await route({ bitlens: 1, type: 'getLinkFacet', data: { link: 'bit.ly/a', facet: 'clicks' } }, contentScript)).toMatchObject({
      ok: false,
    });
    expect(handlers.getLinkFacet).not.toHaveBeenCalled();
  });

  it('takes show and hide of a card frame from a content script only, with a well-formed key', async () => {
    const { handlers, route } = setup();
    const show = { key: '0f8e6a8c-2b1d-4c55-9a57-3e1f0c2d4b6a', link: 'bit.ly/Abc1234', text: 'Read' };
    expect(await route({ bitlens: 1, type: 'showCard', data: show }, contentScript)).toMatchObject({ ok: true });
    expect(handlers.showCard).toHaveBeenCalledWith(show, contentScript);
    expect(await route({ bitlens: 1, type: 'showCard', data: show }, page)).toMatchObject({ ok: false });
    expect(await route({ bitlens: 1, type: 'showCard', data: { ...show, key: 'x"><b>' } }, contentScript)).toMatchObject({ ok: false });
    expect(await route({ bitlens: 1, type: 'showCard', data: { ...show, text: 'x'.repeat(201) } }, contentScript)).toMatchObject({ ok: false });
    expect(handlers.showCard).toHaveBeenCalledTimes(1);
    expect(await route({ bitlens: 1, type: 'hideCard', data: { key: show.key } }, contentScript)).toMatchObject({ ok: true });
  });

  it('takes a bounded batch of well-formed link facet requests from extension pages', async () => {
    const { handlers, route } = setup();
    const one = { link: 'bit.ly/Abc1234', facet: 'clicks', unit: 'day', units: 30, askerId: 'popup-1', priority: 'normal' };
    expect(await route({ bitlens: 1, type: 'getLinkFacets', data: { requests: [one, { ...one, facet: 'countries' }] } }, page)).toMatchObject({ ok: true });
    expect(await route({ bitlens: 1, type: 'getLinkFacets', data: { requests: [one] } }, contentScript)).toMatchObject({ ok: false });
    expect(await route({ bitlens: 1, type: 'getLinkFacets', data: { requests: [] } }, page)).toMatchObject({ ok: false });
    expect(await route({ bitlens: 1, type: 'getLinkFacets', data: { requests: Array.from({ length: 21 }, () => one) } }, page)).toMatchObject({ ok: false });
    expect(await route({ bitlens: 1, type: 'getLinkFacets', data: { requests: [{ ...one, facet: 'secrets' }] } }, page)).toMatchObject({ ok: false });
    expect(handlers.getLinkFacets).toHaveBeenCalledTimes(1);
  });

  it('takes page lookups and shortening from extension pages only, for a bounded URL', async () => {
    const { handlers, route } = setup();
    const url = 'https://example.com/article';
    expect(await route({ bitlens: 1, type: 'findLinksToPage', data: { url, askerId: 'popup-1' } }, page)).toMatchObject({ ok: true });
    expect(await route({ bitlens: 1, type: 'shortenPage', data: { url } }, page)).toMatchObject({ ok: true });
    expect(await route({ bitlens: 1, type: 'shortenPage', data: { url } }, contentScript)).toMatchObject({ ok: false });
    expect(await route({ bitlens: 1, type: 'findLinksToPage', data: { url } }, contentScript)).toMatchObject({ ok: false });
    expect(await route({ bitlens: 1, type: 'shortenPage', data: { url: `${url}/${'x'.repeat(2100)}` } }, page)).toMatchObject({ ok: false });
    expect(await route({ bitlens: 1, type: 'shortenPage', data: { url, domain: 'evil.example' } }, page)).toMatchObject({ ok: false });
    expect(handlers.findLinksToPage).toHaveBeenCalledTimes(1);
    expect(handlers.shortenPage).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a content script', contentScript],
    ['another extension', otherExtension],
  ])('refuses token messages from %s', async (_, sender) => {
    const { handlers, route } = setup();
    const reply = await route({ bitlens: 1, type: 'saveToken', data: { token: 'abc' } }, sender);
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('not allowed') });
    expect(handlers.saveToken).not.toHaveBeenCalled();
  });

  it('turns a handler failure into an error reply', async () => {
    const { handlers, route } = setup();
    handlers.getAccount.mockRejectedValueOnce(new Error('storage broke'));
    expect(await route({ bitlens: 1, type: 'getAccount', data: {} }, page)).toEqual({ ok: false, error: 'storage broke' });
  });
});
