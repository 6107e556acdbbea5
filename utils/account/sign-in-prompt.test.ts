import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openSetupOnInstall, showSignInState } from './sign-in-prompt';

beforeEach(() => {
  fakeBrowser.reset();
  // The message key stands in for its text.
  fakeBrowser.i18n.getMessage = ((key: string) => key) as typeof fakeBrowser.i18n.getMessage;
});

describe('sign-in prompt', () => {
  it('a first install opens the options page in a tab; an update or a browser update does not', async () => {
    const urls = async () => (await fakeBrowser.tabs.query({})).map((tab) => tab.url);
    const before = await urls();
    await openSetupOnInstall({ reason: 'update' });
    await openSetupOnInstall({ reason: 'browser_update' });
    expect(await urls()).toEqual(before);
    await openSetupOnInstall({ reason: 'install' });
    expect(await urls()).toEqual([...before, fakeBrowser.runtime.getURL('/options.html')]);
  });

  it('the toolbar button shows a badge and says why while no token is set, and clears once one is', async () => {
    await showSignInState(false);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getTitle({})).toBe('toolbarNoToken');
    await showSignInState(true);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe('extName');
  });
});
