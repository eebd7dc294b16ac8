import { randomBytes } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { Cursors } from '../../../server/common/cursors.js';

const refusal = (run: () => unknown): GraphQLError => {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe(Cursors.name, () => {
  const sut = new Cursors(randomBytes(32));

  it('gives back the position it sealed, and nothing for no cursor', () => {
    expect(sut.decode('pledgeLines', sut.encode('pledgeLines', [42, 7n]), 2)).toEqual(['42', '7']);
    expect(sut.decode('kitOrders', null, 1)).toBeNull();
    expect(sut.decode('kitOrders', '', 1)).toBeNull();
  });

  it('seals the same position differently each time, so cursors tell nothing', () => {
    expect(sut.encode('kitOrders', [1])).not.toBe(sut.encode('kitOrders', [1]));
  });

  it.each([
    ['a cursor of another list', () => sut.decode('recentPledges', sut.encode('kitOrders', [1]), 1)],
    ['a cursor of another key', () => sut.decode('kitOrders', new Cursors(randomBytes(32)).encode('kitOrders', [1]), 1)],
    ['a tampered cursor', () => sut.decode('kitOrders', `${sut.encode('kitOrders', [1]).slice(0, -2)}AA`, 1)],
    ['a cut-short cursor', () => sut.decode('kitOrders', sut.encode('kitOrders', [1]).slice(0, 20), 1)],
    ['a made-up cursor', () => sut.decode('kitOrders', 'bm90IGEgY3Vyc29y', 1)],
    ['characters no cursor has', () => sut.decode('kitOrders', '../../etc/passwd', 1)],
    ['a position of another size', () => sut.decode('pledgeLines', sut.encode('pledgeLines', [1]), 2)],
    ['a position that is not a bigint', () => sut.decode('kitOrders', sut.encode('kitOrders', ['9223372036854775808']), 1)],
  ])('refuses %s as BAD_USER_INPUT on its field', (_what, run) => {
    const error = refusal(run);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('names the field it was given', () => {
    expect(refusal(() => sut.decode('kitOrders', 'xyz', 1, 'cursor')).extensions.field).toBe('cursor');
  });

  it('wants a 32-byte key', () => {
    expect(() => new Cursors(randomBytes(16))).toThrow('32 bytes');
  });
});
