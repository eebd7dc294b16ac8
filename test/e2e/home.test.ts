import { type BrowserContext, type Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { GetHomePageDocument } from '../../dashboard/graphql/generated/home';
import { saveScreenshot } from '../support/browser';
import { pledgeInput, SUBMIT_PLEDGE } from '../support/pledges';
import { phoneContext, seriousAccessibilityViolations } from './student-pages';
import { useE2e } from './fixture';

describe('landing page (/)', () => {
  const e2e = useE2e();
  let context: BrowserContext;

  beforeAll(async () => {
    const { errors } = await e2e.server.gql(SUBMIT_PLEDGE, {
      input: pledgeInput([{ case: 'zhang-zhan', appealLetters: 2, solidarityCards: 1 }]),
    });
    expect(errors).toBeUndefined();
  });

  async function open(newContext: () => Promise<BrowserContext>): Promise<Page> {
    context = await newContext();
    const page = await context.newPage();
    await page.goto(`${e2e.base}/`);
    await page.getByTestId('home-total').waitFor();
    return page;
  }

  it('links the pledge form, the kit order and the live screen, and lists every case', async () => {
    const page = await open(() => e2e.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' }));
    // What the page itself asks for.
    const { data } = await e2e.server.gql(GetHomePageDocument);
    const campaign = data!.campaign!;

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(campaign.title);
    expect(await page.getByTestId('home-total').textContent()).toContain('3 letters and cards so far');
    expect(await page.getByTestId('link-pledge').getAttribute('href')).toBe('/pledge');
    expect(await page.getByTestId('link-kit').getAttribute('href')).toBe('/kit');
    expect(await page.getByTestId('link-live').getAttribute('href')).toBe('/live');

    const listed = await page.locator('[data-case]').evaluateAll((items) =>
      items.map((item) => ({ slug: item.getAttribute('data-case'), href: item.querySelector('a')!.getAttribute('href'), text: item.textContent })),
    );
    expect(listed.map((item) => item.slug)).toEqual(campaign.cases.map((item) => item.slug));
    for (const [index, item] of listed.entries()) {
      expect(item.href).toBe(`/cases/${campaign.cases[index]!.slug}`);
      expect(item.text).toContain(campaign.cases[index]!.name);
      expect(item.text).toContain(campaign.cases[index]!.country);
    }

    // The seed event, with its own pledge and live links.
    const event = page.locator('[data-event="human-rights-day-2026"]');
    expect(await event.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([
      '/pledge?event=human-rights-day-2026',
      '/live?event=human-rights-day-2026',
    ]);
    await saveScreenshot(page, 'home-desktop');

    // Links navigate inside the app.
    await page.getByTestId('link-live').click();
    await page.waitForURL(`${e2e.base}/live`);
    await page.getByTestId('grand-total').waitFor();
  });

  it('reads well on a phone, in Dutch too, without accessibility violations', async () => {
    const page = await open(() => phoneContext(e2e.browser));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'home-phone');

    await page.getByRole('button', { name: /^NL/ }).click();
    await page.getByText('Tel je brieven mee').waitFor();
    expect(await page.getByTestId('home-total').textContent()).toContain('al 3 brieven en kaarten');
  });
});
