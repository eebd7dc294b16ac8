import { type Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { roundCrossed } from '../../dashboard/composables/useMilestones';
import { saveScreenshot } from '../support/browser';
import { ListEventsDocument, SetEventGoalDocument } from '../support/generated/catalogue';
import { GetFacultyTotalsDocument } from '../support/generated/partners';
import { createTokens } from '../support/tokens';
import { pledgeInput, SUBMIT_PLEDGE, TOTALS, type PledgeLine } from '../support/pledges';
import { useE2e } from './fixture';
import { seriousAccessibilityViolations } from './student-pages';

const EVENT = 'human-rights-day-2026';

/** The screens the issue names: projectors from 4:3 to 4K, and phones. */
const SCREENS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
  { width: 360, height: 800, phone: true },
  { width: 390, height: 844, phone: true },
] as const;

/** Digits of an element's text: "12,345" gives 12345. */
const shownNumber = (page: Page, testId: string) =>
  page.getByTestId(testId).first().evaluate((element) => Number(element.textContent!.replace(/\D/g, '')));

/**
 * Everything a person reads on the screen, measured: every element wider than the viewport,
 * every case name's box (which must be whole, inside the viewport and apart from the others)
 * and its font size.
 */
function measure(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const box = (element: Element) => {
      const { left, top, right, bottom, width, height } = element.getBoundingClientRect();
      return { left, top, right, bottom, width, height };
    };
    const tooWide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((element) => element.getClientRects().length > 0 && !element.closest('.visually-hidden') && !element.closest('svg'))
      .filter((element) => {
        const { left, right } = element.getBoundingClientRect();
        return left < -1 || right > root.clientWidth + 1;
      })
      .map((element) => element.className || element.tagName);
    const names = [...document.querySelectorAll<HTMLElement>('.case-chart__name')].map((element) => {
      const person = element.querySelector<HTMLElement>('.case-chart__person')!;
      const country = element.querySelector<HTMLElement>('.case-chart__country')!;
      return {
        slug: element.dataset.case!,
        row: box(element),
        text: box(person),
        country: box(country),
        fontSize: parseFloat(getComputedStyle(person).fontSize),
        countrySize: parseFloat(getComputedStyle(country).fontSize),
        cut: person.scrollWidth > person.clientWidth + 1 || country.scrollWidth > country.clientWidth + 1,
      };
    });
    const title = document.querySelector<HTMLElement>('.live__title')!;
    return {
      tooWide,
      names,
      titleLines: title.getBoundingClientRect().height / parseFloat(getComputedStyle(title).lineHeight),
      scrollWidth: root.scrollWidth,
      clientWidth: root.clientWidth,
      scrollHeight: root.scrollHeight,
      clientHeight: root.clientHeight,
      regions: ['.live__titles', '.controls', '.grand-total', '.goal', '.pledge-qr', '.live__cases-head', '.case-chart'].map((selector) => ({
        selector,
        ...box(document.querySelector(selector)!),
      })),
    };
  });
}

describe('the live screen on every screen (/live)', () => {
  const e2e = useE2e();
  let organiser: Record<string, string>;

  async function pledge(lines: PledgeLine[], extra: { faculty?: string } = {}): Promise<void> {
    const { errors } = await e2e.server.gql(SUBMIT_PLEDGE, { input: pledgeInput(lines, { event: EVENT, ...extra }) }, organiser);
    expect(errors).toBeUndefined();
  }
  const eventTotal = async () => ((await e2e.server.gql(TOTALS, { event: EVENT })).data!.totals as { total: number }).total;

  async function openLive(viewport: { width: number; height: number; phone?: boolean }, query = '', options: { reducedMotion?: 'reduce' } = {}): Promise<Page> {
    const context = await e2e.browser.newContext({
      viewport: { width: viewport.width, height: viewport.height },
      locale: 'en-GB',
      ...(viewport.phone ? { isMobile: true, hasTouch: true } : {}),
      reducedMotion: options.reducedMotion ?? 'no-preference',
    });
    const page = await context.newPage();
    await page.goto(`${e2e.base}/live?event=${EVENT}${query}`);
    await page.getByTestId('connection').and(page.locator('[data-state="connected"]')).waitFor();
    await page.getByTestId('grand-total').waitFor();
    return page;
  }

  /** Waits until every count-up on the page has landed on its value. */
  const settled = (page: Page) =>
    page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLElement>('[data-value]')].every((element) => Number(element.textContent!.replace(/\D/g, '') || 0) === Number(element.dataset.value)),
    );

  beforeAll(async () => {
    ({ organiser } = await createTokens(e2e.server));
  });

  const setEventGoal = (letterGoal: number) =>
    e2e.server.gql(SetEventGoalDocument, { slug: EVENT, input: { letterGoal } }, organiser);

  /** The cheer, read once it shows: its kind and text, and whether it keeps clear of every number on the screen. */
  async function celebrationBesideNumbers(page: Page) {
    const cheer = page.getByTestId('celebration');
    await cheer.waitFor();
    const boxes = await page.evaluate(() => {
      const box = (element: Element) => element.getBoundingClientRect().toJSON() as DOMRect;
      const numbers = ['[data-testid="grand-total"]', '.grand-total__split', '.goal', '.case-chart', '[data-testid="bar-label"]'].flatMap((selector) =>
        [...document.querySelectorAll(selector)].map((element) => ({ selector, ...box(element), visible: getComputedStyle(element).visibility === 'visible' })),
      );
      return { cheer: box(document.querySelector('[data-testid="celebration"]')!), numbers };
    });
    const apart = (a: DOMRect, b: DOMRect) => a.right <= b.left + 1 || b.right <= a.left + 1 || a.bottom <= b.top + 1 || b.bottom <= a.top + 1;
    return {
      kind: await cheer.getAttribute('data-kind'),
      text: (await cheer.textContent())!.trim(),
      covered: boxes.numbers.filter((number) => !number.visible || !apart(boxes.cheer, number)).map((number) => number.selector),
      numbersShown: boxes.numbers.length,
    };
  }

  it('invites the first pledge on an empty screen instead of showing a blank chart', async () => {
    const page = await openLive({ width: 1920, height: 1080 });
    await page.getByTestId('be-the-first').waitFor();
    expect(await page.getByTestId('be-the-first').textContent()).toContain('Be the first tonight!');
    expect(await page.getByTestId('be-the-first').textContent()).toMatch(/\/p\/[a-z0-9]{4}/);
    expect(await page.getByTestId('updated-at').textContent()).toBe('waiting for the first pledge');
    // The names are there already: whom the room can write for.
    expect(await page.locator('.case-chart__name').count()).toBe(10);
    await saveScreenshot(page, 'live-empty-1920x1080');
  });

  it('fits every screen: nothing wider than the viewport, every name whole, apart and large enough', async () => {
    await pledge([
      { case: 'bernardo-caal-xol', appealLetters: 120, solidarityCards: 45 },
      { case: 'zhang-zhan', appealLetters: 3, solidarityCards: 2 },
      { case: 'mohamed-el-baqer', appealLetters: 64, solidarityCards: 30 },
      { case: 'wendy-galarza', appealLetters: 88, solidarityCards: 52 },
      { case: 'anna-and-vira', appealLetters: 131, solidarityCards: 70 },
      { case: 'janna-jihad', appealLetters: 4, solidarityCards: 0 },
      { case: 'imoleayo-michael', appealLetters: 40, solidarityCards: 12 },
      { case: 'rung-panusaya', appealLetters: 77, solidarityCards: 25 },
      { case: 'mikita-zalatarou', appealLetters: 55, solidarityCards: 33 },
      { case: 'ciham-ali-ahmed', appealLetters: 100, solidarityCards: 40 },
    ]);
    const total = await eventTotal();
    for (const screen of SCREENS) {
      const page = await openLive(screen);
      await expect.poll(() => shownNumber(page, 'grand-total')).toBe(total);
      await settled(page);
      const label = `${screen.width}x${screen.height}`;
      await saveScreenshot(page, `live-screen-${label}`);
      if ('phone' in screen) await page.screenshot({ path: `test-results/screenshots/live-screen-${label}-full.png`, fullPage: true });
      const layout = await measure(page);

      expect(layout.tooWide, label).toEqual([]);
      expect(layout.scrollWidth, label).toBeLessThanOrEqual(layout.clientWidth);
      // Projectors show everything at once; phones scroll down, never sideways.
      if (!('phone' in screen)) expect(layout.scrollHeight, label).toBeLessThanOrEqual(layout.clientHeight);

      // The event's title reads as words, on at most two lines.
      expect(layout.titleLines, label).toBeLessThanOrEqual(2.05);
      expect(layout.names.map((name) => name.slug)).toHaveLength(10);
      for (const name of layout.names) {
        expect(name.cut, `${label} ${name.slug} is cut`).toBe(false);
        // The name and country stay inside their row, and inside the screen.
        expect(name.text.top, `${label} ${name.slug}`).toBeGreaterThanOrEqual(name.row.top - 1);
        expect(name.country.bottom, `${label} ${name.slug}`).toBeLessThanOrEqual(name.row.bottom + 1);
        expect(name.text.left, `${label} ${name.slug}`).toBeGreaterThanOrEqual(0);
        expect(name.text.right, `${label} ${name.slug}`).toBeLessThanOrEqual(screen.width);
        if (!('phone' in screen)) expect(name.row.bottom, `${label} ${name.slug}`).toBeLessThanOrEqual(screen.height);
        // Legible from the back: at least ~3 % of the screen's height on a 16:9 projector, at
        // least 16 px on a phone; the country smaller than the name.
        if ('phone' in screen) expect(name.fontSize, label).toBeGreaterThanOrEqual(16);
        else expect(name.fontSize / screen.height, `${label} ${name.slug}`).toBeGreaterThanOrEqual(screen.width / screen.height > 1.5 ? 0.03 : 0.028);
        expect(name.countrySize, label).toBeLessThan(name.fontSize);
      }
      for (const [i, a] of layout.names.entries()) {
        for (const b of layout.names.slice(i + 1)) expect(a.row.bottom, `${label} ${a.slug} overlaps ${b.slug}`).toBeLessThanOrEqual(b.row.top + 1);
      }
      // The screen's regions never overlap one another.
      for (const [i, a] of layout.regions.entries()) {
        for (const b of layout.regions.slice(i + 1)) {
          const overlap = a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
          expect(overlap, `${label}: ${a.selector} overlaps ${b.selector}`).toBe(false);
        }
      }
      // The long country name wraps rather than being cut.
      const janna = layout.names.find((name) => name.slug === 'janna-jihad')!;
      expect(janna.country.width).toBeGreaterThan(0);
      expect(await page.locator('.case-chart__name[data-case="janna-jihad"] .case-chart__country').textContent()).toBe('occupied Palestinian territories');
      await page.context().close();
    }
  });

  it('shows a new pledge as a short "+n" moment on its bar, and the labels land on the final numbers', async () => {
    const page = await openLive({ width: 1920, height: 1080 });
    await settled(page);
    const before = await eventTotal();
    await pledge([{ case: 'zhang-zhan', appealLetters: 2, solidarityCards: 1 }]);
    const moment = page.locator('.case-chart__end[data-case="zhang-zhan"] [data-testid="pledge-moment"]');
    await moment.waitFor();
    expect((await moment.textContent())!.trim()).toBe('+3');
    await expect.poll(() => page.getByTestId('latest-moment').textContent()).toBe('+3 for Zhang Zhan');
    // Once the bars' animation is over, every label says the final number.
    await settled(page);
    expect(await shownNumber(page, 'grand-total')).toBe(before + 3);
    const { data } = await e2e.server.gql(TOTALS, { event: EVENT });
    const zhangTotal = (data!.totals.cases as { case: { slug: string }; total: number }[]).find((row) => row.case.slug === 'zhang-zhan')!.total;
    const zhang = await page.locator('.case-chart__end[data-case="zhang-zhan"] [data-testid="bar-label"]').evaluate((element) => element.textContent);
    expect(zhang).toBe(String(zhangTotal));
    await saveScreenshot(page, 'live-pledge-moment');

    // Many pledges at once for one case come together as one moment.
    await pledge([{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 }]);
    await pledge([{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 }]);
    await expect.poll(async () => (await moment.textContent())!.trim()).toBe('+5');
    expect(await page.locator('.case-chart__end[data-case="zhang-zhan"] [data-testid="pledge-moment"]').count()).toBe(1);
  });

  it('respects reduced motion: numbers land at once, no pulse, no moving labels', async () => {
    const page = await openLive({ width: 1280, height: 720 }, '', { reducedMotion: 'reduce' });
    await settled(page);
    const before = await eventTotal();
    await pledge([{ case: 'anna-and-vira', appealLetters: 4, solidarityCards: 0 }]);
    await page.waitForFunction((total) => document.querySelector('[data-testid="grand-total"]')!.textContent!.replace(/\D/g, '') === String(total), before + 4);
    // The moment is still shown, still, without animation or transition.
    await page.locator('.case-chart__end[data-case="anna-and-vira"] [data-testid="pledge-moment"]').waitFor();
    const motion = await page.evaluate(() => ({
      moment: getComputedStyle(document.querySelector('[data-testid="pledge-moment"]')!).animationName,
      label: getComputedStyle(document.querySelector('.case-chart__at')!).transitionDuration,
      total: document.querySelector('[data-testid="grand-total"]')!.getAnimations().length,
    }));
    expect(motion).toEqual({ moment: 'none', label: '0s', total: 0 });
  });

  it('celebrates crossing a round number beside the numbers, never over them', async () => {
    // A goal out of reach, so that only the round number is crossed.
    expect((await setEventGoal(10_000_000)).errors).toBeUndefined();
    const page = await openLive({ width: 1920, height: 1080 });
    await settled(page);
    const total = await eventTotal();
    let needed = 1;
    while (roundCrossed(total, total + needed) === null) needed++;
    const round = roundCrossed(total, total + needed)!;
    // Within an organiser's limits per line: letters for one case, cards for another.
    await pledge(
      [
        { case: 'mikita-zalatarou', appealLetters: Math.min(needed, 1000), solidarityCards: 0 },
        { case: 'wendy-galarza', appealLetters: 0, solidarityCards: needed - Math.min(needed, 1000) },
      ].filter((line) => line.appealLetters + line.solidarityCards > 0),
    );
    const cheer = await celebrationBesideNumbers(page);
    expect(cheer).toMatchObject({ kind: 'round', covered: [] });
    expect(cheer.text).toContain(`${round.toLocaleString('en-GB')} letters and cards!`);
    expect(cheer.numbersShown).toBeGreaterThan(10);
    await settled(page);
    expect(await shownNumber(page, 'grand-total')).toBe(total + needed);
    await saveScreenshot(page, 'live-milestone');
  });

  it('shows its own goal, set in /admin, readable at 1 %, and celebrates crossing it without hiding the numbers', async () => {
    const total = await eventTotal();
    const goal = total * 100;
    const { errors } = await e2e.server.gql(SetEventGoalDocument, { slug: EVENT, input: { letterGoal: goal } }, organiser);
    expect(errors).toBeUndefined();
    const page = await openLive({ width: 1920, height: 1080 });
    expect(await page.getByTestId('goal-percent').textContent()).toBe('1%');
    // A 1 % fill is still a visible pill, not a hairline.
    const fill = await page.getByTestId('goal-fill').boundingBox();
    expect(fill!.width).toBeGreaterThanOrEqual(1080 * 0.025);

    // A goal below 1 is refused with a clear error and stores nothing.
    const { errors: tooLow } = await e2e.server.gql(SetEventGoalDocument, { slug: EVENT, input: { letterGoal: 0 } }, organiser);
    expect(tooLow![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.letterGoal' });
    expect(tooLow![0]!.message).toBe('The goal must be at least 1.');
    const kept = await e2e.server.gql(ListEventsDocument);
    expect(kept.data!.events).toContainEqual(expect.objectContaining({ slug: EVENT, letterGoal: goal }));
    await e2e.server.gql(SetEventGoalDocument, { slug: EVENT, input: { letterGoal: total + 10 } }, organiser);
    await page.reload();
    await page.getByTestId('connection').and(page.locator('[data-state="connected"]')).waitFor();
    expect(await page.getByTestId('goal-percent').textContent()).not.toBe('100%');
    await pledge([{ case: 'wendy-galarza', appealLetters: 10, solidarityCards: 0 }]);
    // The numbers stay visible beside it.
    const cheer = await celebrationBesideNumbers(page);
    expect(cheer).toMatchObject({ kind: 'goal', covered: [] });
    expect(cheer.text).toContain('Goal reached!');
    await saveScreenshot(page, 'live-goal-reached');
  });

  it('rehearses with made-up pledges on that screen only, marked as a rehearsal, never in the totals', async () => {
    const before = await e2e.server.gql(TOTALS, { event: EVENT });
    const page = await openLive({ width: 1920, height: 1080 }, '&rehearsal=1');
    expect(await page.getByTestId('rehearsal-mark').textContent()).toBe('Rehearsal: made-up pledges, not counted');
    const real = before.data!.totals.total as number;
    await page.waitForFunction((real) => Number(document.querySelector('[data-testid="grand-total"]')!.getAttribute('data-value')) > real, real);
    await page.locator('[data-testid="pledge-moment"]').first().waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'live-rehearsal');
    const after = await e2e.server.gql(TOTALS, { event: EVENT });
    expect(after.data!.totals).toEqual(before.data!.totals);
    // Another screen of the same event sees only the real numbers.
    const other = await openLive({ width: 1280, height: 720 });
    expect(Number(await other.getByTestId('grand-total').getAttribute('data-value'))).toBe(real);
    expect(await other.getByTestId('rehearsal-mark').count()).toBe(0);
  });

  it('turns a rehearsal on and off from the settings panel, clearly marked, never in the totals', async () => {
    const before = await e2e.server.gql(TOTALS, { event: EVENT });
    const real = before.data!.totals.total as number;
    const page = await openLive({ width: 1920, height: 1080 });
    await page.keyboard.press('?');
    const rehearsalSwitch = page.getByTestId('rehearsal-switch');
    expect(await rehearsalSwitch.getAttribute('aria-checked')).toBe('false');
    expect(await page.getByTestId('rehearsal-mark').count()).toBe(0);

    await rehearsalSwitch.click();
    await page.getByTestId('rehearsal-mark').waitFor();
    expect(await rehearsalSwitch.getAttribute('aria-checked')).toBe('true');
    expect(new URL(page.url()).searchParams.get('rehearsal')).toBe('1');
    await page.waitForFunction((real) => Number(document.querySelector('[data-testid="grand-total"]')!.getAttribute('data-value')) > real, real);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'live-rehearsal-switch');

    await rehearsalSwitch.click();
    await page.getByTestId('rehearsal-mark').waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('rehearsal')).toBeNull();
    await page.waitForFunction((real) => Number(document.querySelector('[data-testid="grand-total"]')!.getAttribute('data-value')) === real, real);
    expect((await e2e.server.gql(TOTALS, { event: EVENT })).data!.totals).toEqual(before.data!.totals);
  });

  it('hides its controls after a few seconds without movement and brings them back; keys work', async () => {
    const page = await openLive({ width: 1920, height: 1080 });
    const controls = page.getByTestId('controls');
    await page.mouse.move(200, 200);
    await page.waitForFunction(() => getComputedStyle(document.querySelector('[data-testid="controls"]')!).opacity === '0', undefined, { timeout: 6_000 });
    expect(await controls.getAttribute('class')).toContain('controls--hidden');
    await page.mouse.move(300, 300);
    await page.locator('.controls:not(.controls--hidden)').waitFor();

    await page.keyboard.press('h');
    await page.getByTestId('grand-total').waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('numbers')).toBe('hidden');
    await page.keyboard.press('h');
    await page.getByTestId('grand-total').waitFor();
    await page.keyboard.press('?');
    await page.getByTestId('live-help').waitFor();
    expect(await page.getByTestId('live-help').textContent()).toContain('Fullscreen on or off');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('live-help').waitFor({ state: 'detached' });
    await page.keyboard.press('v');
    await page.getByTestId('faculty-race').waitFor();
    expect(new URL(page.url()).searchParams.get('view')).toBe('faculties');
    await page.keyboard.press('ArrowLeft');
    await page.getByTestId('faculty-race').waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('view')).toBeNull();
  });

  it('runs a faculty race through the small-group rule: fewer than 5 pledges shows no numbers', async () => {
    for (let i = 0; i < 5; i++) await pledge([{ case: 'zhang-zhan', appealLetters: 2, solidarityCards: 0 }], { faculty: 'engineering' });
    await pledge([{ case: 'zhang-zhan', appealLetters: 7, solidarityCards: 0 }], { faculty: 'law-criminology' });
    const page = await openLive({ width: 1920, height: 1080 }, '&view=faculties');
    const race = page.getByTestId('faculty-race');
    await race.locator('[data-faculty="engineering"] [data-testid="faculty-total"]').waitFor();
    await settled(page);
    expect(await race.locator('[data-faculty="engineering"] [data-testid="faculty-total"]').textContent()).toBe('10');
    expect(await race.locator('[data-faculty="law-criminology"]').textContent()).toContain('fewer than 5 pledges');
    expect(await race.locator('[data-faculty="law-criminology"]').textContent()).not.toMatch(/\d(?! pledges)/);
    // The public API the screen reads says the same.
    const { data } = await e2e.server.gql(GetFacultyTotalsDocument, { event: EVENT });
    const law = data!.facultyTotals.find((row) => row.faculty.slug === 'law-criminology');
    expect(law).toEqual({ faculty: { slug: 'law-criminology' }, appealLetters: null, solidarityCards: null, total: null, withheld: true });
    // Long faculty names wrap; the rows stay apart and on the screen.
    const rows = await race.locator('.race__row').evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect));
    rows.forEach((row, index) => {
      expect(row.bottom).toBeLessThanOrEqual(1080);
      if (index > 0) expect(row.top).toBeGreaterThanOrEqual(rows[index - 1]!.bottom - 1);
    });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'live-faculty-race');
  });

  it('puts one case at a time in the spotlight: who, why, what the letter asks, its count', async () => {
    const page = await openLive({ width: 1920, height: 1080 }, '&view=spotlight');
    const spotlight = page.getByTestId('spotlight');
    await spotlight.locator('article').waitFor();
    expect(await page.locator('.case-chart').isVisible()).toBe(false);
    const slug = await spotlight.locator('article').getAttribute('data-case');
    expect(slug).toBe('bernardo-caal-xol');
    expect(await spotlight.textContent()).toContain('imprisoned for protecting the environment');
    expect(await spotlight.textContent()).toContain('release Bernardo Caal Xol');
    await settled(page);
    const { data } = await e2e.server.gql(TOTALS, { event: EVENT });
    const bernardo = (data!.totals.cases as { case: { slug: string }; total: number }[]).find((row) => row.case.slug === 'bernardo-caal-xol')!;
    expect(await shownNumber(page, 'spotlight-total')).toBe(bernardo.total);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'live-spotlight');
    // Still readable on a phone.
    const phone = await openLive({ width: 360, height: 800, phone: true }, '&view=spotlight');
    await phone.getByTestId('spotlight').locator('article').waitFor();
    expect((await measure(phone)).tooWide).toEqual([]);
    await saveScreenshot(phone, 'live-spotlight-360x800');
  });

  it('has no serious accessibility violations in the per-case view, with numbers shown and hidden', async () => {
    const page = await openLive({ width: 1280, height: 720 });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.goto(`${e2e.base}/live?event=${EVENT}&numbers=hidden`);
    await page.locator('.case-chart').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
