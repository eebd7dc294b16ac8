import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkPageSize, connectionOf, splitPage } from '../../../server/common/pagination.js';

describe('pagination', () => {
  it.each([0, -1, 201, 1.5, Number.NaN])('refuses a page of %s items on `first`', (first) => {
    let refused: unknown;
    try {
      checkPageSize(first, 200, 'orders');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(GraphQLError);
    expect((refused as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect((refused as GraphQLError).message).toBe('Ask for 1 to 200 orders at a time.');
  });

  it('takes a page of 1 to the most items', () => {
    expect(() => checkPageSize(1, 200, 'orders')).not.toThrow();
    expect(() => checkPageSize(200, 200, 'orders')).not.toThrow();
  });

  it('tells from the one row read beyond the page whether another page follows', () => {
    expect(splitPage([1, 2, 3], 2)).toEqual({ page: [1, 2], hasNextPage: true });
    expect(splitPage([1, 2], 2)).toEqual({ page: [1, 2], hasNextPage: false });
    expect(splitPage([], 2)).toEqual({ page: [], hasNextPage: false });
  });

  it('makes a connection whose start and end cursors are the first and last edge’s', () => {
    const connection = connectionOf([{ id: 1 }, { id: 2 }], { hasNextPage: true, hasPreviousPage: false }, (item) => `c${item.id}`, (item) => item.id * 10);
    expect(connection).toEqual({
      edges: [
        { cursor: 'c1', node: 10 },
        { cursor: 'c2', node: 20 },
      ],
      pageInfo: { startCursor: 'c1', endCursor: 'c2', hasNextPage: true, hasPreviousPage: false },
    });
    expect(connectionOf([], { hasNextPage: false, hasPreviousPage: true }, String).pageInfo).toEqual({ startCursor: null, endCursor: null, hasNextPage: false, hasPreviousPage: true });
  });
});
