/**
 * Where the signed-in account lives. Only the background imports this: the token is stored in
 * `storage.local`, which the background restricts to trusted contexts (see restrictStorageToExtension).
 */
import { storage } from 'wxt/utils/storage';
import type { AccountSummary } from '../messaging/protocol';

export const tokenItem = storage.defineItem<string | null>('local:bitlyToken', { fallback: null });

/** What /v4/user, /groups and /organizations said when the token was saved. Not secret. */
export const accountItem = storage.defineItem<AccountSummary | null>('local:account', { fallback: null });

/**
 * Chromium lets the background keep `storage.local` away from content scripts; the setting is
 * not persisted, so it runs on every worker start. Firefox has no such call.
 */
export async function restrictStorageToExtension(): Promise<void> {
  if (typeof chrome === 'undefined' || !chrome.storage?.local?.setAccessLevel) return;
  await chrome.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
}
