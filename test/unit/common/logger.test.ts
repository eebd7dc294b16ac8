import { describe, expect, it } from 'vitest';
import { serializeError } from '../../../server/common/logger.js';

/** A database error as TypeORM wraps pg's: the typed values are in its message, detail, query and parameters. */
function databaseError(code: string, message: string) {
  const driverError = Object.assign(new Error(message), { code, constraint: 'kit_order_reference_key', table: 'kit_order', detail: 'Failing row contains (Ada Lovelace, ada@example.org).' });
  return Object.assign(new Error(message), { name: 'QueryFailedError', driverError, query: 'INSERT …', parameters: ['Ada Lovelace'] });
}

describe('serializeError', () => {
  it('logs a database error by class, SQLSTATE and names, never its message, detail or parameters', () => {
    const logged = serializeError(databaseError('23505', 'duplicate key value violates unique constraint, Key (email)=(ada@example.org)'));
    expect(logged).toEqual({ type: 'QueryFailedError', code: '23505', constraint: 'kit_order_reference_key', table: 'kit_order' });
    expect(JSON.stringify(logged)).not.toMatch(/Ada|ada@/);
  });

  it('keeps the message of a schema error (class 42), which names objects and never a value', () => {
    expect(serializeError(databaseError('42883', 'function record_pledge(uuid) does not exist'))).toMatchObject({ code: '42883', message: 'function record_pledge(uuid) does not exist' });
  });

  it('logs our own errors with message and stack, and their causes too', () => {
    const logged = serializeError(new Error('outer', { cause: new Error('inner') })) as { message: string; stack: string; cause: { message: string } };
    expect(logged.message).toBe('outer');
    expect(logged.stack).toContain('outer');
    expect(logged.cause.message).toBe('inner');
  });

  it('never logs a thrown string, which could be anything', () => {
    expect(serializeError('ada@example.org')).toEqual({ type: 'string' });
  });
});
