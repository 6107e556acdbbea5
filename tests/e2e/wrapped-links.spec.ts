/**
 * Bitly links where people really meet them (issue 15): behind the link wrappers of mail, chat and
 * social sites. Each page is built the way that site writes its links; the card must show the
 * Bitly link inside, and the t.co card must say where the link itself goes. A look-alike wrapper
 * must cost nothing.
 */
import { test, expect, signIn } from './fixtures';
import { SAMPLE } from '../fake-bitly/data';
import { HoverPage } from './support/hover-page';

const paid = SAMPLE.accounts.paid;
const own = paid.links[0]!;
const enc = encodeURIComponent;
const bitlyUrl = `https://${own.id}`;

/** One link `#l` the way each site writes it. */
const pages: Array<[string, string, string, string]> = [
  ['an Outlook mail (Safe Links)', `https://nam12.safelinks.protection.outlook.com/?url=${enc(bitlyUrl)}&data=05%7C02%7Cme%40example.com%7C&sdata=x&reserved=0`, 'Spring sale', 'Outlook Safe Links'],
  ['a Gmail message (Google redirect)', `https://www.google.com/url?q=${bitlyUrl}&source=gmail&ust=1767225600000&usg=AOvVaw0`, bitlyUrl, 'Google'],
  ['a Slack message', `https://slack-redir.net/link?url=${enc(bitlyUrl)}`, own.id, 'Slack'],
  ['a Facebook post (link shim)', `https://l.facebook.com/l.php?u=${enc(`${bitlyUrl}?fbclid=IwAR0x`)}&h=AT0abc`, 'example.com', 'Facebook'],
];

test.describe('wrapped Bitly links', () => {
  let hover: HoverPage;
  test.beforeEach(async ({ page, context, extensionId, fake, site }) => {
    await signIn(page, extensionId, paid);
    fake.clearLog();
    hover = await HoverPage.open(context, site, page);
  });

  for (const [where, href, text, wrapper] of pages) {
    test(`${where}: the card shows the Bitly link inside, and says through what`, async ({ fake }) => {
      await hover.showLink(href, { text });
      await hover.hover('#l');
      await hover.expectOpen(own.id);
      await hover.expectState('data');
      await expect(hover.card.getByTestId('wrapped-note')).toHaveText(`Reached through ${wrapper}`);
      expect(fake.log.some((r) => r.path === `/v4/bitlinks/${own.id}/clicks`)).toBe(true);
    });
  }

  test('an X post (link to t.co, text bit.ly/…): the card names the wrapper and says its destination is not known', async () => {
    await hover.show(
      `<article><p>Our sale starts today <a id="l" href="https://t.co/Ab12Cd34Ef" rel="noopener" target="_blank"><span style="position:absolute;opacity:0;width:0;overflow:hidden">https://</span>${own.id}</a></p></article>`,
    );
    await hover.hover('#l');
    await hover.expectOpen(own.id);
    await hover.expectState('data');
    const note = hover.card.getByTestId('wrapped-note');
    await expect(note).toHaveAttribute('data-found', 'text');
    await expect(note).toContainText('This link goes to X (t.co), not to Bitly');
    await expect(note).toContainText('Bitlens cannot see');
  });

  test('look-alike and crafted wrappers open nothing and ask nothing', async ({ fake }) => {
    const crafted = [
      `https://slack-redir.net.evil.example/link?url=${enc(bitlyUrl)}`,
      `https://nam12.safelinks.protection.outlook.com.evil.example/?url=${enc(bitlyUrl)}`,
      `https://www.google.com/url?q=${enc(`https://slack-redir.net/link?url=${enc(bitlyUrl)}`)}`,
      `https://slack-redir.net/link?url=${enc(enc(bitlyUrl))}`,
      `https://www.google.com/url?q=${enc('https://example.com/')}&continue=${enc(bitlyUrl)}`,
      'https://example.com/AbC',
    ];
    await hover.show(
      crafted.map((href, i) => `<p style="margin:10px"><a id="c${i}" href="${href}">${i === crafted.length - 1 ? own.id : `crafted ${i}`}</a></p>`).join(''),
    );
    for (let i = 0; i < crafted.length; i++) {
      await hover.hover(`#c${i}`);
      await hover.waitNothingHappenedWindow();
      await hover.expectClosed();
    }
    expect(fake.log.filter((r) => r.path !== '/v4/bsds')).toEqual([]);
  });
});
