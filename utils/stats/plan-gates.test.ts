import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { rememberedPlanGates } from './plan-gates';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('plan gates', () => {
  it('keeps every facet refused at the same moment (cities and devices answer 402 together)', async () => {
    const planGates = rememberedPlanGates();
    await Promise.all([planGates.remember('freya', 'cities'), planGates.remember('freya', 'devices'), planGates.remember('otto', 'cities')]);
    expect(await planGates.has('freya', 'cities')).toBe(true);
    expect(await planGates.has('freya', 'devices')).toBe(true);
    expect(await planGates.has('otto', 'cities')).toBe(true);
    expect(await planGates.has('otto', 'devices')).toBe(false);
  });

  it('forgets everything on clear, after the changes before it', async () => {
    const planGates = rememberedPlanGates();
    void planGates.remember('freya', 'cities');
    await planGates.clear();
    expect(await planGates.has('freya', 'cities')).toBe(false);
  });
});

describe('plan gates kept in memory (the background’s)', () => {
  const readsOfGates = () => vi.spyOn(fakeBrowser.storage.local, 'get');

  it('reads storage once for any number of questions', async () => {
    await rememberedPlanGates().remember('freya', 'cities');
    const gates = rememberedPlanGates();
    const reads = readsOfGates();
    const answers = await Promise.all(['cities', 'devices', 'cities', 'countries'].map((facet) => gates.has('freya', facet)));
    expect(answers).toEqual([true, false, true, false]);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('knows its own changes at once, and a change written elsewhere once storage reports it', async () => {
    const gates = rememberedPlanGates();
    expect(await gates.has('freya', 'cities')).toBe(false);
    await gates.remember('freya', 'cities');
    expect(await gates.has('freya', 'cities')).toBe(true);

    // Another context's copy writing to storage.
    await rememberedPlanGates().remember('freya', 'devices');
    await vi.waitFor(async () => expect(await gates.has('freya', 'devices')).toBe(true));

    await gates.clear();
    expect(await gates.has('freya', 'cities')).toBe(false);
  });
});
