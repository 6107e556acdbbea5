import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { rememberedUntilChanged } from './remembered';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('a stored value kept in memory', () => {
  it('is read once, then again only after one of its keys changed', async () => {
    await fakeBrowser.storage.local.set({ settings: { unit: 'day' }, other: 1 });
    const read = vi.fn(async () => (await fakeBrowser.storage.local.get('settings')).settings);
    const settings = rememberedUntilChanged(read, ['local:settings']);
    expect(await settings()).toEqual({ unit: 'day' });
    expect(await settings()).toEqual({ unit: 'day' });
    expect(read).toHaveBeenCalledTimes(1);

    await fakeBrowser.storage.local.set({ other: 2 });
    await settings();
    expect(read).toHaveBeenCalledTimes(1);

    await fakeBrowser.storage.local.set({ settings: { unit: 'week' } });
    expect(await settings()).toEqual({ unit: 'week' });
    expect(read).toHaveBeenCalledTimes(2);

    await fakeBrowser.storage.local.remove('settings');
    expect(await settings()).toBeUndefined();
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('reads again after forget(), without waiting for the change event', async () => {
    const read = vi.fn(async () => 'token');
    const session = rememberedUntilChanged(read, ['local:bitlyToken']);
    await session();
    session.forget();
    await session();
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failed read', async () => {
    const read = vi.fn().mockRejectedValueOnce(new Error('storage broke')).mockResolvedValue('token');
    const session = rememberedUntilChanged(read, ['local:bitlyToken']);
    await expect(session()).rejects.toThrow('storage broke');
    expect(await session()).toBe('token');
    expect(await session()).toBe('token');
    expect(read).toHaveBeenCalledTimes(2);
  });
});
