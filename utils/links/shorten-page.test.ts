import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as v from 'valibot';
import type { ShortenRequest } from '../bitly/client';
import { BitlyError, errorKindForStatus } from '../bitly/errors';
import { StatsCache } from '../cache/stats-cache';
import type { BitlySend } from '../bitly/transport';
import { RequestScheduler } from '../scheduler/request-scheduler';
import { createScheduledBitly } from '../scheduler/scheduled-bitly';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings-schema';
import type { Session } from '../stats/stats-service';
import { createShortenPageService } from './shorten-page';

const paula: Session = { token: 'tok-paula', login: 'paula', defaultGroupGuid: 'Bg1', organizationGuid: 'Oa1' };
const PAGE = 'https://shop.example.com/spring/sale';
const made = (request: ShortenRequest) => ({ id: `${request.domain ?? 'bit.ly'}/New1`, link: `https://${request.domain ?? 'bit.ly'}/New1`, long_url: request.longUrl });

/** The error the client throws for an HTTP answer of `/v4/shorten`. */
const bitly = (status: number, code?: string, rateLimitReason = false) => new BitlyError(errorKindForStatus(status, 'create', code, rateLimitReason), { status, code });

function setup({
  session = paula as Session | null,
  settings = {} as Partial<Settings>,
  preference = vi.fn(async (guid: string) => ({ group_guid: guid, domain_preference: 'brnd.example' })),
  shorten = vi.fn(async (request: ShortenRequest) => ({ created: true, link: made(request) })),
} = {}) {
  // Bitly as the scheduled client sees it: the two endpoints this service calls.
  const transportFor = (): BitlySend => async (request) => {
    if (request.operation === 'getGroupPreferences') return { status: 200, data: v.parse(request.schema, await preference(request.path[1]!)) };
    const body = request.body!;
    const answer = await shorten({ longUrl: body.long_url!, groupGuid: body.group_guid, domain: body.domain });
    return { status: answer.created ? 201 : 200, data: v.parse(request.schema, answer.link) };
  };
  // Retries without waiting; a rate limit pause longer than 0 ms is answered at once.
  const scheduler = new RequestScheduler({ retryDelayMs: () => 0, rateLimitDelayMs: () => 60_000, maxWaitForRateLimitMs: 0 });
  const shortened: Array<[string, string]> = [];
  const service = createShortenPageService({
    cache: new StatsCache({ area: fakeBrowser.storage.local as never }),
    bitly: createScheduledBitly({ scheduler, transportFor }),
    session: async () => session,
    settings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
    onShortened: async (url, link) => {
      shortened.push([url, link.id]);
    },
  });
  return { service, preference, shorten, shortened };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('shorten this page', () => {
  it('makes the link in the default group on the group’s default domain, and says so', async () => {
    const { service, preference, shorten, shortened } = setup();
    expect(await service.shorten({ url: PAGE })).toEqual({ ok: true, created: true, link: made({ longUrl: PAGE, domain: 'brnd.example' }) });
    expect(preference).toHaveBeenCalledWith('Bg1');
    expect(shorten).toHaveBeenCalledWith({ longUrl: PAGE, groupGuid: 'Bg1', domain: 'brnd.example' });
    expect(shortened).toEqual([[PAGE, 'brnd.example/New1']]);
  });

  it('uses the group the settings name, and reads its domain once', async () => {
    const { service, preference, shorten } = setup({ settings: { defaultGroupGuid: 'Bcampaigns' } });
    await service.shorten({ url: PAGE });
    await service.shorten({ url: `${PAGE}/shoes` });
    expect(preference).toHaveBeenCalledTimes(1);
    expect(shorten.mock.calls.map((c) => c[0].groupGuid)).toEqual(['Bcampaigns', 'Bcampaigns']);
  });

  it('leaves the domain to Bitly when the group’s preference cannot be read', async () => {
    const preference = vi.fn(async () => {
      throw bitly(403, 'FORBIDDEN');
    });
    const { service, shorten } = setup({ preference });
    expect(await service.shorten({ url: PAGE })).toMatchObject({ ok: true });
    expect(shorten).toHaveBeenCalledWith({ longUrl: PAGE, groupGuid: 'Bg1', domain: undefined });
  });

  it('a link the account already had is answered as such', async () => {
    const { service } = setup({ shorten: vi.fn(async (request: ShortenRequest) => ({ created: false, link: made(request) })) });
    expect(await service.shorten({ url: PAGE })).toMatchObject({ ok: true, created: false });
  });

  it.each([
    ['a browser page', 'chrome://newtab/', 'not-a-web-page'],
    ['a local file', 'file:///tmp/page.html', 'not-a-web-page'],
  ])('refuses %s without asking Bitly', async (_name, url, problem) => {
    const { service, shorten, preference } = setup();
    expect(await service.shorten({ url })).toEqual({ ok: false, problem });
    expect(shorten).not.toHaveBeenCalled();
    expect(preference).not.toHaveBeenCalled();
  });

  it('asks for a token first', async () => {
    const { service, shorten } = setup({ session: null });
    expect(await service.shorten({ url: PAGE })).toEqual({ ok: false, problem: 'no-token' });
    expect(shorten).not.toHaveBeenCalled();
  });

  it.each([
    ['429 MONTHLY_LIMIT_EXCEEDED', bitly(429, 'MONTHLY_LIMIT_EXCEEDED'), 'monthly-limit', 1],
    ['429 BRANDED_LINK_MONTHLY_LIMIT_EXCEEDED', bitly(429, 'BRANDED_LINK_MONTHLY_LIMIT_EXCEEDED'), 'monthly-limit', 1],
    ['400 ALREADY_A_BITLY_LINK', bitly(400, 'ALREADY_A_BITLY_LINK'), 'already-bitly', 1],
    ['400 INVALID_ARG_LONG_URL', bitly(400, 'INVALID_ARG_LONG_URL'), 'url-refused', 1],
    ['400 INVALID_ARG_DOMAIN', bitly(400, 'INVALID_ARG_DOMAIN'), 'refused', 1],
    ['417 DNS_CONFIGURATION_ERROR', bitly(417, 'DNS_CONFIGURATION_ERROR'), 'refused', 1],
    ['403 FORBIDDEN', bitly(403, 'FORBIDDEN'), 'token-rejected', 1],
    ['403 RATE_LIMIT_EXCEEDED', bitly(403, 'RATE_LIMIT_EXCEEDED', true), 'rate-limited', 1],
    ['500, three times', bitly(500, 'INTERNAL_ERROR'), 'server-error', 3],
    ['no connection, three times', new BitlyError('network'), 'unreachable', 3],
  ] as const)('%s → %s after %d request(s)', async (_name, error, problem, requests) => {
    const shorten = vi.fn(async () => {
      throw error;
    });
    const { service, shortened } = setup({ shorten });
    const reply = await service.shorten({ url: PAGE });
    expect(reply).toMatchObject({ ok: false, problem });
    if (problem === 'rate-limited') expect(reply).toMatchObject({ retryAt: expect.any(Number) });
    expect(shorten).toHaveBeenCalledTimes(requests);
    expect(shortened).toEqual([]);
  });
});
