import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { extensionDir } from '../support/chromium';

// Reads the production build made by the test command (`npm run build` before the suites).
const dir = extensionDir('production');

test('the production manifest may reach only the real Bitly API', async () => {
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
  expect(manifest.host_permissions).toEqual(['https://api-ssl.bitly.com/*']);
  expect(manifest.optional_host_permissions ?? []).toEqual([]);
  expect(manifest.permissions).not.toContain('<all_urls>');
  // None shows an install warning.
  expect([...manifest.permissions].sort()).toEqual(['activeTab', 'contextMenus', 'storage']);
  expect(manifest.externally_connectable).toBeUndefined();
});

test('the popup costs no install warning: activeTab, no tabs permission; its shortcut is declared', async () => {
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
  // contextMenus is the report's context menu; none of the three shows an install warning.
  expect([...manifest.permissions].sort()).toEqual(['activeTab', 'contextMenus', 'storage']);
  expect(manifest.permissions).not.toContain('tabs');
  expect(manifest.action.default_popup).toBe('popup.html');
  expect(manifest.commands._execute_action.suggested_key.default).toBe('Alt+Shift+K');
});

test('the production bundle holds no stand-in address', async () => {
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.js'));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const code = await readFile(path.join(dir, file), 'utf8');
    expect(code, file).not.toMatch(/127\.0\.0\.1|localhost/);
  }
  const background = await readFile(path.join(dir, 'background.js'), 'utf8');
  expect(background).toContain('https://api-ssl.bitly.com');
  // The test build's hook for driving the context menu is not in production.
  expect(background).not.toContain('bitlensTest');
});
