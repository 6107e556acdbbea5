import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BitlyError } from '../bitly/errors';
import type { BitlyRequest } from '../bitly/transport';
import { StatsCache } from '../cache/stats-cache';
import { scriptedBitly } from '../scheduler/scheduled-bitly-fixture';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { rememberedPlanGates } from './plan-gates';
import { createStatsService, type Session } from './stats-service';

const paula: Session = { token: 'tok-paula', login: 'paula', defaultGroupGuid: 'Bg1', organizationGuid: 'Oa1' };
const freya: Session = { token: 'tok-freya', login: 'freya', defaultGroupGuid: 'Bf1', organizationGuid: null };

const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const SVG = 'data:image/svg+xml;base64,PHN2Zy8+';

/** Paula's plan has Bitly's QR API; Freya's answers 402. */
function fakeBitly(token: string) {
  return {
    getQrCode: vi.fn(async (request: BitlyRequest) => {
      if (token === 'tok-freya') throw new BitlyError('upgrade-required', { status: 402 });
      return { id: 'Q1', qr_code: request.query?.image_format === 'svg' ? SVG : PNG };
    }),
  };
}

function setup() {
  const { bitly, script } = scriptedBitly(fakeBitly);
  const current = { session: paula };
  const planGates = rememberedPlanGates();
  const service = createStatsService({
    cache: new StatsCache({ area: fakeBrowser.storage.local as never }),
    bitly,
    session: async () => current.session,
    settings: async () => DEFAULT_SETTINGS,
    planGates,
    askers: { signal: () => undefined, push: () => {} },
    // One moment throughout: a cached answer then equals the fetched one to the millisecond.
    now: () => 1_700_000_000_000,
  });
  return { service, current, planGates, calls: (s: Session) => script(s.token).getQrCode };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe("the qrCode facet (Bitly's own QR code)", () => {
  it('asks PNG and SVG once and then answers from the cache', async () => {
    const { service, calls } = setup();
    const first = await service.getLinkFacet({ link: 'https://bit.ly/Abc1234', facet: 'qrCode' });
    expect(first).toMatchObject({ state: 'data', data: { png: PNG, svg: SVG } });
    expect(await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'qrCode', unit: 'week' })).toEqual(first);
    expect(calls(paula).mock.calls.map(([r]) => [r.path, r.query])).toEqual([
      [['bitlinks', 'bit.ly', 'Abc1234', 'qr'], { image_format: 'png' }],
      [['bitlinks', 'bit.ly', 'Abc1234', 'qr'], { image_format: 'svg' }],
    ]);
  });

  it('remembers a 402 per account: one request ever, for any link, and not for another account', async () => {
    const { service, current, planGates, calls } = setup();
    current.session = freya;
    expect(await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'qrCode' })).toEqual({ state: 'upgrade-required' });
    expect(await service.getLinkFacet({ link: 'bit.ly/Other99', facet: 'qrCode' })).toEqual({ state: 'upgrade-required' });
    // The PNG was refused, so the SVG was never asked.
    expect(calls(freya)).toHaveBeenCalledTimes(1);
    expect(await planGates.has('freya', 'qrCode')).toBe(true);
    current.session = paula;
    expect(await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'qrCode' })).toMatchObject({ state: 'data' });
    expect(await planGates.has('paula', 'qrCode')).toBe(false);
  });

  it('asks again after the gates are cleared (clear cached data, a plan upgrade)', async () => {
    const { service, current, planGates, calls } = setup();
    current.session = freya;
    await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'qrCode' });
    await planGates.clear();
    await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'qrCode' });
    expect(calls(freya)).toHaveBeenCalledTimes(2);
  });
});
