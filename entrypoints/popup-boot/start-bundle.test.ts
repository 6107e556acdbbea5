import { describe, expect, it, vi } from 'vitest';
import { startBundle } from './start-bundle';

/** The boot script's tag, as far as startBundle reads it. */
const bootScript = (attributes: Record<string, string>) => ({ getAttribute: (name: string) => attributes[name] ?? null });

describe('startBundle', () => {
  it('imports the entry and every chunk it names at once, entry first', () => {
    const load = vi.fn((_url: string) => Promise.resolve());
    startBundle(bootScript({ 'data-bundle': '/chunks/popup-A.js', 'data-preload': '/chunks/a.js /chunks/b.js' }), load);
    expect(load.mock.calls.map(([url]) => url)).toEqual(['/chunks/popup-A.js', '/chunks/a.js', '/chunks/b.js']);
  });

  it('imports the entry alone when it has no chunks', () => {
    const load = vi.fn((_url: string) => Promise.resolve());
    startBundle(bootScript({ 'data-bundle': '/chunks/popup-A.js', 'data-preload': '' }), load);
    expect(load.mock.calls.map(([url]) => url)).toEqual(['/chunks/popup-A.js']);
  });

  it('does nothing without a bundle to start (a page without the build step, or no current script)', () => {
    const load = vi.fn((_url: string) => Promise.resolve());
    startBundle(bootScript({}), load);
    startBundle(null, load);
    expect(load).not.toHaveBeenCalled();
  });

  it('reports a chunk that fails to load instead of leaving an unhandled rejection', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    startBundle(bootScript({ 'data-bundle': '/chunks/popup-A.js' }), () => Promise.reject(new Error('gone')));
    await vi.waitFor(() => expect(error).toHaveBeenCalledWith('Bitlens could not load /chunks/popup-A.js', expect.any(Error)));
    error.mockRestore();
  });
});
