import { type BrowserContext, type Locator, type Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/browser';
import { kitOrderInput, ORDER_KIT } from '../support/kit-orders';
import { createTokens } from '../support/tokens';
import { useE2e } from './fixture';
import { signInToAdmin } from './admin-pages';

describe('kit orders on a busy evening (/admin)', () => {
  const e2e = useE2e({ RATE_LIMIT_KIT_ORDERS_PER_MINUTE: '200' });
  let context: BrowserContext;
  let organiserToken: string;

  async function orderKit(name: string, post = false): Promise<string> {
    const { data, errors } = await e2e.server.gql(ORDER_KIT, {
      input: kitOrderInput(name, `${name.split(' ')[0]!.toLowerCase()}@example.org`, {
        ...(post ? { delivery: { method: 'POST', address: { line1: 'Boulevard de la Plaine 2', line2: 'Building F, box 7', postalCode: '1050', city: 'Ixelles' } } } : {}),
      }),
    });
    expect(errors).toBeUndefined();
    return data!.orderKit.reference;
  }

  const statusOf = async (reference: string) =>
    (await e2e.server.sql<{ status: string }>('SELECT status FROM kit_order WHERE reference = $1', [reference]))[0]!.status;

  beforeAll(async () => {
    organiserToken = (await createTokens(e2e.server)).organiserToken;
  });

  async function openSignedIn(viewport = { width: 1280, height: 800 }): Promise<Page> {
    context = await e2e.browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'en-GB' });
    const page = await context.newPage();
    await signInToAdmin(page, e2e.base, organiserToken);
    return page;
  }

  const row = (page: Page, reference: string): Locator => page.locator(`tr[data-reference="${reference}"]`);
  const shownStatus = (order: Locator) => order.locator('[data-status]').textContent();

  it('moves one order through every status without a reload', async () => {
    const pickup = await orderKit('Ada Lovelace');
    const post = await orderKit('Grace Hopper', true);
    const page = await openSignedIn();

    const order = row(page, pickup);
    for (const [button, status] of [
      ['Mark packed', 'Packed'],
      ['Mark ready for pickup', 'Ready for pickup'],
      ['Mark delivered', 'Delivered'],
    ] as const) {
      await order.getByRole('button', { name: button }).click();
      await expect.poll(() => shownStatus(order)).toBe(status);
      // The row is free again at once: no "Saving…" left behind, nothing disabled.
      expect(await order.getByText('Saving…').count()).toBe(0);
    }
    await order.getByText('No further steps.').waitFor();
    expect(await statusOf(pickup)).toBe('delivered');

    const postal = row(page, post);
    for (const [button, status] of [
      ['Mark packed', 'Packed'],
      ['Mark shipped', 'Shipped'],
      ['Mark delivered', 'Delivered'],
    ] as const) {
      await postal.getByRole('button', { name: button }).click();
      await expect.poll(() => shownStatus(postal)).toBe(status);
    }
    expect(await statusOf(post)).toBe('delivered');
    await postal.getByText('History (3)').click();
    await postal.getByText('Shipped → Delivered').waitFor();
  });

  it('shows the orders placed while the tab is open: when the tab is opened again, and every half minute', async () => {
    context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'en-GB' });
    const page = await context.newPage();
    // The page's own clock, so that half a minute passes at once.
    await page.clock.install();
    await signInToAdmin(page, e2e.base, organiserToken);
    await page.getByRole('heading', { name: 'Kit orders' }).waitFor();

    const early = await orderKit('Dorothy Vaughan');
    await page.getByRole('button', { name: 'Events' }).click();
    await page.getByRole('button', { name: 'Kit orders' }).click();
    await row(page, early).waitFor();

    const late = await orderKit('Evelyn Boyd Granville');
    await page.clock.runFor(31_000);
    await row(page, late).waitFor();
  });

  it('says that this server sends no email, so organisers contact students themselves', async () => {
    const reference = await orderKit('Annie Easley');
    const page = await openSignedIn();
    await page.getByText('This server sends no email (SMTP_URL is not set): students get no confirmation or notice. Contact them yourselves when their kits are ready.').waitFor();
    await row(page, reference).getByText('No emails: email is off.').waitFor();
  });

  it('moves several orders together, and says which it could not move and why', async () => {
    const picked = [await orderKit('Hedy Lamarr'), await orderKit('Katherine Johnson'), await orderKit('Mary Jackson', true)];
    const page = await openSignedIn();
    for (const reference of picked) await page.getByLabel(`Select ${reference}`).check();
    const bulk = page.getByRole('group', { name: 'Selected orders' });
    await bulk.getByText('3 selected').waitFor();
    await bulk.getByRole('button', { name: 'Mark selected packed' }).click();
    await bulk.getByRole('status').getByText('3 orders moved to Packed.').waitFor();
    for (const reference of picked) await expect.poll(() => shownStatus(row(page, reference))).toBe('Packed');
    for (const reference of picked) expect(await statusOf(reference)).toBe('packed');

    // The selection stays, so the next step is one more click; a pickup order is never shipped.
    await bulk.getByRole('button', { name: 'Mark selected shipped' }).click();
    await bulk.getByRole('status').getByText('1 order moved to Shipped.').waitFor();
    await bulk.getByText(`${picked[0]}: An order that is packed can only become ready for pickup or cancelled.`).waitFor();
    await saveScreenshot(page, 'admin-bulk-outcome');
    expect(await statusOf(picked[2]!)).toBe('shipped');
    expect(await statusOf(picked[0]!)).toBe('packed');
    await expect.poll(() => shownStatus(row(page, picked[2]!))).toBe('Shipped');

    await bulk.getByRole('button', { name: 'Clear selection' }).click();
    expect(await page.getByRole('group', { name: 'Selected orders' }).count()).toBe(0);
  });

  it('prints a packing and pickup list: who, what and where, without buttons', async () => {
    await orderKit('Radia Perlman', true);
    const page = await openSignedIn();
    await page.locator('tr[data-reference]').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    await page.getByRole('heading', { name: /Packing and pickup list/ }).waitFor();
    // Nothing to click on paper.
    for (const hidden of ['Sign out', 'Mark packed', 'Kit orders (CSV)']) {
      expect(await page.getByRole('button', { name: hidden }).first().isVisible()).toBe(false);
    }
    expect(await page.getByRole('checkbox').first().isVisible()).toBe(false);
    expect(await page.getByText('Boulevard de la Plaine 2').first().isVisible()).toBe(true);
    expect(await page.getByText('Radia Perlman').isVisible()).toBe(true);
    await saveScreenshot(page, 'admin-print');
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByRole('button', { name: 'Print packing list' }).isVisible()).toBe(true);
  });

  it('fits a 390 px phone: no element wider than the screen, every step reachable', async () => {
    const reference = await orderKit('Frances Allen', true);
    const page = await openSignedIn({ width: 390, height: 844 });
    const order = row(page, reference);
    await order.waitFor();
    await saveScreenshot(page, 'admin-390');
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > width + 0.5 && getComputedStyle(element).visibility !== 'hidden')
        .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`);
      return { scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 10) };
    });
    expect(overflow).toEqual({ scrollWidth: 390, width: 390, wide: [] });
    // Status and the next step are on screen, not off to the right.
    for (const target of [order.locator('[data-status]'), order.getByRole('button', { name: 'Mark packed' }), page.getByRole('button', { name: 'Sign out' })]) {
      const box = (await target.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    await order.getByRole('button', { name: 'Mark packed' }).click();
    await expect.poll(() => shownStatus(order)).toBe('Packed');
    await order.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'admin-390-packed');
  });
});
