import { type BrowserContext, type Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/common/viewer';
import { saveScreenshot } from '../support/browser';
import { pledgeInput, SUBMIT_PLEDGE, TOTALS } from '../support/pledges';
import { useE2e } from './fixture';
import { signInToAdmin } from './admin-pages';

const EVENT = 'human-rights-day-2026';

describe('voiding a pledge in /admin', () => {
  const e2e = useE2e();
  let context: BrowserContext;
  let organiserToken: string;
  let badPledgeId: string;

  beforeAll(async () => {
    organiserToken = (await e2e.server.app.services.tokens.create({ name: 'test organiser', role: Role.ORGANISER })).token;
    for (let i = 0; i < 6; i++) {
      const { errors } = await e2e.server.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'janna-jihad', appealLetters: 1, solidarityCards: 1 }], { event: EVENT, faculty: 'engineering' }) });
      expect(errors).toBeUndefined();
    }
    // The one that cannot be true: the maximum a student may send, from a script.
    const bad = await e2e.server.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'zhang-zhan', appealLetters: 20, solidarityCards: 20 }], { event: EVENT }) });
    badPledgeId = bad.data!.submitPledge.id;
    context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  });

  const eventTotal = async () => (await e2e.server.gql(TOTALS, { event: EVENT })).data!.totals.total as number;
  const waitForShownTotal = (page: Page, total: number) =>
    page.waitForFunction(
      (expected) => Number(document.querySelector('[data-testid="grand-total"]')?.textContent?.replace(/\D/g, '') ?? NaN) === expected,
      total,
      { timeout: 10_000 },
    );

  it('finds the latest pledges of the event, voids the bad one with a reason, and the totals drop over the API and on /live', async () => {
    const live = await context.newPage();
    await live.goto(`${e2e.base}/live?event=${EVENT}`);
    await waitForShownTotal(live, 52);

    const admin = await context.newPage();
    await signInToAdmin(admin, e2e.base, organiserToken);
    await admin.getByRole('button', { name: 'Pledges' }).click();
    await admin.getByLabel('Event').selectOption(EVENT);

    // Newest first: the bad pledge is the first row.
    const rows = admin.locator('tr[data-pledge]');
    await expect.poll(() => rows.first().getAttribute('data-pledge')).toBe(badPledgeId);
    expect(await rows.count()).toBe(7);
    const row = admin.locator(`tr[data-pledge="${badPledgeId}"]`);
    expect(await row.getByText('Zhang Zhan: 20 letters, 20 cards').count()).toBe(1);

    await row.getByRole('button', { name: /^Void/ }).click();
    // No reason, no voiding: the field says what is missing and has focus.
    await row.getByRole('button', { name: 'Void pledge' }).click();
    const reason = row.getByLabel('Why void it?');
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    expect(await row.getByText('Write the reason first: it is kept with the pledge.').count()).toBe(1);
    expect(await admin.evaluate(() => document.activeElement?.id)).toBe(`pledge-reason-${badPledgeId}`);
    await reason.fill('40 letters from a script in two seconds');
    await saveScreenshot(admin, 'admin-void-pledge');
    await row.getByRole('button', { name: 'Void pledge' }).click();
    await row.locator('[data-status]').getByText('Voided').waitFor();
    expect(await row.getByText('40 letters from a script in two seconds').count()).toBe(1);

    expect(await eventTotal()).toBe(12);
    await waitForShownTotal(live, 12);

    // Restore it: a mistake is undone the same way.
    await row.getByRole('button', { name: /^Restore/ }).click();
    await row.getByLabel('Why restore it?').fill('Checked the paper: it was a real table');
    await row.getByRole('button', { name: 'Restore pledge' }).click();
    await row.locator('[data-status]').getByText('Counted').waitFor();
    expect(await eventTotal()).toBe(52);
    await waitForShownTotal(live, 52);
  });
});
