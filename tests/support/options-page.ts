/**
 * The options page, and the one way everything signs in: the token pasted there, "Check and
 * save", and the answer to that very submission awaited. Used by the e2e suite, the demo and the
 * benchmark. Plain Playwright (no `expect`), so scripts outside the test runner can use it too.
 */
import type { Locator, Page } from '@playwright/test';

/** An account of the stand-in to sign in as: its token, and the login Bitly answers for it. */
export interface AccountToSignIn {
  token: string;
  login: string;
}

/** Longest wait for the options page to load and for Bitly (the stand-in) to answer a token check. */
const SIGN_IN_TIMEOUT_MS = 10_000;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Page object for the options page (`chrome-extension://<id>/options.html`). */
export class OptionsPage {
  constructor(
    readonly page: Page,
    private readonly extensionId: string,
  ) {}

  get url(): string {
    return `chrome-extension://${this.extensionId}/options.html`;
  }

  /** Loads the page afresh (its status line is then empty) and waits for the token form. */
  async open({ timeout = SIGN_IN_TIMEOUT_MS }: { timeout?: number } = {}) {
    await this.page.goto(this.url);
    await this.page.getByRole('heading', { name: 'Bitly access token' }).waitFor({ timeout });
  }

  get tokenInput(): Locator {
    return this.page.locator('input#token');
  }

  async submitToken(token: string) {
    await this.tokenInput.fill(token);
    await this.page.getByRole('button', { name: 'Check and save' }).click();
  }

  /** The status line under the token form (what the last submission came to). */
  get status(): Locator {
    return this.page.locator('#token-status');
  }

  /** The signed-in account's box. */
  get account(): Locator {
    return this.page.getByTestId('account');
  }

  /** The account box naming `login` ("Name (login)" or "login"), and no other account. */
  accountOf(login: string): Locator {
    const who = this.account.locator('dd').first();
    return who.filter({ hasText: new RegExp(`^(?:.* \\()?${escapeRegExp(login)}\\)?$`) });
  }

  /** The settings' group list, which the page fills from Bitly once it knows it is signed in. */
  get groupChoice(): Locator {
    return this.page.getByLabel('Group for account statistics');
  }
}

/**
 * Signs in as `account` the way a user does, leaving `page` on the options page. Returns only
 * once this submission's own answer is on the page, which proves the NEW token was saved: the
 * page is loaded afresh, so "Token saved" in its status line can only be this submission's, and
 * the account box must name this token's login. (An account box alone proves nothing: after an
 * earlier sign-in it is there before the new token has even been checked.) Then waits for the
 * settings' group list, so the page's own request for it is behind the caller.
 */
export async function signIn(page: Page, extensionId: string, account: AccountToSignIn, { timeout = SIGN_IN_TIMEOUT_MS }: { timeout?: number } = {}) {
  const options = new OptionsPage(page, extensionId);
  await options.open({ timeout });
  await options.submitToken(account.token);
  try {
    await options.status.getByText('Token saved').waitFor({ timeout });
    await options.accountOf(account.login).waitFor({ timeout });
    await options.groupChoice.waitFor({ timeout });
  } catch (error) {
    const status = await options.status.textContent({ timeout: 1000 }).catch(() => null);
    const shown = await options.account.locator('dd').first().textContent({ timeout: 1000 }).catch(() => null);
    throw new Error(
      `signing in as ${account.login} on the options page failed (status: ${status?.trim() || 'none'}; account shown: ${shown?.trim() || 'none'}; is the stand-in running?)`,
      { cause: error },
    );
  }
}

/**
 * Signs in as `account` through the options page's token form in whatever language the browser
 * shows it (the German run of the demo and its e2e): submits the form and waits for the account
 * box to name this token's login.
 */
export async function signInAnyLanguage(page: Page, extensionId: string, account: AccountToSignIn, { timeout = SIGN_IN_TIMEOUT_MS }: { timeout?: number } = {}) {
  const options = new OptionsPage(page, extensionId);
  await page.goto(options.url);
  await options.tokenInput.fill(account.token, { timeout });
  await options.tokenInput.press('Enter');
  await options.accountOf(account.login).waitFor({ timeout });
}
