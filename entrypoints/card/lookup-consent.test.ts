import { describe, expect, it } from 'vitest';
import { createFixtureCardApi, dataReply } from './card-api-fixture';
import type { CardFacetRequest } from './card-api';
import { withLookupConsent } from './lookup-consent';

const capped = { state: 'click-to-load' as const };
const clicks = dataReply({ link_clicks: [], unit: 'day' as const, units: 30 }, 0);
/** The background's answer: capped unless the user clicked. */
const cappedUnlessClicked = (request: CardFacetRequest<'clicks'>) => (request.clicked ? clicks : capped);

describe('the card’s lookups beyond the tab’s cap', () => {
  it('a capped facet waits, unanswered, and the card says a click is needed', async () => {
    const api = createFixtureCardApi({ clicks: cappedUnlessClicked });
    const consent = withLookupConsent(api);
    let heard = 0;
    consent.subscribe(() => heard++);
    let answered = false;
    void consent.api.askFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' }).then(() => (answered = true));
    await expect.poll(() => consent.waiting()).toBe(true);
    expect(heard).toBe(1);
    await Promise.resolve();
    expect(answered).toBe(false);
    expect(api.calls).toHaveLength(1);
  });

  it('the click asks every waiting facet again as clicked, and answers them', async () => {
    const api = createFixtureCardApi({ clicks: cappedUnlessClicked, countries: [capped, dataReply({ facet: 'countries', metrics: [] }, 0)] });
    const consent = withLookupConsent(api);
    const first = consent.api.askFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' });
    const second = consent.api.askFacet({ link: 'bit.ly/Abc1234', facet: 'countries' });
    await expect.poll(() => consent.waiting()).toBe(true);
    await expect.poll(() => api.calls.length).toBe(2);
    consent.allow();
    expect(consent.waiting()).toBe(false);
    expect(await first).toEqual(clicks);
    expect(await second).toMatchObject({ state: 'data' });
    expect(api.calls.slice(2).map((c) => [c.facet, c.clicked])).toEqual([
      ['clicks', true],
      ['countries', true],
    ]);
  });

  it('answers other than click-to-load pass straight through, and nothing waits', async () => {
    const api = createFixtureCardApi({ clicks });
    const consent = withLookupConsent(api);
    expect(await consent.api.askFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' })).toEqual(clicks);
    expect(consent.waiting()).toBe(false);
    expect(api.calls).toHaveLength(1);
  });
});
