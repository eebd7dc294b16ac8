import { buildSchema, parse, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createCachedSubscribe } from '../../../server/graphql/cached-subscribe.js';

/**
 * A schema whose one subscription streams the snapshots pushed into `source`, counting executions
 * of its field. The documents below are written against it, not the service's schema, so they
 * stay inline and untyped.
 */
function fixture() {
  const schema = buildSchema(`type Query { ok: Boolean } type Snapshot { total(times: Int): Int } type Subscription { totals: Snapshot }`);
  let executions = 0;
  const snapshots: object[] = [];
  let returned = 0;
  const source = (): AsyncIterableIterator<unknown> => {
    let index = 0;
    return {
      next: async () => (index < snapshots.length ? { value: snapshots[index++], done: false } : { value: undefined, done: true }),
      return: async () => {
        returned++;
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  };
  const rootValue = {
    totals: () => source(),
  };
  const fieldResolver = (parent: Record<string, unknown>, args: Record<string, unknown>, _context: unknown, info: { fieldName: string }) => {
    if (info.fieldName === 'totals') return parent;
    executions++;
    return (parent.total as number) * ((args.times as number | undefined) ?? 1);
  };
  const subscribeFieldResolver = (root: typeof rootValue) => root.totals();
  return { schema, snapshots, rootValue, fieldResolver, subscribeFieldResolver, executions: () => executions, returned: () => returned };
}

describe('createCachedSubscribe', () => {
  it('executes a snapshot once for every subscriber with the same document and variables', async () => {
    const f = fixture();
    const snapshot = { total: 5 };
    f.snapshots.push(snapshot);
    const sut = createCachedSubscribe();
    const document = parse('subscription { totals { total } }');
    const subscribe = () =>
      sut({ schema: f.schema, document, rootValue: f.rootValue, fieldResolver: f.fieldResolver, subscribeFieldResolver: f.subscribeFieldResolver }) as Promise<
        AsyncIterableIterator<ExecutionResult>
      >;
    const [first, second] = await Promise.all([subscribe(), subscribe()]);
    const [a, b] = await Promise.all([first.next(), second.next()]);
    expect(a.value).toEqual({ data: { totals: { total: 5 } } });
    expect(b.value).toBe(a.value);
    expect(f.executions()).toBe(1);
  });

  it('executes again for other variables, whose result may differ', async () => {
    const f = fixture();
    f.snapshots.push({ total: 5 });
    const sut = createCachedSubscribe();
    const document = parse('subscription ($times: Int) { totals { total(times: $times) } }');
    const subscribe = (times: number) =>
      sut({ schema: f.schema, document, variableValues: { times }, rootValue: f.rootValue, fieldResolver: f.fieldResolver, subscribeFieldResolver: f.subscribeFieldResolver }) as Promise<
        AsyncIterableIterator<ExecutionResult>
      >;
    const [one, two] = await Promise.all([subscribe(1), subscribe(2)]);
    expect((await one.next()).value).toEqual({ data: { totals: { total: 5 } } });
    expect((await two.next()).value).toEqual({ data: { totals: { total: 10 } } });
    expect(f.executions()).toBe(2);
  });

  it('closes the source at once when the subscription is returned', async () => {
    const f = fixture();
    const sut = createCachedSubscribe();
    const stream = (await sut({
      schema: f.schema,
      document: parse('subscription { totals { total } }'),
      rootValue: f.rootValue,
      fieldResolver: f.fieldResolver,
      subscribeFieldResolver: f.subscribeFieldResolver,
    })) as AsyncIterableIterator<ExecutionResult>;
    await stream.return!();
    expect(f.returned()).toBe(1);
  });

  it('answers a document it cannot subscribe to with the errors, not a stream', async () => {
    const f = fixture();
    const result = await createCachedSubscribe()({ schema: f.schema, document: parse('subscription { nothing }'), rootValue: f.rootValue });
    expect(Symbol.asyncIterator in result).toBe(false);
    expect((result as ExecutionResult).errors?.length).toBeGreaterThan(0);
  });
});
