import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/browser';
import { pledgeInput, SUBMIT_PLEDGE } from '../support/pledges';
import { createTokens } from '../support/tokens';
import { useE2e } from './fixture';
import { signInToAdmin } from './admin-pages';

/** A faculty's website on an origin of its own, serving whatever HTML the test gives it. */
async function startSite(): Promise<{ origin: string; html: { current: string }; close(): Promise<void> }> {
  const html = { current: '' };
  const server: Server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html.current));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, html, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('the widget for faculties’ websites (/embed)', () => {
  let allowed: Awaited<ReturnType<typeof startSite>>;
  let other: Awaited<ReturnType<typeof startSite>>;
  beforeAll(async () => {
    [allowed, other] = await Promise.all([startSite(), startSite()]);
  });
  const e2e = useE2e(() => ({ EMBED_ORIGINS: allowed.origin }));
  afterAll(async () => {
    await allowed?.close();
    await other?.close();
  });

  const pledge = (faculty: string, appealLetters = 1) =>
    e2e.server.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'zhang-zhan', appealLetters, solidarityCards: 1 }], { faculty }) });

  async function snippetFromAdmin(page: Page): Promise<string> {
    const { organiserToken } = await createTokens(e2e.server);
    await signInToAdmin(page, e2e.base, organiserToken);
    await page.getByRole('button', { name: 'Events' }).click();
    const snippet = page.getByRole('region', { name: 'Widget for a website' });
    await snippet.getByLabel('Shows').selectOption({ label: 'Faculty: Engineering' });
    await snippet.getByLabel('Colours').selectOption('dark');
    await snippet.getByLabel('Language').selectOption('nl');
    const code = await snippet.getByLabel('Code to paste').inputValue();
    await saveScreenshot(page, 'admin-embed-snippet');
    return code;
  }

  it('gives organisers a snippet that shows a live faculty total on an allowed site, withheld below 5 pledges', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const admin = await context.newPage();
    const code = await snippetFromAdmin(admin);
    expect(code).toMatch(/^<iframe src="[^"]+\/embed\/totals\?[^"]*faculty=engineering[^"]*theme=dark[^"]*lang=nl"/);

    allowed.html.current = `<!doctype html><html lang="nl"><body><h1>Faculteit Ingenieurswetenschappen</h1>${code}</body></html>`;
    const site = await context.newPage();
    await site.goto(allowed.origin);
    const widget = site.frameLocator('iframe');
    await widget.getByTestId('embed-withheld').waitFor();
    expect(await widget.getByTestId('embed-withheld').textContent()).toMatch(/minder dan 5/);

    // Other faculties pledge too, so that the campaign total does not give Engineering away.
    for (let i = 0; i < 5; i++) await pledge('medicine-pharmacy');
    for (let i = 0; i < 6; i++) await pledge('law-criminology');
    for (let i = 0; i < 5; i++) await pledge('engineering', 2);
    await widget.getByTestId('embed-total').filter({ hasText: '15' }).waitFor();
    await saveScreenshot(site, 'embed-on-faculty-site');
  });

  it('names itself in its language: the tab and a screen reader say what the frame is', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    for (const [lang, title] of [
      ['en', 'Live total · Write for Rights'],
      ['nl', 'Live totaal · Write for Rights'],
      ['fr', 'Total en direct · Write for Rights'],
    ] as const) {
      await page.goto(`${e2e.base}/embed/totals?lang=${lang}`);
      await page.getByTestId('embed-total').waitFor();
      await expect.poll(() => page.title()).toBe(title);
    }
  });

  it('is refused in a frame on a site not in EMBED_ORIGINS, and the pledge form is refused in any frame', async () => {
    const context = await e2e.browser.newContext();
    other.html.current = `<!doctype html><body><iframe id="widget" src="${e2e.base}/embed/totals"></iframe><iframe id="form" src="${e2e.base}/pledge"></iframe></body>`;
    const page = await context.newPage();
    await page.goto(other.origin);
    await page.waitForLoadState('load');
    for (const id of ['widget', 'form']) {
      const frame = await (await page.$(`#${id}`))!.contentFrame();
      expect(await frame!.locator('main').count(), id).toBe(0);
    }
  });
});
