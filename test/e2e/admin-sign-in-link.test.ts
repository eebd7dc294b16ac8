import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot } from '../support/browser';
import { startServer, type TestServer } from '../support/server';

describe('the one-time sign-in link of the first start (/admin#sign-in=...)', () => {
  let server: TestServer;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    base = new URL(server.url).origin;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs the organiser in once, takes the code out of the address, and shows the token to keep', async () => {
    // What the first start prints, made the same way.
    const code = (await server.app.services.signInCodes.offer())!;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${base}/admin#sign-in=${code}`);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(new URL(page.url()).hash).toBe('');
    const kept = page.getByRole('status').filter({ hasText: 'You are signed in with the one-time link.' });
    await kept.waitFor();
    const token = (await kept.locator('code').textContent())!;
    expect(token).toMatch(/^wm_/);
    await saveScreenshot(page, 'admin-first-sign-in');
    const [row] = await server.sql(`SELECT role, revoked_at FROM api_token WHERE prefix = $1`, [token.slice(0, 10)]);
    expect(row).toEqual({ role: 'organiser', revoked_at: null });
    await context.close();

    // The same link a second time: a sentence, and the token form.
    const again = await browser.newContext({ locale: 'en-GB' });
    const second = await again.newPage();
    await second.goto(`${base}/admin#sign-in=${code}`);
    await second.getByRole('alert').getByText('This sign-in link has been used or has expired.').waitFor();
    await second.getByLabel('Organiser token').waitFor();
    await again.close();
  });
});
