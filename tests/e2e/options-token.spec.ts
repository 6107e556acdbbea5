import { test, expect, OptionsPage } from './fixtures';
import { SAMPLE } from '../fake-bitly/data';

const paid = SAMPLE.accounts.paid;

test.describe('options page: token setup', () => {
  test('a good token is checked with Bitly, saved, and the account is shown', async ({ page, extensionId, fake, background }) => {
    const options = new OptionsPage(page, extensionId);
    await options.open();
    await options.submitToken(`  ${paid.token}  `);

    await expect(options.status).toContainText('Token saved');
    await expect(options.account).toContainText(`Paula Paid (${paid.login})`);
    await expect(options.account).toContainText(paid.groups[0]!.name);
    await expect(options.account).toContainText(/enterprise/i);
    expect(fake.log.filter((r) => r.path === '/v4/user').map((r) => r.token)).toEqual([paid.token]);

    // Stored (trimmed) for the background, and still there after a reload.
    // Token and account as one value, in one write.
    expect(await background.evaluate(() => chrome.storage.local.get('credentials'))).toEqual({
      credentials: { token: paid.token, account: expect.objectContaining({ login: paid.login }) },
    });
    await page.reload();
    await expect(options.account).toContainText(paid.login);
  });

  test('a rejected token shows a clear error and keeps the saved account', async ({ page, extensionId }) => {
    const options = new OptionsPage(page, extensionId);
    await options.open();
    await options.submitToken(paid.token);
    await expect(options.accountOf(paid.login)).toBeVisible();

    await options.submitToken('not-a-real-token');
    await expect(options.status).toContainText('Bitly rejected this token');
    await expect(options.tokenInput).toHaveValue('not-a-real-token');
    await page.reload();
    await expect(options.account).toContainText(paid.login);
  });

  test('an empty or whitespace token is refused without asking Bitly', async ({ page, extensionId, fake }) => {
    const options = new OptionsPage(page, extensionId);
    await options.open();
    await options.submitToken('   ');
    await expect(options.status).toContainText('Paste your Bitly access token first');
    expect(fake.log).toHaveLength(0);
  });

  test('Bitly unreachable: says so, saves nothing', async ({ page, extensionId, fake, background }) => {
    await fake.close();
    const options = new OptionsPage(page, extensionId);
    await options.open();
    await options.submitToken(paid.token);
    await expect(options.status).toContainText('couldn’t reach Bitly');
    expect(await background.evaluate(() => chrome.storage.local.get(['credentials', 'bitlyToken']))).toEqual({});
    await expect(options.account).toHaveCount(0);
  });

  test('Bitly failing with 5xx: says to try again, saves nothing', async ({ page, extensionId, fake }) => {
    fake.faults.add({ match: { path: '/v4/user' }, fault: { kind: 'status', status: 503 } });
    const options = new OptionsPage(page, extensionId);
    await options.open();
    await options.submitToken(paid.token);
    await expect(options.status).toContainText('Bitly couldn’t answer just now');
    await expect(options.account).toHaveCount(0);
  });

  test('sign out removes the token', async ({ page, extensionId, background }) => {
    const options = new OptionsPage(page, extensionId);
    await options.open();
    await options.submitToken(SAMPLE.accounts.free.token);
    await expect(options.account).toContainText(SAMPLE.accounts.free.login);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(options.account).toHaveCount(0);
    expect(await background.evaluate(() => chrome.storage.local.get(['credentials', 'bitlyToken', 'account']))).toEqual({});
  });
});
