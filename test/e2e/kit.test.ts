import { type BrowserContext, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/browser';
import { untypedVariables } from '../support/graphql';
import { ORDER_KIT } from '../support/kit-orders';
import { phoneContext, seriousAccessibilityViolations } from './student-pages';
import { useE2e } from './fixture';

describe('kit order form (/kit)', () => {
  const e2e = useE2e();
  let context: BrowserContext;

  async function openForm(locale = 'en-GB'): Promise<Page> {
    context = await phoneContext(e2e.browser, locale);
    const page = await context.newPage();
    await page.goto(`${e2e.base}/kit`);
    await page.getByRole('button', { name: 'Order my kits' }).or(page.getByRole('button', { name: 'Bestel mijn pakketten' })).waitFor();
    return page;
  }

  async function orderCount(): Promise<number> {
    const [row] = await e2e.server.sql<{ count: number }>('SELECT count(*)::int AS count FROM kit_order');
    return row!.count;
  }

  it('orders kits for pickup end to end and shows the reference', async () => {
    const page = await openForm();
    await page.getByLabel('Your name').fill('Sam Peeters');
    await page.getByLabel('Email', { exact: true }).fill('Sam.Peeters@vub.be');
    await page.getByLabel('Faculty (optional)').selectOption('law-criminology');
    await page.getByLabel('Number of kits').fill('3');
    await page.getByRole('radio', { name: 'French' }).check();
    await page.getByRole('radio', { name: /Library desk, health campus Jette/ }).check();
    // The consent shown is the server's text for the form's language.
    const consent = page.getByRole('checkbox', { name: /I agree that the Amnesty International student group/ });
    await consent.check();
    await saveScreenshot(page, 'kit-form');

    await page.getByRole('button', { name: 'Order my kits' }).click();
    const reference = (await page.getByTestId('kit-reference').textContent())!.trim();
    expect(reference).toMatch(/^KIT-[A-Z0-9]{6}$/);
    await page.getByText('3 writing kits are on their way to you.').waitFor();
    // This server sends no email (no SMTP_URL): the page promises none.
    await page.getByText('Keep this reference: the organisers will get in touch when your kits are ready to pick up.').waitFor();
    expect(await page.getByText(/we email/i).count()).toBe(0);
    await saveScreenshot(page, 'kit-confirmation');

    const [row] = await e2e.server.sql(
      `SELECT o.contact_name, o.contact_email, o.kits, o.language, o.delivery_method, p.slug AS pickup, f.slug AS faculty, o.consent_text, o.status
       FROM kit_order o LEFT JOIN pickup_point p ON p.id = o.pickup_point_id LEFT JOIN faculty f ON f.id = o.faculty_id
       WHERE o.reference = $1`,
      [reference],
    );
    expect(row).toMatchObject({
      contact_name: 'Sam Peeters',
      contact_email: 'sam.peeters@vub.be',
      kits: 3,
      language: 'fr',
      delivery_method: 'pickup',
      pickup: 'jette-library',
      faculty: 'law-criminology',
      status: 'requested',
    });
    expect(row!.consent_text).toMatch(/^I agree that the Amnesty International student group/);
  });

  it('orders kits by post in Dutch and stores the Dutch consent text that was shown', async () => {
    const page = await openForm('nl-BE');
    await page.getByLabel('Je naam').fill('Noor Janssens');
    await page.getByLabel('E-mail', { exact: true }).fill('noor@example.org');
    await page.getByRole('radio', { name: /Per post opsturen/ }).check();
    await page.getByLabel('Straat en huisnummer').fill('Pleinlaan 2');
    await page.getByLabel('Postcode').fill('1050');
    await page.getByLabel('Gemeente').fill('Elsene');
    await page.getByRole('checkbox', { name: /Ik ga ermee akkoord/ }).check();
    await page.getByRole('button', { name: 'Bestel mijn pakketten' }).click();
    const reference = (await page.getByTestId('kit-reference').textContent())!.trim();

    const [row] = await e2e.server.sql('SELECT kits, language, delivery_method, address_line1, postal_code, city, country_code, consent_text FROM kit_order WHERE reference = $1', [reference]);
    expect(row).toMatchObject({ kits: 1, language: 'nl', delivery_method: 'post', address_line1: 'Pleinlaan 2', postal_code: '1050', city: 'Elsene', country_code: 'BE' });
    expect(row!.consent_text).toMatch(/^Ik ga ermee akkoord/);
  });

  it('shows each of the server’s validation messages next to its field and stores nothing', async () => {
    const page = await openForm();
    const before = await orderCount();
    await page.getByLabel('Email', { exact: true }).fill('not-an-email');
    await page.getByLabel('Number of kits').fill('80');
    await page.getByRole('button', { name: 'Order my kits' }).click();

    const expectations: [string, string][] = [
      ['Your name', 'Tell us your name.'],
      ['Email', 'Enter a valid email address, e.g. name@vub.be.'],
      ['Number of kits', 'At most 50 kits per order. Write to the organisers for more.'],
    ];
    for (const [label, message] of expectations) {
      const field = page.getByLabel(label, { exact: true });
      await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await field.getAttribute('aria-describedby'))!.split(' ');
      const texts = await Promise.all(describedBy.map((id) => page.locator(`#${id}`).textContent()));
      expect(texts).toContain(message);
    }
    await page.getByText('Please agree so that we can send your kits and contact you about the marathon.').waitFor();
    // Focus goes to the first field to fix.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kit-name');
    await saveScreenshot(page, 'kit-validation');

    // A postal address: the message lands on the postal code.
    await page.getByRole('radio', { name: /Send by post/ }).check();
    await page.getByLabel('Street and number').fill('Pleinlaan 2');
    await page.getByLabel('Postal code').fill('!');
    await page.getByLabel('City').fill('Brussels');
    await page.getByRole('button', { name: 'Order my kits' }).click();
    const postalCode = page.getByLabel('Postal code');
    await expect.poll(() => postalCode.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#kit-postal-code-error').textContent()).toBe('Enter a postal code, e.g. 1050.');
    expect(await page.getByLabel('City').getAttribute('aria-invalid')).toBeNull();

    expect(await orderCount()).toBe(before);
  });

  it('shows the server’s own sentences in the page’s language (French and Dutch), for the fields and for the whole form', async () => {
    // Each sentence is the server's, for the language the page asks in: the limit (50 kits) is
    // the one the server's rule checks, and the whole-form refusal belongs to no field.
    for (const [locale, submit, kits, tooFast, expected] of [
      [
        'fr-BE',
        'Commander mes kits',
        'Nombre de kits',
        'C’était plus rapide qu’une personne ne peut remplir ce formulaire. Attendez un instant et renvoyez-le.',
        [
          'Indiquez votre nom.',
          'Indiquez une adresse e-mail valide, par ex. nom@vub.be.',
          '50 kits au maximum par commande. Écrivez aux organisateurs pour davantage.',
          'Acceptez pour que nous puissions vous envoyer vos kits et vous contacter au sujet du marathon.',
        ],
      ],
      [
        'nl-BE',
        'Bestel mijn pakketten',
        'Aantal pakketten',
        'Dat ging sneller dan iemand dit formulier kan invullen. Wacht even en verstuur het opnieuw.',
        [
          'Vul je naam in.',
          'Vul een geldig e-mailadres in, bv. naam@vub.be.',
          'Hoogstens 50 pakketten per bestelling. Schrijf de organisatoren voor meer.',
          'Ga akkoord, zodat we je pakketten kunnen sturen en je over de marathon kunnen contacteren.',
        ],
      ],
    ] as const) {
      context = await phoneContext(e2e.browser, locale);
      const page = await context.newPage();
      await page.goto(`${e2e.base}/kit`);
      await page.getByLabel('E-mail', { exact: true }).fill('not-an-email');
      await page.getByLabel(kits).fill('80');
      // A script fills the field people never see: the server refuses the whole form.
      await page.locator('input[name="website"]').fill('https://spam.example', { force: true });
      await page.getByRole('button', { name: submit }).click();
      await page.getByRole('alert').getByText(tooFast, { exact: true }).waitFor();

      await page.locator('input[name="website"]').fill('', { force: true });
      await page.getByRole('button', { name: submit }).click();
      for (const message of expected) await page.getByText(message, { exact: true }).waitFor();
      expect(await page.getByText(tooFast).count()).toBe(0);
      expect(await page.getByText('Tell us your name.').count()).toBe(0);
      await saveScreenshot(page, `kit-validation-${locale}`);
      await context.close();
    }
  });

  it('says the order was not sent when there is no connection', async () => {
    const page = await openForm();
    await page.route('**/graphql', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: 'Order my kits' }).click();
    await page.getByRole('alert').getByText('Your order was not sent: there is no connection.').waitFor();
  });

  it('has no serious or critical accessibility violations, also with errors shown', async () => {
    const page = await openForm();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Order my kits' }).click();
    await page.getByText('Tell us your name.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  // Last: it uses up this address's kit orders for the minute.
  it('says to wait, in the page’s language, when too many orders came from here', async () => {
    const page = await openForm('nl-BE');
    // Refused orders count too: the limit is taken before the order is read.
    const refused = { name: '', email: '', kits: 0, language: 'nl', delivery: { method: 'PICKUP' }, consent: false };
    for (let sent = 0; sent <= 30; sent++) {
      const { errors } = await e2e.server.gql(ORDER_KIT, untypedVariables({ input: refused }));
      if (errors?.[0]?.extensions?.code === 'RATE_LIMITED') break;
    }
    await page.getByRole('button', { name: 'Bestel mijn pakketten' }).click();
    await page.getByRole('alert').getByText(/^Te veel verzoeken van hier\. Wacht \d+ seconden? en probeer het opnieuw\.$/).waitFor();
    expect(await page.getByText('er is geen verbinding').count()).toBe(0);
  });
});
