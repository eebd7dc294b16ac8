import { Field, ObjectType } from 'type-graphql';
import { badUserInput } from './errors.js';

/** Where a page of a keyset list begins and ends, as the Relay cursor connections specification says it. */
@ObjectType({ description: 'Where a page begins and ends, and whether pages come before or after it (Relay cursor connections).' })
export class PageInfo {
  @Field(() => String, { nullable: true, description: "The first edge's cursor: pass it as `before` for the page before. Null on an empty page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "The last edge's cursor: pass it as `after` for the next page. Null on an empty page." })
  endCursor!: string | null;

  @Field(() => Boolean, { description: 'Whether more edges follow this page (reading forwards), or whether edges follow `before` (reading backwards).' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Whether edges come before this page (reading backwards), or before `after` (reading forwards).' })
  hasPreviousPage!: boolean;
}

type Edge<T> = { cursor: string; node: T };
export type Page<T> = { edges: Edge<T>[]; pageInfo: PageInfo };

/** `first` must be a page of 1 to `max` items; otherwise BAD_USER_INPUT on `first`, naming them. */
export function checkPageSize(first: number, max: number, items: string): void {
  if (!Number.isInteger(first) || first < 1 || first > max) throw badUserInput([{ field: 'first', message: `Ask for 1 to ${max} ${items} at a time.` }]);
}

/**
 * A keyset read asks for one row more than the page, so whether another page follows is known
 * without counting: these are the page's rows, and that answer.
 */
export function splitPage<T>(rows: T[], first: number): { page: T[]; hasNextPage: boolean } {
  return { page: rows.slice(0, first), hasNextPage: rows.length > first };
}

/**
 * A page as a connection: each item as a node (itself, unless `nodeOf` makes one) with its
 * cursor, the first and last cursors, and whether pages come before and after it.
 */
export function connectionOf<T, N = T>(
  items: T[],
  pages: { hasNextPage: boolean; hasPreviousPage: boolean },
  cursorOf: (item: T) => string,
  nodeOf?: (item: T) => N,
): Page<N> {
  const edges = items.map((item) => ({ cursor: cursorOf(item), node: nodeOf ? nodeOf(item) : (item as unknown as N) }));
  return { edges, pageInfo: { startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null, ...pages } };
}
