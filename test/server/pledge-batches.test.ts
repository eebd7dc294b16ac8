import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUnstorableText } from '../../server/common/errors.js';
import { publicViewer } from '../../server/common/viewer.js';
import { PledgeBatcher } from '../../server/pledges/pledge-batcher.js';
import { type PledgeToSubmit } from '../../server/pledges/pledge.queries.js';
import { PLEDGE_TABLE_COUNTS, pledgeInput } from '../support/pledges.js';
import { startServer, type TestServer } from '../support/server.js';

/** The sizes of the batches a batcher sends, in order, as they leave. */
function batchSizes(batcher: PledgeBatcher): number[] {
  const sizes: number[] = [];
  batcher.events.on('batch', ({ size }: { size: number }) => sizes.push(size));
  return sizes;
}

const toSubmit = (lines = [{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 }]): PledgeToSubmit => ({
  clientKey: randomUUID(),
  campaign: null,
  event: null,
  faculty: null,
  lines,
  madeAt: null,
});

describe(PledgeBatcher.name, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

  const counts = async () => (await server.sql(PLEDGE_TABLE_COUNTS))[0]!;

  it('gives each pledge of one batch its own outcome: a new pledge, a replay, an unknown case and a reused key', async () => {
    const pledges = server.app.services.pledges;
    const earlier = pledgeInput([{ case: 'wendy-galarza', appealLetters: 2, solidarityCards: 0 }]);
    const { pledge: first } = await pledges.submit(earlier, publicViewer);
    const before = await counts();
    const sizes = batchSizes(pledges.batcher);

    // Submitted in one turn of the event loop, so they leave together.
    const fresh = pledgeInput([{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 1 }]);
    const outcomes = await Promise.allSettled([
      pledges.submit(fresh, publicViewer),
      pledges.submit(earlier, publicViewer),
      pledges.submit(pledgeInput([{ case: 'nobody-at-all', appealLetters: 1, solidarityCards: 0 }]), publicViewer),
      pledges.submit({ ...earlier, lines: [{ case: 'wendy-galarza', appealLetters: 5, solidarityCards: 0 }] }, publicViewer),
    ]);

    expect(sizes).toEqual([4]);
    const [recorded, replayed, unknown, reused] = outcomes;
    expect(recorded).toMatchObject({ status: 'fulfilled', value: { recorded: true, pledge: { clientKey: fresh.clientKey, appealLetters: 1, solidarityCards: 1 } } });
    expect(replayed).toMatchObject({ status: 'fulfilled', value: { recorded: false, pledge: { id: first.id, clientKey: earlier.clientKey } } });
    expect(unknown.status).toBe('rejected');
    const unknownError = (unknown as PromiseRejectedResult).reason as GraphQLError;
    expect(unknownError.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines.0.case' });
    expect(reused.status).toBe('rejected');
    expect(((reused as PromiseRejectedResult).reason as GraphQLError).extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'input.clientKey' });

    // Only the new pledge counts: one pledge, one line, in its one (campaign) scope.
    const after = await counts();
    expect(after.pledges - before.pledges).toBe(1);
    expect(after.lines - before.lines).toBe(1);
    expect(after.scope_pledges - before.scope_pledges).toBe(1);
  });

  it('sends a pledge alone at once, without waiting for a full batch or for its longest wait', async () => {
    const sut = new PledgeBatcher(server.app.dataSource, { maxBatch: 64, maxInFlight: 1, maxWaitMs: 60_000 });
    const left = once(sut.events, 'batch');
    const row = await sut.submit(toSubmit());
    expect(await left).toEqual([{ size: 1 }]);
    expect(row).toMatchObject({ recorded: true, same_content: true });
  });

  it('gathers the pledges that arrive while a batch is on its way into the next one', async () => {
    const sut = new PledgeBatcher(server.app.dataSource, { maxBatch: 64, maxInFlight: 1, maxWaitMs: 60_000 });
    const sizes = batchSizes(sut);
    const first = sut.submit(toSubmit());
    await once(sut.events, 'batch');
    const rows = await Promise.all([first, sut.submit(toSubmit()), sut.submit(toSubmit()), sut.submit(toSubmit())]);
    expect(sizes).toEqual([1, 3]);
    expect(rows.map((row) => row.recorded)).toEqual([true, true, true, true]);
  });

  it('sends a full batch without waiting, and the rest in the next', async () => {
    const sut = new PledgeBatcher(server.app.dataSource, { maxBatch: 3, maxInFlight: 1, maxWaitMs: 60_000 });
    const sizes = batchSizes(sut);
    const rows = await Promise.all(Array.from({ length: 5 }, () => sut.submit(toSubmit())));
    expect(sizes).toEqual([3, 2]);
    expect(new Set(rows.map((row) => row.pledge_id)).size).toBe(5);
  });

  it('lets a pledge that PostgreSQL cannot read fail alone: the others of its batch are recorded', async () => {
    const sut = new PledgeBatcher(server.app.dataSource, { maxBatch: 64, maxInFlight: 1, maxWaitMs: 60_000 });
    const sizes = batchSizes(sut);
    const good = toSubmit();
    const outcomes = await Promise.allSettled([sut.submit(good), sut.submit(toSubmit([{ case: 'zhang-zhan\u0000', appealLetters: 1, solidarityCards: 0 }]))]);
    expect(sizes).toEqual([2]);
    expect(outcomes[0]).toMatchObject({ status: 'fulfilled', value: { recorded: true } });
    expect(outcomes[1].status).toBe('rejected');
    expect(isUnstorableText((outcomes[1] as PromiseRejectedResult).reason)).toBe(true);
    expect(await server.sql('SELECT count(*)::int AS n FROM pledge WHERE client_key = $1', [good.clientKey])).toEqual([{ n: 1 }]);
  });

  it('counts each pledge once when batches of two processes carry the same keys in opposite orders at once, and none deadlocks', async () => {
    const processes = [0, 1].map(() => new PledgeBatcher(server.app.dataSource, { maxBatch: 8, maxInFlight: 4, maxWaitMs: 2 }));
    const cases = ['zhang-zhan', 'bernardo-caal-xol', 'anna-and-vira', 'janna-jihad'];
    const pledges = Array.from({ length: 48 }, (_, i) => ({
      ...toSubmit([
        { case: cases[i % 4]!, appealLetters: 1, solidarityCards: 0 },
        { case: cases[(i + 1) % 4]!, appealLetters: 0, solidarityCards: 1 },
      ]),
      event: i % 2 ? 'human-rights-day-2026' : null,
    }));
    const before = await counts();
    const rows = await Promise.all([
      ...pledges.map((pledge) => processes[0]!.submit(pledge)),
      ...[...pledges].reverse().map((pledge) => processes[1]!.submit(pledge)),
    ]);
    expect(rows.filter((row) => row.recorded).length).toBe(48);
    expect(rows.every((row) => row.same_content)).toBe(true);
    const after = await counts();
    expect(after.pledges - before.pledges).toBe(48);
    expect(after.lines - before.lines).toBe(96);
    // Each pledge counts in its campaign, and half of them in their event too.
    expect(after.scope_pledges - before.scope_pledges).toBe(48 + 24);
  });
});
