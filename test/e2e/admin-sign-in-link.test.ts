
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/browser';
import { useE2e } from './fixture';

describe('the one-time sign-in link of the first start (/admin#sign-in=...)', () => {
  const e2e = useE2e();

  it('signs the organiser in once, takes the code out of the address, and shows the token to keep', async () => {
    // What the first start prints, made the same way.
    const code = (await e2e.server.app.services.signInCodes.offer())!;
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${e2e.base}/admin#sign-in=${code}`);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(new URL(page.url()).hash).toBe('');
    const kept = page.getByRole('status').filter({ hasText: 'You are signed in with the one-time link.' });
    await kept.waitFor();
    const token = (await kept.locator('code').textContent())!;
    expect(token).toMatch(/^wm_/);
    await saveScreenshot(page, 'admin-first-sign-in');
    const [row] = await e2e.server.sql(`SELECT role, revoked_at FROM api_token WHERE prefix = $1`, [token.slice(0, 10)]);
    expect(row).toEqual({ role: 'organiser', revoked_at: null });
    await context.close();

    // The same link a second time: a sentence, and the token form.
    const again = await e2e.browser.newContext({ locale: 'en-GB' });
    const second = await again.newPage();
    await second.goto(`${e2e.base}/admin#sign-in=${code}`);
    await second.getByRole('alert').getByText('This sign-in link has been used or has expired.').waitFor();
    await second.getByLabel('Organiser token').waitFor();
    await again.close();
  });
});
