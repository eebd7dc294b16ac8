import { describe, expect, it } from 'vitest';
import {
  badRequest,
  badUserInput,
  ErrorCode,
  forbidden,
  idempotencyKeyReused,
  isDatabaseUnavailable,
  isUniqueViolation,
  isUnstorableText,
  notFound,
  publicErrorCodes,
  rateLimited,
  serviceUnavailable,
  queryTooComplex,
  unauthenticated,
} from '../../../server/common/errors.js';

describe('errors', () => {
  it('make one error per public code, each with that code', () => {
    const made = [
      badUserInput([{ field: 'input.name', message: 'Tell us your name.' }]),
      notFound('There is no case "x".', 'slug'),
      unauthenticated(),
      forbidden('Your token does not allow this.'),
      rateLimited(30),
      serviceUnavailable(),
      idempotencyKeyReused('input.clientKey', 'This pledge key was already used for a different pledge. Make a new key for a new pledge.'),
      badRequest('Over WebSocket only subscriptions are accepted.'),
      queryTooComplex('This query costs 300,000 and the limit is 200,000.', { maxCost: 200_000 }),
    ];
    expect(made.map((error) => error.extensions.code).sort()).toEqual(Object.values(ErrorCode).sort());
    for (const code of Object.values(ErrorCode)) expect(publicErrorCodes.has(code)).toBe(true);
  });

  it('put every input problem on its field, the first one as the message', () => {
    const error = badUserInput([
      { field: 'input.name', message: 'Tell us your name.' },
      { field: 'input.kits', message: 'Order at least one kit.' },
    ]);
    expect(error.message).toBe('Tell us your name.');
    expect(error.extensions).toMatchObject({ field: 'input.name', issues: [{ field: 'input.name' }, { field: 'input.kits' }] });
  });

  it('tell the retry time of a rate limit in the message and the Retry-After header', () => {
    const error = rateLimited(12);
    expect(error.message).toContain('12 seconds');
    expect(error.extensions).toMatchObject({ retryAfterSeconds: 12, http: { status: 429 } });
  });

  it('tell database errors apart by their codes, also when TypeORM wraps them', () => {
    const wrapped = (code: string) => Object.assign(new Error('x'), { driverError: { code } });
    expect(isUniqueViolation(wrapped('23505'))).toBe(true);
    expect(isUnstorableText(wrapped('22021'))).toBe(true);
    expect(isDatabaseUnavailable(wrapped('57P01'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(wrapped('23505'))).toBe(false);
  });
});
