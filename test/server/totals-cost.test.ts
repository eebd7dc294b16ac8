import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_SUMS_SQL, SCOPE_SUMS_SQL } from '../../server/totals/totals.queries.js';
import { SUBMIT_PLEDGE, TOTALS, pledgeInput } from '../support/pledges.js';
import { onPostgres, startServer, type TestServer } from '../support/server.js';

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Actual Rows': number; 'Actual Loops': number; Plans?: PlanNode[] };

/** Rows read from each table by one run of a query, from its actual plan. */
async function rowsTouched(sut: TestServer, sql: string, parameters: unknown[]): Promise<Record<string, number>> {
  const [row] = await sut.sql(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, parameters);
  const plan = (row['QUERY PLAN'] as [{ Plan: PlanNode }])[0].Plan;
  const touched: Record<string, number> = {};
  const walk = (node: PlanNode) => {
    if (node['Relation Name']) {
      touched[node['Relation Name']] = (touched[node['Relation Name']] ?? 0) + node['Actual Rows'] * node['Actual Loops'];
    }
    node.Plans?.forEach(walk);
  };
  walk(plan);
  return touched;
}

/** Adds pledges straight through record_pledge, spread over every case, event and faculty scope. */
async function bulkPledge(sut: TestServer, count: number): Promise<void> {
  await sut.sql(
    `SELECT record_pledge(gen_random_uuid(), c.campaign_id, e.id, NULL, md5(i::text), ARRAY[c.id], ARRAY[1 + i % 3], ARRAY[i % 2])
     FROM generate_series(1, $1) AS i
     JOIN LATERAL (SELECT id, campaign_id FROM "case" ORDER BY id OFFSET i % 10 LIMIT 1) c ON true
     LEFT JOIN LATERAL (SELECT id FROM event WHERE i % 2 = 0 LIMIT 1) e ON true`,
    [count],
  );
}

describe('totals cost', () => {
  let sut: TestServer;
  let parameters: number[];
  /** How many rows each scope's tallies are split into: the database function says, in one place. */
  let SHARDS: number;
  beforeAll(async () => {
    sut = await startServer();
    const [campaign] = await sut.sql('SELECT id FROM campaign WHERE is_current');
    parameters = [campaign.id, 0, 0];
    [{ shards: SHARDS }] = await sut.sql<{ shards: number }>('SELECT tally_shards() AS shards');
  });
  afterAll(() => sut?.stop());

  it('reads at most (cases + 1) x shards tally rows, with 100 pledges as with 5,100, and never the pledge tables', async () => {
    await bulkPledge(sut, 100);
    const few = { cases: await rowsTouched(sut, CASE_SUMS_SQL, parameters), scope: await rowsTouched(sut, SCOPE_SUMS_SQL, parameters) };
    await bulkPledge(sut, 5_000);
    const many = { cases: await rowsTouched(sut, CASE_SUMS_SQL, parameters), scope: await rowsTouched(sut, SCOPE_SUMS_SQL, parameters) };

    for (const touched of [few, many]) {
      expect(Object.keys(touched.cases)).toEqual(['case_tally']);
      expect(Object.keys(touched.scope)).toEqual(['scope_tally']);
      // At most one row per case and shard, and one per shard for the pledge count: O(cases).
      expect(touched.cases.case_tally).toBeLessThanOrEqual(10 * SHARDS);
      expect(touched.scope.scope_tally).toBeLessThanOrEqual(SHARDS);
    }
    // Fifty times the pledges, and the read has reached its ceiling rather than grown with them.
    expect(many.cases.case_tally).toBe(10 * SHARDS);

    const { data } = await sut.gql(TOTALS);
    expect(data!.totals.pledges).toBe(5_100);
  });

  it('spreads concurrent pledges over many counter rows instead of one', async () => {
    const [{ shards }] = await sut.sql('SELECT count(DISTINCT shard)::int AS shards FROM scope_tally WHERE event_id = 0 AND faculty_id = 0');
    expect(shards).toBeGreaterThanOrEqual(SHARDS / 2);
  });

  it.runIf(onPostgres)('lets a pledge through while another transaction holds the counter rows of a different shard', async () => {
    // Two keys that land on different shards.
    const first = pledgeInput([{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 }]);
    const shardOf = async (key: string) => (await sut.sql('SELECT tally_shard($1::uuid) AS shard', [key]))[0].shard;
    let second = pledgeInput([{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 }]);
    while ((await shardOf(second.clientKey)) === (await shardOf(first.clientKey))) {
      second = pledgeInput(second.lines);
    }
    await sut.gql(SUBMIT_PLEDGE, { input: first }); // makes sure the first shard's rows exist

    const url = (sut.app.dataSource.options as { url: string }).url;
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      const locked = await holder.query('SELECT 1 FROM case_tally WHERE shard = $1 FOR UPDATE', [await shardOf(first.clientKey)]);
      await holder.query('SELECT 1 FROM scope_tally WHERE shard = $1 FOR UPDATE', [await shardOf(first.clientKey)]);
      expect(locked.rowCount).toBeGreaterThan(0);
      // Would hang (and time the test out) if every pledge queued on the same rows.
      const { errors } = await sut.gql(SUBMIT_PLEDGE, { input: second });
      expect(errors).toBeUndefined();
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
  });
});
