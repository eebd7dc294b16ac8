import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linesWithProbe, PROBE, probeOrder } from '../support/probe.js';
import { ORDER_KIT } from '../support/kit-orders.js';
import { startServer, type TestServer } from '../support/server.js';

describe('log lines when a kit order fails in the database', () => {
  let sut: TestServer;
  beforeAll(async () => {
    sut = await startServer({ LOG_LEVEL: 'trace' });
  });
  afterAll(() => sut?.stop());

  it('carry the error class, SQLSTATE and constraint, and no name, email, street, postal code or city', async () => {
    // A constraint the order breaks: PostgreSQL's error then holds the failing row, the driver's
    // the query and its parameters, all with the student's data in them.
    await sut.sql(`ALTER TABLE kit_order ADD CONSTRAINT kit_order_log_probe CHECK (city <> '${PROBE.city}') NOT VALID`);
    try {
      const { errors } = await sut.gql(ORDER_KIT, { input: probeOrder() });
      expect(errors![0]!.extensions!.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(errors)).not.toMatch(/Probe/i);
    } finally {
      await sut.sql('ALTER TABLE kit_order DROP CONSTRAINT kit_order_log_probe');
    }
    const failure = sut.logs.find((line) => line.msg === 'request failed');
    expect(failure?.err).toMatchObject({ type: 'QueryFailedError', code: '23514', constraint: 'kit_order_log_probe', table: 'kit_order' });
    for (const key of ['query', 'parameters', 'detail', 'where', 'message', 'driverError']) expect(failure!.err).not.toHaveProperty(key);
    expect(linesWithProbe(sut.logs)).toEqual([]);
  });
});
