import { Field, ObjectType } from 'type-graphql';
import { badUserInput } from './errors.js';

/** Where a page of a keyset list ends, as every connection of the API says it. */
@ObjectType()
export class PageInfo {
  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
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
 * cursor, and the last cursor as `endCursor`.
 */
export function connectionOf<T, N = T>(items: T[], hasNextPage: boolean, cursorOf: (item: T) => string, nodeOf?: (item: T) => N): Page<N> {
  const edges = items.map((item) => ({ cursor: cursorOf(item), node: nodeOf ? nodeOf(item) : (item as unknown as N) }));
  return { edges, pageInfo: { endCursor: edges.at(-1)?.cursor ?? null, hasNextPage } };
}
