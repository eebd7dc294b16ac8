import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/browser';
import { ListEventsDocument } from '../support/generated/catalogue';
import { TOTALS } from '../support/pledges';
import { createTokens } from '../support/tokens';
import { useE2e } from './fixture';
import { signInToAdmin } from './admin-pages';
import { phoneContext } from './student-pages';

const EVENT = 'human-rights-day-2026';
/** The GraphQL reads a student page may find in the worker's cache; nothing else may be there. */
const OFFLINE_READS = ['LoadPledgeForm', 'LoadKitForm', 'GetCase', 'GetCaseSummary'];
/** Long enough for the page's own retry (at most 30 s apart) and a replay. */
const DELIVERY_DEADLINE_MS = 45_000;

type ServiceWorkerVersion = { registrationId: string; scriptURL: string; status: string; controlledClients?: string[] };

/** What the page sees of the worker's caches: cache name to request URLs. */
const cachedUrls = (page: Page) =>
  page.evaluate(async () => {
    const result: Record<string, string[]> = {};
    for (const name of await caches.keys()) result[name] = (await (await caches.open(name)).keys()).map((request) => request.url);
    return result;
  });

/** The client keys of the pledges the worker keeps for Background Sync (Workbox's queue in IndexedDB). */
const syncQueueKeys = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const opening = indexedDB.open('workbox-background-sync');
        opening.onerror = () => reject(opening.error);
        opening.onupgradeneeded = () => opening.transaction?.abort();
        opening.onsuccess = () => {
          const db = opening.result;
          if (!db.objectStoreNames.contains('requests')) return resolve([]);
          const all = db.transaction('requests').objectStore('requests').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => resolve((all.result as { metadata?: { clientKey?: string } }[]).map((entry) => entry.metadata?.clientKey ?? '?'));
        };
      }),
  );

describe('the pledge form as an installable offline app', () => {
  const e2e = useE2e();
  let context: BrowserContext;

  async function pledgesCounted(): Promise<number> {
    const { data, errors } = await e2e.server.gql(TOTALS);
    expect(errors).toBeUndefined();
    return data!.totals.pledges;
  }

  /**
   * The first visit, on a phone (or in `into`): opens the page and waits until the service
   * worker controls it, as it does on every later visit.
   */
  async function visitOnce(path: string, shown: (page: Page) => Promise<unknown>, into?: BrowserContext): Promise<Page> {
    context = into ?? (await phoneContext(e2e.browser));
    const page = await context.newPage();
    await page.goto(`${e2e.base}${path}`);
    await shown(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    return page;
  }

  const pledgeFormShown = (page: Page) => page.getByRole('heading', { name: 'Zhang Zhan' }).waitFor();

  /** The worker versions the DevTools protocol reports, kept current. */
  async function watchServiceWorkers(cdp: CDPSession): Promise<Map<string, ServiceWorkerVersion>> {
    const versions = new Map<string, ServiceWorkerVersion>();
    cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: (ServiceWorkerVersion & { versionId: string })[] }) => {
      for (const version of event.versions) versions.set(version.versionId, version);
    });
    await cdp.send('ServiceWorker.enable');
    return versions;
  }

  it('has a valid manifest, its icons and a service worker that controls /pledge (read over the DevTools protocol)', async () => {
    const page = await visitOnce(`/pledge?event=${EVENT}`, pledgeFormShown);
    const cdp = await context.newCDPSession(page);

    const { url, errors, data } = await cdp.send('Page.getAppManifest');
    expect(url).toBe(`${e2e.base}/manifest.webmanifest`);
    expect(errors).toEqual([]);
    const manifest = JSON.parse(data!);
    expect(manifest).toMatchObject({
      name: 'Write for Rights',
      short_name: 'Write for Rights',
      start_url: '/pledge',
      scope: '/',
      display: 'standalone',
      theme_color: '#ffff00',
      background_color: '#000000',
    });
    const icons = manifest.icons as { src: string; sizes: string; type: string; purpose?: string }[];
    expect(icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    // Each icon is a PNG of the size it claims.
    for (const icon of icons) {
      const size = await page.evaluate(async (src) => {
        const bitmap = await createImageBitmap(await (await fetch(src)).blob());
        return `${bitmap.width}x${bitmap.height}`;
      }, icon.src);
      expect(size, icon.src).toBe(icon.sizes);
      expect(icon.type).toBe('image/png');
    }
    // Playwright's contexts are incognito profiles, where Chrome never offers to install; every other criterion holds.
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors.filter((error) => error.errorId !== 'in-incognito')).toEqual([]);

    const versions = await watchServiceWorkers(cdp);
    const { targetInfo } = await cdp.send('Target.getTargetInfo');
    await expect
      .poll(() => [...versions.values()].find((version) => version.status === 'activated' && version.controlledClients?.includes(targetInfo.targetId))?.scriptURL)
      .toBe(`${e2e.base}/sw.js`);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${e2e.base}/sw.js`);

    // The app shell is precached under a revision, so a new index.html replaces the old one.
    const precached = Object.entries(await cachedUrls(page)).filter(([name]) => name.startsWith('workbox-precache'));
    expect(precached.flatMap(([, urls]) => urls).some((entry) => /\/index\.html\?__WB_REVISION__=\w+$/.test(entry))).toBe(true);
    // A phone installing the pledge form never downloads the projector's or the organisers' code.
    const code = precached.flatMap(([, urls]) => urls).filter((entry) => entry.includes('/assets/') && entry.endsWith('.js'));
    expect(code.length).toBeGreaterThan(0);
    expect(code.filter((entry) => /\/assets\/(LiveView|AdminView|apollo)-/.test(entry))).toEqual([]);
  });

  it('serves the manifest, the worker and the page with the content types and caching a browser needs', async () => {
    const worker = await fetch(`${e2e.base}/sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toMatch(/^text\/javascript|^application\/javascript/);
    expect(worker.headers.get('cache-control')).toBe('no-cache');

    const manifest = await fetch(`${e2e.base}/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers.get('cache-control')).toBe('no-cache');

    const page = await fetch(`${e2e.base}/pledge`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('<link rel="manifest" href="/manifest.webmanifest"');

    const icon = await fetch(`${e2e.base}/icons/icon-192.png`);
    expect(icon.headers.get('content-type')).toBe('image/png');
  });

  it('opens /pledge with no network after one visit, queues a pledge, and counts it exactly once when the network returns', async () => {
    const before = await pledgesCounted();
    const page = await visitOnce(`/pledge?event=${EVENT}`, pledgeFormShown);
    // The server's log names each request's operation (never its values): pledges it answered from here on.
    const logsBefore = e2e.server.logs.length;
    const pledgesAnswered = () => e2e.server.logs.slice(logsBefore).filter((line) => line.msg === 'graphql request' && line.operationName === 'SubmitPledge' && !line.errors).length;

    await context.setOffline(true);
    await page.reload();
    await pledgeFormShown(page);
    await page.getByText('No connection right now. You can still pledge').waitFor();
    await page.getByRole('button', { name: 'One more: Appeal letters for Bernardo Caal Xol' }).click();
    await page.getByRole('button', { name: 'Send: 1 letter, no cards' }).click();
    await page.getByTestId('delivery-status').getByText('Saved on this phone, will be sent').waitFor();
    await saveScreenshot(page, 'offline-pledge-queued');
    const [stored] = await page.evaluate(() => JSON.parse(localStorage.getItem('writing-marathon.pledge-queue') ?? '[]'));
    const clientKey: string = stored.input.clientKey;
    // The worker keeps one copy for Background Sync, however often the page tried.
    await expect.poll(() => syncQueueKeys(page)).toEqual([clientKey]);
    expect(await pledgesCounted()).toBe(before);

    await context.setOffline(false);
    await expect.poll(pledgesCounted, { timeout: DELIVERY_DEADLINE_MS }).toBe(before + 1);
    await page.getByTestId('delivery-status').getByText('Sent.').waitFor({ timeout: DELIVERY_DEADLINE_MS });

    // The browser's Background Sync replays the worker's copy too (asked for here rather than awaited).
    const cdp = await context.newCDPSession(page);
    const versions = await watchServiceWorkers(cdp);
    await expect.poll(() => versions.size).toBeGreaterThan(0);
    const { registrationId } = [...versions.values()].find((version) => version.status === 'activated')!;
    if ((await syncQueueKeys(page)).length > 0) {
      await cdp.send('ServiceWorker.dispatchSyncEvent', { origin: e2e.base, registrationId, tag: 'workbox-background-sync:pledges', lastChance: false });
    }
    await expect.poll(() => syncQueueKeys(page), { timeout: DELIVERY_DEADLINE_MS }).toEqual([]);

    // Both ways sent it, the server counted it once.
    await expect.poll(pledgesAnswered).toBeGreaterThanOrEqual(2);
    expect(await pledgesCounted()).toBe(before + 1);
    const rows = await e2e.server.sql<{ count: number }>('SELECT count(*)::int AS count FROM pledge WHERE client_key = $1', [clientKey]);
    expect(rows[0]!.count).toBe(1);
    expect(await page.evaluate(() => localStorage.getItem('writing-marathon.pledge-queue'))).toBe('[]');
  });

  it('delivers a queued pledge by Background Sync with the app closed; the page opened later does not count it again', async () => {
    const before = await pledgesCounted();
    const page = await visitOnce(`/pledge?event=${EVENT}`, pledgeFormShown);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'One more: Solidarity cards for Mikita Zalatarou' }).click();
    await page.getByRole('button', { name: 'Send: no letters, 1 card' }).click();
    await page.getByTestId('delivery-status').getByText('Saved on this phone, will be sent').waitFor();
    const [stored] = await page.evaluate(() => JSON.parse(localStorage.getItem('writing-marathon.pledge-queue') ?? '[]'));
    await expect.poll(() => syncQueueKeys(page)).toEqual([stored.input.clientKey]);
    await page.close();

    // No page of the app is open; the network comes back and the browser syncs.
    const blank = await context.newPage();
    const cdp = await context.newCDPSession(blank);
    const versions = await watchServiceWorkers(cdp);
    await expect.poll(() => [...versions.values()].some((version) => version.status === 'activated')).toBe(true);
    const { registrationId } = [...versions.values()].find((version) => version.status === 'activated')!;
    await context.setOffline(false);
    await cdp.send('ServiceWorker.dispatchSyncEvent', { origin: e2e.base, registrationId, tag: 'workbox-background-sync:pledges', lastChance: false });
    await expect.poll(pledgesCounted, { timeout: DELIVERY_DEADLINE_MS }).toBe(before + 1);

    // The student opens the form again: the page sends its own copy, hears it is counted, and clears it.
    const again = await context.newPage();
    await again.goto(`${e2e.base}/pledge?event=${EVENT}`);
    await again.getByTestId('queue-banner').getByText('Your saved pledge has been sent.').waitFor();
    expect(await again.evaluate(() => localStorage.getItem('writing-marathon.pledge-queue'))).toBe('[]');
    expect(await syncQueueKeys(again)).toEqual([]);
    expect(await pledgesCounted()).toBe(before + 1);
  });

  it('leaves the server’s own addresses to the server: the projector’s join address still opens its event', async () => {
    const { data } = await e2e.server.gql(ListEventsDocument);
    const { code } = data!.events.find((event) => event.slug === EVENT)!;
    const page = await visitOnce('/pledge', pledgeFormShown);
    await page.goto(`${e2e.base}/p/${code}`);
    await page.getByText('At Human Rights Day writing evening').waitFor();
    expect(new URL(page.url()).search).toBe(`?event=${EVENT}`);
    const health = await page.goto(`${e2e.base}/healthz`);
    expect(health!.fromServiceWorker()).toBe(false);
  });

  it('opens /kit and the case pages with no network after one visit to the pledge form', async () => {
    await visitOnce('/pledge', pledgeFormShown);
    const page = await context.newPage();
    await context.setOffline(true);

    await page.goto(`${e2e.base}/kit`);
    await page.getByRole('button', { name: 'Order my kits' }).waitFor();
    await page.getByRole('radio', { name: /Library desk, health campus Jette/ }).waitFor();
    await page.getByRole('checkbox', { name: /I agree that the Amnesty International student group/ }).waitFor();
    await saveScreenshot(page, 'offline-kit');

    await page.goto(`${e2e.base}/cases/janna-jihad`);
    await page.getByRole('heading', { name: 'Janna Jihad', level: 1 }).waitFor();
    // The reason as a line of its own (the story under it, seeded now, tells it again in a sentence).
    await page.getByText('threatened with death for speaking out about violence against Palestinians', { exact: true }).waitFor();
    await saveScreenshot(page, 'offline-case');

    // Only the reads the student pages need are kept, never totals.
    const cached = Object.entries(await cachedUrls(page)).filter(([name]) => !name.startsWith('workbox-precache'));
    const operations = cached.flatMap(([, urls]) => urls.map((url) => new URL(url).searchParams.get('operation'))).filter((name) => name !== null);
    expect(operations.length).toBeGreaterThan(0);
    expect(operations.every((name) => OFFLINE_READS.includes(name!)), operations.join(', ')).toBe(true);
  });

  it('never answers the live screen’s or the organisers’ reads from the cache: offline, /live says its numbers are not live', async () => {
    const projector = await e2e.browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-GB' });
    const fromWorker: string[] = [];
    projector.on('response', (response) => {
      if (new URL(response.url()).pathname === '/graphql' && response.fromServiceWorker()) fromWorker.push(response.request().postData() ?? '');
    });

    const live = await visitOnce(`/live?event=${EVENT}`, (page) => page.getByTestId('grand-total').waitFor(), projector);
    await live.reload();
    await live.getByTestId('connection').and(live.locator('[data-state="connected"]')).waitFor();
    await live.getByTestId('grand-total').waitFor();

    const { organiserToken } = await createTokens(e2e.server);
    const admin = await context.newPage();
    await signInToAdmin(admin, e2e.base, organiserToken);
    await admin.reload();
    await admin.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(fromWorker).toEqual([]);

    await context.setOffline(true);
    await live.reload();
    await live.getByText('The totals cannot be loaded right now.').waitFor();
    expect(await live.getByTestId('grand-total').count()).toBe(0);
    expect(await live.getByTestId('connection').getAttribute('data-state')).not.toBe('connected');
    await saveScreenshot(live, 'offline-live');
    await admin.reload();
    await admin.locator('#app').waitFor();
    expect(fromWorker).toEqual([]);
    // The worker keeps the student pages' reads whichever page installed it, and nothing else.
    const operations = new Set(Object.values(await cachedUrls(live)).flat().map((url) => new URL(url).searchParams.get('operation')));
    operations.delete(null);
    expect([...operations].filter((name) => !OFFLINE_READS.includes(name!))).toEqual([]);
  });
});

describe('a new deployment of the offline app', () => {
  let context: BrowserContext;
  let dashboardDir: string;

  beforeAll(async () => {
    // A copy of the built dashboard that this test can deploy a new version into.
    dashboardDir = await mkdtemp(join(tmpdir(), 'writing-marathon-dashboard-'));
    await cp('dist/dashboard', dashboardDir, { recursive: true });
  });
  const e2e = useE2e(() => ({ DASHBOARD_DIR: dashboardDir }));
  afterAll(async () => {
    await e2e.server.stop();
    await rm(dashboardDir, { recursive: true, force: true });
  });

  it('reaches a student whose phone has the old version, at the next page they open', async () => {
    const { base } = e2e;
    context = await phoneContext(e2e.browser);
    const page = await context.newPage();
    await page.goto(`${base}/pledge`);
    await page.getByRole('heading', { name: 'Zhang Zhan' }).waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    // The new version: another index.html, and a worker whose precache list names its revision.
    const indexPath = join(dashboardDir, 'index.html');
    await writeFile(indexPath, (await readFile(indexPath, 'utf8')).replace('</head>', '<meta name="release" content="next" /></head>'));
    const workerPath = join(dashboardDir, 'sw.js');
    const worker = await readFile(workerPath, 'utf8');
    const entry = /\{"revision":"\w+","url":"index\.html"\}/.exec(worker);
    expect(entry, 'sw.js lists index.html with a revision').not.toBeNull();
    await writeFile(workerPath, worker.replace(entry![0], '{"revision":"next","url":"index.html"}'));

    // The student opens the app again: the old version comes up at once from the phone, the new
    // one installs and takes over in the background, and the next page opened is the new version.
    await page.addInitScript(() => {
      const changed = new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      (window as unknown as { controllerChanged: Promise<unknown> }).controllerChanged = changed;
    });
    await page.reload();
    await page.getByRole('heading', { name: 'Zhang Zhan' }).waitFor();
    expect(await page.locator('meta[name="release"]').count()).toBe(0);
    await page.evaluate(() => (window as unknown as { controllerChanged: Promise<unknown> }).controllerChanged);
    expect(Object.values(await cachedUrls(page)).flat().some((url) => url.endsWith('/index.html?__WB_REVISION__=next'))).toBe(true);
    await page.getByRole('link', { name: 'About Zhang Zhan' }).click();
    await page.getByRole('heading', { name: 'Zhang Zhan', level: 1 }).waitFor();
    await expect.poll(() => page.locator('meta[name="release"]').getAttribute('content'), { timeout: 30_000 }).toBe('next');
  });

  it('reaches a browser without the worker too: a page whose code the new version renamed opens in full from the new version', async () => {
    const { base } = e2e;
    // A private window, or a first visit before the worker installs: nothing keeps the old files.
    context = await phoneContext(e2e.browser, 'en-GB', { serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${base}/pledge`);
    await page.getByRole('heading', { name: 'Zhang Zhan' }).waitFor();

    // The new version changed the case page: its chunk, and every file naming it, get new names.
    await deployWithRenamedChunk(dashboardDir, 'CaseView-');
    await page.getByRole('link', { name: 'About Zhang Zhan' }).click();
    await page.getByRole('heading', { name: 'Zhang Zhan', level: 1 }).waitFor();
    expect(page.url()).toBe(`${base}/cases/zhang-zhan`);
    expect(await page.evaluate(() => [...document.scripts].some((script) => script.src.includes('-next')))).toBe(true);
  });
});

/**
 * Deploys into `dashboardDir` what a build that changed one view leaves: the view's chunk under
 * a new name, and so every file that names it, and every file naming those, renamed too, as
 * content hashes do; the old names are gone.
 */
async function deployWithRenamedChunk(dashboardDir: string, chunkPrefix: string): Promise<void> {
  const assets = join(dashboardDir, 'assets');
  const files = (await readdir(assets)).filter((name) => /\.(js|css)$/.test(name));
  const contents = new Map(await Promise.all(files.map(async (name) => [name, await readFile(join(assets, name), 'utf8')] as const)));
  const renamed = new Map<string, string>();
  const giveNewName = (name: string) => renamed.set(name, name.replace(/\.(js|css)$/, '-next.$1'));
  giveNewName(files.find((name) => name.startsWith(chunkPrefix) && name.endsWith('.js'))!);
  const withNewNames = (text: string) => [...renamed].reduce((result, [from, to]) => result.replaceAll(from, to), text);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, text] of contents) {
      if (!renamed.has(name) && withNewNames(text) !== text) {
        giveNewName(name);
        grew = true;
      }
    }
  }
  for (const [name, text] of contents) {
    await writeFile(join(assets, name), withNewNames(text));
    if (renamed.has(name)) await rename(join(assets, name), join(assets, renamed.get(name)!));
  }
  for (const shell of ['index.html', 'sw.js']) {
    const path = join(dashboardDir, shell);
    await writeFile(path, withNewNames(await readFile(path, 'utf8')));
  }
}
