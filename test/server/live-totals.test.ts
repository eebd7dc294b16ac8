import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SUBMIT_PLEDGE, TOTALS, pledgeInput } from '../support/pledges.js';
import { watchTotals, websocketUrl } from '../support/live.js';
import { createTestDatabase, onPostgres, startServer, type TestDatabase, type TestServer } from '../support/server.js';
import { createTokens } from '../support/tokens.js';
import { UpdateCaseDocument } from '../../dashboard/graphql/generated/admin.js';
import { GetCampaignGoalDocument, SetCampaignGoalDocument, SetEventGoalDocument } from '../support/generated/catalogue.js';
import { OnGoalsDocument } from '../support/generated/live.js';
import { OnTotalsInLanguageDocument, SetContentTextDocument } from '../support/generated/content.js';
import { rawDocument } from '../support/graphql.js';

const EVENT = 'human-rights-day-2026';
const zhang = (appealLetters: number, solidarityCards = 0) => [{ case: 'zhang-zhan', appealLetters, solidarityCards }];

/** Everything a test opens, closed after it even when it fails. */
const leftovers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(leftovers.splice(0).map((close) => close().catch(() => undefined)));
});

describe('totalsUpdated', () => {
  let sut: TestServer;
  beforeAll(async () => {
    sut = await startServer();
  });
  afterAll(() => sut?.stop());

  const watch = (variables: Record<string, string> = {}) => {
    const watcher = watchTotals(sut.url, variables);
    leftovers.push(() => watcher.close());
    return watcher;
  };

  it('sends the current totals first, equal to what the totals query returns', async () => {
    await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput(zhang(2, 1)) });
    const watcher = watch();
    const first = await watcher.waitFor(() => true);
    const { data } = await sut.gql(TOTALS);
    expect(first).toEqual(data!.totals);
  });

  it('sends a snapshot with the new numbers after a pledge', async () => {
    const watcher = watch();
    const first = await watcher.waitFor(() => true);
    await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput(zhang(3, 2)) });
    const next = await watcher.waitFor((totals) => totals.total === first.total + 5, 1);
    expect(next.pledges).toBe(first.pledges + 1);
    expect(next.cases.find((row: any) => row.case.slug === 'zhang-zhan').total).toBe(
      first.cases.find((row: any) => row.case.slug === 'zhang-zhan').total + 5,
    );
  });

  it("shows an event's subscriber only that event's pledges", async () => {
    const watcher = watch({ event: EVENT });
    const first = await watcher.waitFor(() => true);
    await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput(zhang(7)) }); // not at the event
    await sut.gql(SUBMIT_PLEDGE, { input: pledgeInput(zhang(1), { event: EVENT }) });
    await watcher.waitFor((totals) => totals.total === first.total + 1, 1);
    const seen = watcher.messages.map((message) => message.data!.totalsUpdated.total);
    expect(seen.every((total) => total === first.total || total === first.total + 1)).toBe(true);
  });

  it('coalesces a burst of pledges into a few snapshots', async () => {
    const watcher = watch();
    const first = await watcher.waitFor(() => true);
    await Promise.all(Array.from({ length: 40 }, () => sut.gql(SUBMIT_PLEDGE, { input: pledgeInput(zhang(1)) })));
    await watcher.waitFor((totals) => totals.total === first.total + 40, 1);
    expect(watcher.messages.length - 1).toBeLessThan(40);
  });

  it("sends a fresh snapshot when an organiser renames a case, without waiting for a pledge", async () => {
    const { organiser } = await createTokens(sut);
    const watcher = watch();
    await watcher.waitFor(() => true);
    const { errors } = await sut.gql(UpdateCaseDocument, { slug: 'anna-and-vira', input: { name: 'Anna & Vira' } }, organiser);
    expect(errors).toBeUndefined();
    await watcher.waitFor((totals) => totals.cases.some((row: any) => row.case.name === 'Anna & Vira'), 1);
  });

  it("sends the new goal at once when an organiser edits the event's or the campaign's goal, without waiting for a pledge", async () => {
    const { organiser } = await createTokens(sut);
    const eventWatcher = watch({ event: EVENT });
    const campaignWatcher = watch();
    const [first] = await Promise.all([eventWatcher.waitFor(() => true), campaignWatcher.waitFor(() => true)]);
    const eventGoal = (first.goal ?? 0) + 123;
    const { errors } = await sut.gql(SetEventGoalDocument, { slug: EVENT, input: { letterGoal: eventGoal } }, organiser);
    expect(errors).toBeUndefined();
    await eventWatcher.waitFor((totals) => totals.goal === eventGoal, 1);

    // The campaign's goal is the whole campaign's; the event keeps its own.
    const campaign = (await sut.gql(GetCampaignGoalDocument)).data!.campaign!;
    const campaignGoal = (campaign.letterGoal ?? 0) + 7;
    const updated = await sut.gql(SetCampaignGoalDocument, { slug: campaign.slug, input: { letterGoal: campaignGoal } }, organiser);
    expect(updated.errors).toBeUndefined();
    await campaignWatcher.waitFor((totals) => totals.goal === campaignGoal, 1);
    expect(eventWatcher.messages.at(-1)!.data!.totalsUpdated.goal).toBe(eventGoal);
  });

  it('refuses an unknown event with NOT_FOUND', async () => {
    const watcher = watch({ event: 'nope' });
    const errors = (await watcher.error()) as { message: string; extensions: { code: string } }[];
    expect(errors[0]!.extensions.code).toBe('NOT_FOUND');
    expect(errors[0]!.message).toMatch(/nope/);
  });

  /** A raw socket that has been through connection_init, for protocol-level abuse. */
  async function rawSocket(): Promise<WebSocket> {
    const socket = new WebSocket(websocketUrl(sut.url), 'graphql-transport-ws');
    leftovers.push(async () => socket.terminate());
    await once(socket, 'open');
    socket.send(JSON.stringify({ type: 'connection_init' }));
    const [ack] = await once(socket, 'message');
    expect(JSON.parse(String(ack)).type).toBe('connection_ack');
    return socket;
  }

  it('closes the socket with 4400 on a malformed message', async () => {
    const socket = await rawSocket();
    socket.send('{ this is not json');
    const [code] = await once(socket, 'close');
    expect(code).toBe(4400);
  });

  it('closes the socket with 1009 on a message over 64 KB', async () => {
    const socket = await rawSocket();
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: rawDocument(`{ __typename ${' '.repeat(70_000)}}`) } }));
    const [code] = await once(socket, 'close');
    expect(code).toBe(1009);
  });
});

describe('totalsUpdated across a restart', () => {
  let database: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'wm-restart-'));
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('closes sockets with 1001 on shutdown, and a reconnecting client gets the current totals first', async () => {
    // Same database (a PGlite folder, or the same PostgreSQL database) and port after the restart.
    const env: Record<string, string> = onPostgres ? {} : { DATA_DIR: dataDir };
    const before = await startServer(env, { database });
    const port = new URL(before.url).port;
    // The client's own backoff while the server is away, kept short for the test.
    const retryWait = () => new Promise<void>((resolve) => setTimeout(resolve, 100));
    const watcher = watchTotals(before.url, {}, { retryAttempts: Infinity, shouldRetry: () => true, retryWait });
    leftovers.push(() => watcher.close());
    const first = await watcher.waitFor(() => true);
    await before.stop();

    const after = await startServer({ ...env, PORT: port }, { database });
    leftovers.push(() => after.stop());
    await after.gql(SUBMIT_PLEDGE, { input: pledgeInput(zhang(4)) });
    const resumed = await watcher.waitFor((totals) => totals.total === first.total + 4, 1);
    expect(resumed.pledges).toBe(first.pledges + 1);
    expect(watcher.closeCodes).toContain(1001);
  });
});

describe.runIf(onPostgres)('totalsUpdated across server processes', () => {
  let database: TestDatabase;
  let processA: TestServer;
  let processB: ChildProcess;
  let urlB: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    processA = await startServer({}, { database });
    processB = spawn(process.execPath, ['dist/server/main.js'], {
      // Edits made through process A reach B's subscribers with B's next refresh: soon, for the test.
      env: { ...process.env, ...database.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DASHBOARD_DIR: 'none', LIVE_REFRESH_MS: '300' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    urlB = await new Promise<string>((resolve, reject) => {
      let output = '';
      processB.stdout!.on('data', (chunk) => {
        output += String(chunk);
        const match = /GraphQL at (\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      processB.once('exit', (code) => reject(new Error(`second process exited with ${code}`)));
    });
  });
  afterAll(async () => {
    if (processB && processB.exitCode === null) {
      processB.kill('SIGTERM');
      await once(processB, 'exit');
    }
    await processA?.stop();
    await database?.drop();
  });

  it("delivers goals edited through process A's API to subscribers of process B, with no pledge in between", async () => {
    const { organiser } = await createTokens(processA);
    const eventWatcher = watchTotals(urlB, { event: EVENT });
    const campaignWatcher = watchTotals(urlB, {}, {}, OnGoalsDocument);
    leftovers.push(() => eventWatcher.close(), () => campaignWatcher.close());
    await Promise.all([eventWatcher.waitFor(() => true), campaignWatcher.waitFor(() => true)]);
    const edited = ({ errors }: { errors?: unknown[] }) => expect(errors).toBeUndefined();

    edited(await processA.gql(SetEventGoalDocument, { slug: EVENT, input: { letterGoal: 4321 } }, organiser));
    await eventWatcher.waitFor((totals) => totals.goal === 4321, 1);
    const { slug } = (await processA.gql(GetCampaignGoalDocument)).data!.campaign!;
    edited(await processA.gql(SetCampaignGoalDocument, { slug, input: { letterGoal: 9876 } }, organiser));
    await campaignWatcher.waitFor((totals) => totals.goal === 9876, 1);
    edited(await processA.gql(UpdateCaseDocument, { slug: 'zhang-zhan', input: { goal: 555 } }, organiser));
    await campaignWatcher.waitFor((totals) => totals.cases.some((row: any) => row.case.slug === 'zhang-zhan' && row.case.goal === 555), 1);
    // B read the campaign's topic again several times meanwhile; it sent only what was new: the
    // first snapshot, the campaign's goal and the case's (the event's goal is not the campaign's).
    expect(campaignWatcher.messages.map((message) => message.data!.totalsUpdated.goal)).toEqual([expect.anything(), 9876, 9876]);
  });

  it("delivers a Dutch name translated through process A's API to Dutch subscribers of process B, with no pledge in between", async () => {
    const { organiser } = await createTokens(processA);
    const dutch = watchTotals(urlB, {}, { connectionParams: { locale: 'nl' } }, OnTotalsInLanguageDocument);
    leftovers.push(() => dutch.close());
    const zhangOf = (totals: Record<string, any>) => totals.cases.find((row: any) => row.case.slug === 'zhang-zhan').case;
    await dutch.waitFor(() => true);
    // Only the translation changes: the snapshot B reads, in English, stays the same.
    const { errors } = await processA.gql(SetContentTextDocument, { input: { subject: 'CASE', slug: 'zhang-zhan', field: 'name', locale: 'nl', text: 'Zhang Zhan (in het Nederlands)' } }, organiser);
    expect(errors).toBeUndefined();
    const next = await dutch.waitFor((totals) => zhangOf(totals).name === 'Zhang Zhan (in het Nederlands)', 1);
    expect(zhangOf(next).language).toBe('nl');
  });

  it('delivers a pledge made on process A to a subscriber of process B', async () => {
    const watcher = watchTotals(urlB);
    leftovers.push(() => watcher.close());
    const first = await watcher.waitFor(() => true);
    await processA.gql(SUBMIT_PLEDGE, { input: pledgeInput(zhang(6, 1)) });
    const next = await watcher.waitFor((totals) => totals.total === first.total + 7, 1);
    expect(next.pledges).toBe(first.pledges + 1);
  });
});
