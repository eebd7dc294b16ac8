import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORGANISER_PLEDGE_LIMITS } from '../../server/pledges/pledge.rules';
import { saveScreenshot } from '../support/browser';
import { ListEventsDocument } from '../support/generated/catalogue';
import { createTokens } from '../support/tokens';
import { pledgeInput, SUBMIT_PLEDGE, TOTALS, type PledgeLine } from '../support/pledges';
import { onPostgres } from '../support/server';
import { useE2e } from './fixture';
import { recordScripts, seriousAccessibilityViolations } from './student-pages';

const EVENT = 'human-rights-day-2026';
/** The budget for everything the projector screen loads (bench/dashboard-budgets.ts has the details). */
const LIVE_JS_BUDGET = 200 * 1024;

/** Digits of an element's text: "12,345" (en), "12.345" (nl) and "12 345" (fr) all give 12345. */
const shownNumber = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((element) => Number(element.textContent!.replace(/\D/g, '')));

describe('live projector screen (/live)', () => {
  // A data folder on disk, so that the PGlite database outlives a restart of the server.
  const dataDir = mkdtempSync(join(tmpdir(), 'writing-marathon-live-'));
  const e2e = useE2e({ DATA_DIR: dataDir });
  let port: string;
  let context: BrowserContext;
  let page: Page;
  let scripts: ReturnType<typeof recordScripts>;
  let organiser: Record<string, string>;

  const origin = () => `http://127.0.0.1:${port}`;

  /** Submits the lines as an organiser enters a table's letters, split into pledges within the organiser limits. */
  async function pledge(lines: PledgeLine[]): Promise<void> {
    const { perLine } = ORGANISER_PLEDGE_LIMITS;
    let rest = lines.filter((line) => line.appealLetters + line.solidarityCards > 0);
    while (rest.length > 0) {
      const chunk = rest.map((line) => ({ ...line, appealLetters: Math.min(perLine, line.appealLetters), solidarityCards: Math.min(perLine, line.solidarityCards) }));
      const { data, errors } = await e2e.server.gql(SUBMIT_PLEDGE, { input: pledgeInput(chunk, { event: EVENT }) }, organiser);
      expect(errors).toBeUndefined();
      expect(data!.submitPledge.total).toBeGreaterThan(0);
      rest = rest
        .map((line, index) => ({ ...line, appealLetters: line.appealLetters - chunk[index]!.appealLetters, solidarityCards: line.solidarityCards - chunk[index]!.solidarityCards }))
        .filter((line) => line.appealLetters + line.solidarityCards > 0);
    }
  }

  async function eventTotals(): Promise<{ total: number; cases: { case: { slug: string }; appealLetters: number; solidarityCards: number }[] }> {
    const { data } = await e2e.server.gql(TOTALS, { event: EVENT });
    return data!.totals;
  }

  /**
   * Waits until the page shows this grand total (count-up finished). How soon is measured by
   * bench/live-screen.ts, as medians: here only that it comes by itself.
   */
  async function waitForTotal(total: number, timeout = 10_000): Promise<void> {
    await page.waitForFunction(
      (expected) => {
        const element = document.querySelector('[data-testid="grand-total"]');
        return element !== null && Number(element.textContent!.replace(/\D/g, '')) === expected;
      },
      total,
      { timeout },
    );
  }

  /** A case's row in the chart's text alternative, read as numbers. */
  const caseRow = (slug: string) =>
    page.evaluate((slug) => {
      const row = document.querySelector(`[data-testid="case-table"] tr[data-case="${slug}"]`);
      const read = (field: string) => Number(row?.querySelector(`[data-field="${field}"]`)?.textContent?.replace(/\D/g, '') ?? NaN);
      return { appealLetters: read('appealLetters'), solidarityCards: read('solidarityCards') };
    }, slug);

  /**
   * Where the chart paints letters (pure yellow): how many pixels, and the vertical middle of
   * them as a fraction of the canvas height. With one case holding letters, the middle tells
   * which row the bar is in.
   */
  const yellowInChart = () =>
    page.getByTestId('case-chart').evaluate((element) => {
      const canvas = element as HTMLCanvasElement;
      const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      let rows = 0;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          if (data[i]! > 230 && data[i + 1]! > 230 && data[i + 2]! < 60) {
            count++;
            rows += y;
          }
        }
      }
      return { count, middle: count ? rows / count / height : null };
    });

  beforeAll(async () => {
    port = new URL(e2e.server.url).port;
    ({ organiser } = await createTokens(e2e.server));
    context = await e2e.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB' });
    page = await context.newPage();
    scripts = recordScripts(page);
    await page.goto(`${origin()}/live?event=${EVENT}`);
    await page.getByTestId('connection').and(page.locator('[data-state="connected"]')).waitFor();
    await page.getByTestId('grand-total').waitFor();
    // Marks that vanish on a reload or a re-created chart.
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
      (document.querySelector('[data-testid="case-chart"]') as unknown as { sameCanvas: boolean }).sameCanvas = true;
    });
  });

  afterAll(async () => {
    // The server lets go of its folder first.
    await e2e.server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const stillSamePage = () =>
    page.evaluate(
      () =>
        (window as unknown as { sameDocument?: boolean }).sameDocument === true &&
        (document.querySelector('[data-testid="case-chart"]') as unknown as { sameCanvas?: boolean }).sameCanvas === true,
    );

  it('shows the event, the pledge address and a live connection', async () => {
    await expect.poll(() => page.getByTestId('live-title').textContent()).toBe('Human Rights Day writing evening');
    const { data } = await e2e.server.gql(ListEventsDocument);
    const code = data!.events.find((event) => event.slug === EVENT)!.code;
    expect(await page.getByTestId('pledge-url').textContent()).toBe(`127.0.0.1:${port}/p/${code}`);
    expect(await page.locator('.pledge-qr__code svg').count()).toBe(1);
    // No PUBLIC_URL and a page opened on this computer: the organiser is warned, in the controls.
    const warning = page.locator('.controls').getByRole('note');
    expect(await warning.textContent()).toContain('Phones cannot open 127.0.0.1');
    expect(await warning.getAttribute('title')).toContain('PUBLIC_URL');
    // Said as a time ago, so that a quiet screen reads as waiting, not frozen.
    expect(await page.getByTestId('updated-at').textContent()).toBe('waiting for the first pledge');
    expect(await shownNumber(page, 'grand-total')).toBe((await eventTotals()).total);
  });

  it('loads at most 200 KB of gzipped JavaScript', async () => {
    await page.waitForLoadState('networkidle');
    const loaded = await scripts();
    const gzipBytes = loaded.reduce((sum, script) => sum + script.gzipBytes, 0);
    console.info(`/live loads ${loaded.length} scripts, ${(gzipBytes / 1024).toFixed(1)} KB gzipped`);
    expect(loaded.some((script) => script.url.includes('LiveView'))).toBe(true);
    expect(gzipBytes).toBeLessThanOrEqual(LIVE_JS_BUDGET);
  });

  it("moves the total and that case's bar after a pledge, without a reload", async () => {
    const before = await eventTotals();
    const zhangIndex = before.cases.findIndex((row) => row.case.slug === 'zhang-zhan');
    expect(before.total).toBe(0);
    expect((await yellowInChart()).count).toBe(0);

    await pledge([{ case: 'zhang-zhan', appealLetters: 3, solidarityCards: 2 }]);
    await waitForTotal(5);
    await page.waitForFunction(() => {
      const row = document.querySelector('[data-testid="case-table"] tr[data-case="zhang-zhan"]');
      return row?.querySelector('[data-field="appealLetters"]')?.textContent === '3';
    });
    // The bar itself: letters are now painted, in Zhang Zhan's row of the chart.
    await page.waitForFunction(() => {
      const canvas = document.querySelector('[data-testid="case-chart"]') as HTMLCanvasElement;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.length; i += 4) if (data[i]! > 230 && data[i + 1]! > 230 && data[i + 2]! < 60) return true;
      return false;
    });

    expect(await caseRow('zhang-zhan')).toEqual({ appealLetters: 3, solidarityCards: 2 });
    expect(await shownNumber(page, 'appeal-letters')).toBe(3);
    expect(await shownNumber(page, 'solidarity-cards')).toBe(2);
    const rows = before.cases.length;
    const { middle } = await yellowInChart();
    expect(middle).toBeGreaterThan(zhangIndex / rows);
    expect(middle).toBeLessThan((zhangIndex + 1) / rows);

    // A second case grows too, and the first one's numbers stay.
    await pledge([{ case: 'janna-jihad', appealLetters: 4, solidarityCards: 0 }]);
    await waitForTotal(9);
    await expect.poll(() => caseRow('janna-jihad')).toEqual({ appealLetters: 4, solidarityCards: 0 });
    expect(await caseRow('zhang-zhan')).toEqual({ appealLetters: 3, solidarityCards: 2 });
    expect(await stillSamePage()).toBe(true);
  });

  it('fits 1920x1080 and 1280x720 with nothing overflowing or overlapping', async () => {
    // A realistic evening: every case has some letters, a few have many.
    await pledge([
      { case: 'bernardo-caal-xol', appealLetters: 120, solidarityCards: 45 },
      { case: 'mohamed-el-baqer', appealLetters: 64, solidarityCards: 30 },
      { case: 'wendy-galarza', appealLetters: 88, solidarityCards: 52 },
      { case: 'anna-and-vira', appealLetters: 131, solidarityCards: 70 },
      { case: 'imoleayo-michael', appealLetters: 40, solidarityCards: 12 },
      { case: 'rung-panusaya', appealLetters: 77, solidarityCards: 25 },
      { case: 'mikita-zalatarou', appealLetters: 55, solidarityCards: 33 },
      { case: 'ciham-ali-ahmed', appealLetters: 1012, solidarityCards: 240 },
    ]);
    const { total } = await eventTotals();
    await waitForTotal(total);

    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 1280, height: 720 },
    ]) {
      await page.setViewportSize(viewport);
      // Chart.js redraws on its own resize observer; wait until the canvas has the new width.
      await page.waitForFunction(
        (width) => {
          const canvas = document.querySelector('[data-testid="case-chart"]') as HTMLCanvasElement;
          return Math.abs(canvas.getBoundingClientRect().width - canvas.parentElement!.getBoundingClientRect().width) < 1 && canvas.getBoundingClientRect().right < width;
        },
        viewport.width,
      );
      const layout = await page.evaluate(() => {
        const box = (selector: string) => {
          const element = document.querySelector(selector);
          if (!element) return null;
          const { left, top, right, bottom } = element.getBoundingClientRect();
          return { selector, left, top, right, bottom };
        };
        const regions = [
          '.live__titles',
          '[data-testid="connection"]',
          '.controls',
          '.grand-total__label',
          '[data-testid="grand-total"]',
          '.grand-total__split',
          '.goal',
          '.pledge-qr',
          '.live__cases-head',
          '.case-chart',
        ].map(box);
        // Text that is cut or runs out of its box, anywhere on the screen.
        const clipped = [...document.querySelectorAll<HTMLElement>('.live *')]
          .filter((element) => element.offsetParent !== null && !element.closest('svg') && !element.closest('.visually-hidden'))
          .filter((element) => element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1)
          .filter((element) => getComputedStyle(element).overflow !== 'visible' || element.scrollWidth > element.parentElement!.clientWidth + 1)
          .map((element) => element.className || element.tagName);
        const root = document.documentElement;
        return {
          regions,
          clipped,
          scroll: { width: root.scrollWidth, clientWidth: root.clientWidth, height: root.scrollHeight, clientHeight: root.clientHeight },
        };
      });

      expect(layout.scroll.width).toBeLessThanOrEqual(layout.scroll.clientWidth);
      expect(layout.scroll.height).toBeLessThanOrEqual(layout.scroll.clientHeight);
      expect(layout.clipped).toEqual([]);
      const regions = layout.regions.map((region, index) => {
        expect(region, `region ${index} is on screen`).not.toBeNull();
        return region!;
      });
      for (const region of regions) {
        expect(region.left, region.selector).toBeGreaterThanOrEqual(0);
        expect(region.top, region.selector).toBeGreaterThanOrEqual(0);
        expect(region.right, region.selector).toBeLessThanOrEqual(viewport.width);
        expect(region.bottom, region.selector).toBeLessThanOrEqual(viewport.height);
      }
      for (const [i, a] of regions.entries()) {
        for (const b of regions.slice(i + 1)) {
          const overlap = a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
          expect(overlap, `${a.selector} overlaps ${b.selector}`).toBe(false);
        }
      }
      // Nothing drawn on the chart touches its right edge: the widest bar's number fits.
      const edgePixels = await page.getByTestId('case-chart').evaluate((element) => {
        const canvas = element as HTMLCanvasElement;
        const { data } = canvas.getContext('2d')!.getImageData(canvas.width - 3, 0, 3, canvas.height);
        let painted = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && data[i]! + data[i + 1]! + data[i + 2]! > 60) painted++;
        return painted;
      });
      expect(edgePixels).toBe(0);
      // The QR code stays big enough to scan from a few rows back.
      const qr = await page.locator('.pledge-qr__code').boundingBox();
      expect(qr!.height).toBeGreaterThanOrEqual(viewport.height * 0.18);
      await saveScreenshot(page, `live-${viewport.width}x${viewport.height}`);
    }
  });

  it('hides every number on request and keeps that in the URL', async () => {
    await page.getByTestId('toggle-numbers').click();
    await page.getByTestId('grand-total').waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('numbers')).toBe('hidden');
    expect(await page.getByTestId('case-table').count()).toBe(0);
    expect(await page.getByTestId('goal-percent').count()).toBe(0);
    // Only the pledge address (host and port) may still contain digits.
    for (const selector of ['.grand-total', '.goal', '.live__cases']) expect(await page.locator(selector).textContent()).not.toMatch(/\d/);
    await saveScreenshot(page, 'live-numbers-hidden');
    await page.getByTestId('toggle-numbers').click();
    await page.getByTestId('grand-total').waitFor();
    expect(new URL(page.url()).searchParams.get('numbers')).toBeNull();
    expect(await stillSamePage()).toBe(true);
  });

  it('has no serious or critical accessibility violations', async () => {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('shows the whole campaign without an event, and says so for an unknown event', async () => {
    const other = await context.newPage();
    try {
      await other.goto(`${origin()}/live`);
      await other.getByTestId('grand-total').waitFor();
      await expect.poll(() => other.getByTestId('live-title').textContent()).toBe('All events together');
      expect(await other.getByTestId('pledge-url').textContent()).toBe(`127.0.0.1:${port}/pledge`);
      const { data } = await e2e.server.gql(TOTALS, {});
      await expect.poll(() => shownNumber(other, 'grand-total')).toBe(data!.totals.total);

      await other.goto(`${origin()}/live?event=no-such-event`);
      await other.getByText('This campaign or event does not exist.').waitFor();
      expect(await other.getByTestId('grand-total').count()).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('shows the lost connection, then the new totals by itself after the server restarts', async () => {
    const before = (await eventTotals()).total;
    await e2e.server.stop();
    await page.getByTestId('connection').and(page.locator('[data-state="reconnecting"]')).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('connection').textContent()).toContain('Connection lost');
    await saveScreenshot(page, 'live-connection-lost');

    // Same data folder and port, as after a redeploy. On PostgreSQL the test database is a new
    // one, so the expected totals are read back from the restarted server.
    ({ organiser } = await createTokens(await e2e.replaceServer({ DATA_DIR: dataDir, PORT: port })));
    await pledge([{ case: 'rung-panusaya', appealLetters: 50, solidarityCards: 7 }]);
    const after = (await eventTotals()).total;
    expect(after).toBe(onPostgres ? 57 : before + 57);
    await waitForTotal(after, 30_000);
    await page.getByTestId('connection').and(page.locator('[data-state="connected"]')).waitFor();
    await expect.poll(() => caseRow('rung-panusaya')).toEqual(onPostgres ? { appealLetters: 50, solidarityCards: 7 } : { appealLetters: 127, solidarityCards: 32 });
    expect(await stillSamePage()).toBe(true);
  });

  it('asks the server’s readiness probe while it is away, and is live again once the probe answers', async () => {
    // How soon after readiness the screen is back is measured by bench/live-screen.ts (medians
    // over several restarts), not by this test: here, that the screen waits on /readyz rather
    // than on a growing back-off.
    await page.getByTestId('connection').and(page.locator('[data-state="connected"]')).waitFor();
    const probes: string[] = [];
    const onRequest = (request: { url(): string }) => {
      if (new URL(request.url()).pathname === '/readyz') probes.push(request.url());
    };
    page.on('request', onRequest);
    try {
      await e2e.server.stop();
      await page.getByTestId('connection').and(page.locator('[data-state="reconnecting"]')).waitFor({ timeout: 10_000 });
      await expect.poll(() => probes.length).toBeGreaterThan(1);
      const server = await e2e.replaceServer({ DATA_DIR: dataDir, PORT: port });
      ({ organiser } = await createTokens(server));
      expect((await fetch(`${origin()}/readyz`)).status).toBe(200);
      const expected = (await eventTotals()).total;
      await page.waitForFunction(
        (total) =>
          document.querySelector('[data-testid="connection"]')?.getAttribute('data-state') === 'connected' &&
          Number(document.querySelector('[data-testid="grand-total"]')?.getAttribute('data-value')) === total,
        expected,
        { timeout: 10_000 },
      );
    } finally {
      page.off('request', onRequest);
    }
    expect(await stillSamePage()).toBe(true);
  });
});
