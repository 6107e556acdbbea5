import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { planGates } from './plan-gates';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('plan gates', () => {
  it('keeps every facet refused at the same moment (cities and devices answer 402 together)', async () => {
    await Promise.all([planGates.remember('freya', 'cities'), planGates.remember('freya', 'devices'), planGates.remember('otto', 'cities')]);
    expect(await planGates.has('freya', 'cities')).toBe(true);
    expect(await planGates.has('freya', 'devices')).toBe(true);
    expect(await planGates.has('otto', 'cities')).toBe(true);
    expect(await planGates.has('otto', 'devices')).toBe(false);
  });

  it('forgets everything on clear, after the changes before it', async () => {
    void planGates.remember('freya', 'cities');
    await planGates.clear();
    expect(await planGates.has('freya', 'cities')).toBe(false);
  });
});
