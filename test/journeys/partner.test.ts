import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot } from '../support/browser';
import { pledgeInput, SEED_EVENING, SUBMIT_PLEDGE } from '../support/pledges';
import { graphql, killLeftovers, printedToken, runTokenCli, spawnServer, type ServerProcess } from '../support/processes';
import { createTestDatabase, onPostgres, type TestDatabase } from '../support/server';

/**
 * The examples of docs/partners.md, as printed there: every fenced block whose first line names
 * it (`// example: report.mjs`, `# example: download.sh`, `<!-- example: dashboard.html -->`).
 */
function docsExamples(): Map<string, string> {
  const markdown = readFileSync('docs/partners.md', 'utf8');
  const examples = new Map<string, string>();
  for (const [, body] of markdown.matchAll(/```[a-z]*\n([\s\S]*?)```/g)) {
    const name = /^(?:\/\/|#|<!--) example: (\S+)/.exec(body!)?.[1];
    if (name) examples.set(name, body!);
  }
  return examples;
}

/** The token command of the docs' first section, as words (the quoted name kept whole). */
function docsTokenCommand(): string[] {
  const line = readFileSync('docs/partners.md', 'utf8')
    .split('\n')
    .find((text) => text.startsWith('npm run token -- create --role partner'))!;
  const words = [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!);
  return words.slice(words.indexOf('--') + 1);
}

/** Runs a command to its end, or until `until` sees what it waits for in the output. */
function run(command: string, args: string[], options: { cwd: string; env: Record<string, string> }) {
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiters: { test: (out: string) => boolean; resolve: () => void }[] = [];
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk);
    for (const waiter of waiters.splice(0)) (waiter.test(stdout) ? waiter.resolve : () => waiters.push(waiter))();
  });
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return {
    child,
    exited,
    output: () => ({ stdout, stderr }),
    until: (test: (out: string) => boolean) =>
      new Promise<void>((done, fail) => {
        if (test(stdout)) return done();
        waiters.push({ test, resolve: done });
        void exited.then((code) => fail(new Error(`${command} exited with ${code} first:\n${stderr}${stdout}`)));
      }),
  };
}

/**
 * A partner faculty's data person, doing what docs/partners.md says: the organisers make a
 * token with the documented command while the server runs; then the first request, the Node
 * report, the live subscription, the CSV download and a dashboard on the faculty's own site in
 * Chromium, each the docs' own example, run as printed with the address and token filled in.
 */
describe('a partner faculty’s afternoon with the API', () => {
  let database: TestDatabase;
  let folder: string | undefined;
  let server: ServerProcess;
  let site: Server;
  let siteOrigin: string;
  let siteHtml = '';
  let browser: Browser;
  let page: Page;
  let token: string;
  let env: Record<string, string>;
  const examples = docsExamples();
  const work = resolve('test-results/partner-examples');

  beforeAll(async () => {
    if (onPostgres) database = await createTestDatabase();
    else {
      folder = mkdtempSync(join(tmpdir(), 'wm-partner-'));
      database = { env: { DATA_DIR: join(folder, 'data') }, drop: async () => undefined };
    }
    site = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(siteHtml));
    await new Promise<void>((done) => site.listen(0, '127.0.0.1', done));
    siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    for (const [name, body] of examples) writeFileSync(join(work, name), body);
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 900, height: 500 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await killLeftovers();
    await new Promise((done) => site?.close(done));
    await database?.drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const pledge = (faculty: string | undefined, appealLetters = 1) =>
    graphql(server.url, SUBMIT_PLEDGE, { input: { ...pledgeInput([{ case: 'zhang-zhan', appealLetters, solidarityCards: 1 }], { faculty, event: 'human-rights-day-2026' }), madeAt: SEED_EVENING } });

  it('0. has every example the steps below run', () => {
    expect([...examples.keys()].sort()).toEqual(['dashboard.html', 'download.sh', 'first-request.sh', 'live.mjs', 'report.mjs']);
  });

  it('1. gets a token made with the documented command while the server runs', async () => {
    server = await spawnServer({ ...database.env, CORS_ORIGINS: siteOrigin });
    const args = docsTokenCommand();
    // The docs' expiry day passes one day; the command is the same with one still ahead.
    const expires = args.indexOf('--expires');
    expect(expires).toBeGreaterThan(0);
    args[expires + 1] = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const created = await runTokenCli(args, database.env, { npm: true });
    expect(created.code, created.stderr).toBe(0);
    token = printedToken(created.stdout);
    env = { WM_URL: server.url, WM_TOKEN: token };
    // Students of Engineering and of other faculties pledge at the event.
    for (let i = 0; i < 3; i++) await pledge('engineering', 2);
    for (let i = 0; i < 6; i++) await pledge('medicine-pharmacy');
    for (let i = 0; i < 5; i++) await pledge(undefined);
  });

  it('2. sends the first request with curl, and is the Engineering partner', async () => {
    const curl = run('bash', ['first-request.sh'], { cwd: work, env });
    expect(await curl.exited).toBe(0);
    const { data } = JSON.parse(curl.output().stdout);
    expect(data.viewer).toEqual({ role: 'PARTNER', faculty: { slug: 'engineering', name: 'Engineering' } });
    // Its own faculty in full, though it has fewer than 5 pledges.
    expect(data.totals).toEqual({ withheld: false, total: 9, appealLetters: 6, solidarityCards: 3, pledges: 3 });
  });

  it('3. runs the Node report', async () => {
    const report = run(process.execPath, ['report.mjs'], { cwd: work, env });
    expect(await report.exited, report.output().stderr).toBe(0);
    expect(JSON.parse(report.output().stdout)).toMatchObject({ faculty: 'engineering', total: 9, pledges: 3, lines: 3 });
    expect(JSON.parse(report.output().stdout).days).toBeGreaterThan(1);
  });

  it('4. follows the live totals with graphql-ws', async () => {
    const live = run(process.execPath, ['live.mjs'], { cwd: work, env });
    try {
      await live.until((out) => out.includes('"total":9'));
      await pledge('engineering', 3);
      await live.until((out) => out.includes('"total":13'));
    } finally {
      live.child.kill();
    }
  });

  it('5. downloads the CSV files', async () => {
    const download = run('bash', ['download.sh'], { cwd: work, env });
    expect(await download.exited, download.output().stderr).toBe(0);
    const read = (name: string) => parse(readFileSync(join(work, name), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    const totals = read('totals.csv');
    expect(totals.filter((row) => row.faculty_slug === 'engineering').reduce((sum, row) => sum + Number(row.total || 0), 0)).toBe(13);
    expect(new Set(totals.map((row) => row.case_slug)).size).toBe(10);
    expect(read('faculties.csv').find((row) => row.faculty_slug === 'engineering')).toMatchObject({ pledges: '4', total: '13', note: '' });
    expect(read('cases.csv').find((row) => row.case_slug === 'zhang-zhan')!.total).toBe(String(13 + 12 + 10));
  });

  it('6. puts a live dashboard on the faculty’s own site, served from another origin', async () => {
    const html = examples.get('dashboard.html')!;
    expect(html).toContain("'https://marathon.example.edu/graphql'");
    expect(html).toContain("'wm_...'");
    siteHtml = html.replace("'https://marathon.example.edu/graphql'", `'${server.url}'`).replace("'wm_...'", `'${token}'`);
    await page.goto(siteOrigin);
    await page.locator('#total').filter({ hasText: '13' }).waitFor();
    await pledge('engineering', 1);
    await page.locator('#total').filter({ hasText: '15' }).waitFor();
    await saveScreenshot(page, 'journey-partner-dashboard');
  });
});
