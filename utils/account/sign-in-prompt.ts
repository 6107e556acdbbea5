/**
 * What a new user meets before a token is set: the options page (with the token steps) opens in a
 * tab when Bitlens is first installed, and the toolbar button says a token is missing — a badge
 * and its title — until one is saved.
 */
import { browser } from 'wxt/browser';
import { t } from '../i18n';

const BADGE_COLOUR = '#c2410c';

/** The toolbar button: `action` in Manifest V3, `browserAction` in Firefox's Manifest V2. */
function toolbarButton() {
  return browser.action ?? browser.browserAction;
}

/** For `runtime.onInstalled`: a first install opens the options page. */
export async function openSetupOnInstall({ reason }: { reason: string }): Promise<void> {
  if (reason !== 'install') return;
  await browser.tabs.create({ url: browser.runtime.getURL('/options.html') });
}

/** Shows on the toolbar button whether a token is set. */
export async function showSignInState(signedIn: boolean): Promise<void> {
  const button = toolbarButton();
  if (!button) return;
  await Promise.all([
    button.setBadgeText({ text: signedIn ? '' : '!' }),
    button.setBadgeBackgroundColor({ color: BADGE_COLOUR }),
    button.setTitle({ title: signedIn ? t('extName') : t('toolbarNoToken') }),
  ]);
}
