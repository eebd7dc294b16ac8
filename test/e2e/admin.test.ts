import { readFile } from 'node:fs/promises';
import { type BrowserContext, type Locator, type Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/common/viewer';
import { saveScreenshot } from '../support/browser';
import { GetCaseAddressesDocument, ListEventsDocument } from '../support/generated/catalogue';
import { ListKitOrderReferencesDocument, MoveKitOrderDocument } from '../support/generated/kit-orders';
import { bearer } from '../support/graphql';
import { BY_POST, kitOrderInput, ORDER_KIT } from '../support/kit-orders';
import { pledgeInput, SUBMIT_PLEDGE } from '../support/pledges';
import { seriousAccessibilityViolations } from './student-pages';
import { useE2e } from './fixture';


const TOKEN_KEY = 'writing-marathon.organiser-token';

type Order = { name: string; email: string; kits?: number; post?: boolean };

describe('organiser pages (/admin)', () => {
  const e2e = useE2e({ RATE_LIMIT_KIT_ORDERS_PER_MINUTE: '200' });
  let context: BrowserContext;
  let organiserToken: string;
  let partnerToken: string;
  /** The order the status tests move along, and one to erase. */
  let ada: string;
  let grace: string;

  async function orderKit(order: Order, headers: Record<string, string> = {}): Promise<string> {
    const input = kitOrderInput(order.name, order.email, { kits: order.kits ?? 2, ...(order.post ? { delivery: BY_POST } : {}) });
    const { data, errors } = await e2e.server.gql(ORDER_KIT, { input }, headers);
    expect(errors).toBeUndefined();
    return data!.orderKit.reference;
  }

  async function statusInDatabase(reference: string): Promise<string> {
    const [row] = await e2e.server.sql<{ status: string }>('SELECT status FROM kit_order WHERE reference = $1', [reference]);
    return row!.status;
  }

  beforeAll(async () => {
    // The table's paging needs more than a page of orders, more than one token may send per minute by default.
    const { tokens } = e2e.server.app.services;
    organiserToken = (await tokens.create({ name: 'test organiser', role: Role.ORGANISER })).token;
    partnerToken = (await tokens.create({ name: 'test partner', role: Role.PARTNER, faculty: 'law-criminology' })).token;
    ada = await orderKit({ name: 'Ada Lovelace', email: 'ada@example.org', kits: 3 });
    grace = await orderKit({ name: 'Grace Hopper', email: 'grace@example.org', post: true });
    const pledged = await e2e.server.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'ciham-ali-ahmed', appealLetters: 2, solidarityCards: 1 }]) });
    expect(pledged.errors).toBeUndefined();
    // Enough orders for a second page (50 a page), sent with a token: one address may order
    // kits only 30 times a minute, a token 60 times.
    const asOrganiser = { authorization: `Bearer ${organiserToken}` };
    for (let i = 0; i < 50; i++) await orderKit({ name: `Student ${i}`, email: `student${i}@example.org` }, asOrganiser);
  });

  async function open(path = '/admin'): Promise<Page> {
    context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${e2e.base}${path}`);
    return page;
  }

  async function signIn(page: Page, token = organiserToken): Promise<void> {
    await page.getByLabel('Organiser token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  async function openSignedIn(path = '/admin'): Promise<Page> {
    const page = await open(path);
    await signIn(page);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    return page;
  }

  const row = (page: Page, reference: string): Locator => page.locator(`tr[data-reference="${reference}"]`);

  it('refuses a token that is not valid, and a partner faculty’s token, saying why', async () => {
    const page = await open();
    await signIn(page, 'wm_not-a-real-token');
    await page.getByRole('alert').getByText('This token is not valid or has been revoked.').waitFor();
    expect(await page.getByLabel('Organiser token').getAttribute('aria-invalid')).toBe('true');

    await signIn(page, partnerToken);
    await page.getByRole('alert').getByText('This is the token of a partner faculty (Law and Criminology)').waitFor();
    await saveScreenshot(page, 'admin-partner-refused');
    expect(await page.evaluate((key) => sessionStorage.getItem(key), TOKEN_KEY)).toBeNull();
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    // The server agrees: a partner token may not list kit orders.
    const { errors } = await e2e.server.gql(ListKitOrderReferencesDocument, {}, bearer(partnerToken));
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('signs an organiser in for the browser session only, and out again', async () => {
    const page = await openSignedIn();
    expect(await page.evaluate((key) => sessionStorage.getItem(key), TOKEN_KEY)).toBe(organiserToken);
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(organiserToken);

    // A reload keeps the organiser signed in: the token was entered once.
    await page.reload();
    await row(page, ada).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Organiser token').waitFor();
    expect(await page.evaluate((key) => sessionStorage.getItem(key), TOKEN_KEY)).toBeNull();
  });

  it('marks an order packed with a note: the row, its history and the database show it', async () => {
    const page = await openSignedIn();
    const order = row(page, ada);
    await order.getByText('Ada Lovelace').waitFor();
    await order.getByText('ada@example.org').waitFor();
    expect(await order.locator('[data-status]').textContent()).toBe('Requested');
    // A pickup order is never offered "shipped".
    expect(await order.getByRole('button', { name: 'Mark shipped' }).count()).toBe(0);
    await saveScreenshot(page, 'admin-kit-orders');

    await order.getByLabel('Note (optional)').fill('Packed with French templates');
    await order.getByRole('button', { name: 'Mark packed' }).click();
    await expect.poll(() => order.locator('[data-status]').textContent()).toBe('Packed');
    await order.getByRole('button', { name: 'Mark ready for pickup' }).waitFor();
    await order.getByText('History (1)').click();
    await order.getByText('Requested → Packed').waitFor();
    await order.getByText('Packed with French templates').waitFor();
    await saveScreenshot(page, 'admin-kit-order-packed');

    expect(await statusInDatabase(ada)).toBe('packed');
    const [change] = await e2e.server.sql(
      'SELECT c.from_status, c.to_status, c.note FROM kit_order_status_change c JOIN kit_order o ON o.id = c.kit_order_id WHERE o.reference = $1',
      [ada],
    );
    expect(change).toMatchObject({ from_status: 'requested', to_status: 'packed', note: 'Packed with French templates' });
  });

  it('shows the server’s sentence when a step is refused, and where the order is now', async () => {
    const page = await openSignedIn();
    const order = row(page, ada);
    await order.getByRole('button', { name: 'Mark ready for pickup' }).waitFor();
    // Another organiser moves the order on while this page still offers the old step.
    const moved = await e2e.server.gql(MoveKitOrderDocument, { reference: ada, status: 'READY_FOR_PICKUP' }, bearer(organiserToken));
    expect(moved.errors).toBeUndefined();

    await order.getByRole('button', { name: 'Mark ready for pickup' }).click();
    await order.getByRole('alert').getByText('An order that is ready for pickup can only become delivered or cancelled.').waitFor();
    await expect.poll(() => order.locator('[data-status]').textContent()).toBe('Ready for pickup');
    await order.getByRole('button', { name: 'Mark delivered' }).waitFor();
    await saveScreenshot(page, 'admin-kit-order-refused');
    expect(await statusInDatabase(ada)).toBe('ready_for_pickup');
  });

  it('filters by status, searches, and loads the next page', async () => {
    const page = await openSignedIn();
    await page.getByRole('status').getByText('52 orders').waitFor();
    expect(await page.locator('tr[data-reference]').count()).toBe(50);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => page.locator('tr[data-reference]').count()).toBe(52);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);

    await page.getByLabel('Status').selectOption('READY_FOR_PICKUP');
    await page.getByRole('status').getByText('1 order').waitFor();
    expect(await page.locator('tr[data-reference]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-reference')))).toEqual([ada]);

    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Search').fill('grace@');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('status').getByText('1 order').waitFor();
    await row(page, grace).getByText('Pleinlaan 2').waitFor();
    // A postal order goes from packed to shipped, never to "ready for pickup".
    expect(await row(page, grace).getByRole('button', { name: 'Mark packed' }).count()).toBe(1);
  });

  it('erases a person’s contact data after a confirmation; the order stays', async () => {
    const page = await openSignedIn();
    const order = row(page, grace);
    await order.getByRole('button', { name: 'Erase contact data' }).click();
    await order.getByText('Erase the name, email and address of every order placed with grace@example.org?').waitFor();
    await saveScreenshot(page, 'admin-erase-confirm');
    // Keeping the data changes nothing.
    await order.getByRole('button', { name: 'Keep the data' }).click();
    expect(await e2e.server.sql('SELECT contact_email FROM kit_order WHERE reference = $1', [grace])).toEqual([{ contact_email: 'grace@example.org' }]);

    await order.getByRole('button', { name: 'Erase contact data' }).click();
    await order.getByRole('button', { name: 'Yes, erase' }).click();
    await page.getByText('Contact data erased from 1 order.').waitFor();
    await order.getByText('Contact data erased', { exact: true }).waitFor();
    expect(await order.getByText('Grace Hopper').count()).toBe(0);
    const [erased] = await e2e.server.sql('SELECT contact_name, contact_email, address_line1, kits FROM kit_order WHERE reference = $1', [grace]);
    expect(erased).toEqual({ contact_name: null, contact_email: null, address_line1: null, kits: 2 });
  });

  it('downloads the kit orders and the totals as CSV with the token', async () => {
    const page = await openSignedIn();
    await row(page, ada).waitFor();

    const [orders] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Kit orders (CSV)' }).click()]);
    expect(orders.suggestedFilename()).toMatch(/\.csv$/);
    const ordersCsv = await readFile((await orders.path())!, 'utf8');
    expect(ordersCsv).toContain(ada);
    expect(ordersCsv).toContain('Ada Lovelace');

    const [totals] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Totals per case and faculty (CSV)' }).click()]);
    expect(totals.suggestedFilename()).toMatch(/\.csv$/);
    expect(await readFile((await totals.path())!, 'utf8')).toContain('Ciham Ali Ahmed');
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('edits an event: its new title is in `events`, and a wrong time shows next to its field', async () => {
    const page = await openSignedIn('/admin?tab=events');
    await page.getByRole('button', { name: 'Edit: Human Rights Day writing evening' }).click();
    // The opened form has focus, so a keyboard or screen-reader user lands in it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('admin-event-heading');
    const title = page.getByLabel('Title');
    await title.fill('Human Rights Day: letters and cards');

    // The end before the start: refused, with the server's message on "Ends".
    const startsAt = await page.getByLabel('Starts').inputValue();
    await page.getByLabel('Ends').fill(startsAt.replace(/T.*/, 'T00:00'));
    await page.getByRole('button', { name: 'Save event' }).click();
    const ends = page.getByLabel('Ends');
    await expect.poll(() => ends.getAttribute('aria-invalid')).toBe('true');
    // Focus goes to the field the server named.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('event-ends-at');
    expect(await page.locator('#event-ends-at-error').textContent()).toBe('The event must end after it starts.');
    await saveScreenshot(page, 'admin-event-error');

    await page.getByLabel('Ends').fill(startsAt.replace(/T.*/, 'T23:30'));
    await page.getByRole('button', { name: 'Save event' }).click();
    await page.getByRole('status').getByText('Event saved.').waitFor();
    await page.getByRole('row', { name: /Human Rights Day: letters and cards/ }).waitFor();
    await saveScreenshot(page, 'admin-events');

    const { data } = await e2e.server.gql(ListEventsDocument);
    expect(data!.events).toContainEqual(expect.objectContaining({ slug: 'human-rights-day-2026', title: 'Human Rights Day: letters and cards' }));
  });

  it('creates an event', async () => {
    const page = await openSignedIn('/admin?tab=events');
    await page.getByRole('button', { name: 'New event' }).click();
    await page.getByLabel('Title').fill('Writing lunch in Jette');
    await page.getByLabel('Short name (slug)').fill('Writing Lunch');
    await page.getByLabel('Place (optional)').fill('Library, health campus Jette');
    await page.getByLabel('Starts').fill('2026-12-12T12:00');
    await page.getByLabel('Ends').fill('2026-12-12T14:00');
    await page.getByRole('button', { name: 'Save event' }).click();
    // The slug is refused with the server's advice next to it; then fixed.
    await page.locator('#event-slug-error').getByText('Use lower-case letters, digits and hyphens').waitFor();
    await page.getByLabel('Short name (slug)').fill('writing-lunch-jette');
    await page.getByRole('button', { name: 'Save event' }).click();
    await page.getByRole('status').getByText('Event saved.').waitFor();

    const { data } = await e2e.server.gql(ListEventsDocument);
    expect(data!.events).toContainEqual(expect.objectContaining({ slug: 'writing-lunch-jette', title: 'Writing lunch in Jette', location: 'Library, health campus Jette' }));
  });

  it('edits a case: good news, and where letters and cards go', async () => {
    const page = await openSignedIn('/admin?tab=cases');
    await page.getByRole('button', { name: 'Edit: Zhang Zhan' }).click();
    await page.getByRole('radio', { name: 'Good news' }).check();
    await page.getByLabel('The good news (optional)').fill('Released on 3 March 2026');
    await page.getByLabel('Where appeal letters go (optional)').fill('Minister of Justice\nBeijing, China');
    await page.getByLabel('Where solidarity cards go (optional)').fill('');
    await saveScreenshot(page, 'admin-case-form');
    await page.getByRole('button', { name: 'Save case' }).click();
    await page.getByRole('status').getByText('Case saved.').waitFor();
    await page.getByRole('row', { name: /Zhang Zhan/ }).getByText('Good news').waitFor();

    const { data } = await e2e.server.gql(GetCaseAddressesDocument, { slug: 'zhang-zhan' });
    expect(data!.case).toEqual({
      name: 'Zhang Zhan',
      status: 'GOOD_NEWS',
      statusNote: 'Released on 3 March 2026',
      appealAddress: 'Minister of Justice\nBeijing, China',
      cardAddress: null,
    });
  });

  it('has no serious or critical accessibility violations', async () => {
    const page = await open();
    await page.getByLabel('Organiser token').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await signIn(page);
    await row(page, ada).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cases' }).click();
    await page.getByRole('button', { name: 'Edit: Zhang Zhan' }).click();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
