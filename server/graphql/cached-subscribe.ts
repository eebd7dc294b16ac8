import {
  createSourceEventStream,
  execute,
  print,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import { type Context } from '../common/context.js';

type Result = ExecutionResult | Promise<ExecutionResult>;

/**
 * graphql-ws runs a subscription's document once per subscriber for every event. Live totals
 * send one snapshot object to every subscriber of a topic, so the result for a given snapshot,
 * document and variables is computed once and shared: with 10,000 projectors and phones on one
 * event, a tick costs one execution, not 10,000. Results are only read afterwards (serialised
 * per socket), never changed, so sharing them is safe. Everything a result may depend on is in
 * the key: the document, its variables and the language asked for (names and titles come in
 * it); nothing else in it depends on who is asking (what a viewer may see is in the snapshot).
 */
export function createCachedSubscribe() {
  const printed = new WeakMap<DocumentNode, string>();
  const results = new WeakMap<object, Map<string, Result>>();

  const keyOf = (args: ExecutionArgs): string => {
    let document = printed.get(args.document);
    if (document === undefined) {
      document = print(args.document);
      printed.set(args.document, document);
    }
    const locale = (args.contextValue as Partial<Context> | undefined)?.locale ?? '';
    return `${locale}\n${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? {})}\n${document}`;
  };

  return async function subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const stream = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in stream)) return stream; // errors, e.g. an unknown event
    const key = keyOf(args);
    return mapAsyncIterator(stream[Symbol.asyncIterator](), (payload) => {
      if (typeof payload !== 'object' || payload === null) return execute({ ...args, rootValue: payload });
      let byKey = results.get(payload);
      if (!byKey) {
        byKey = new Map();
        results.set(payload, byKey);
      }
      let result = byKey.get(key);
      if (!result) {
        result = execute({ ...args, rootValue: payload });
        byKey.set(key, result);
      }
      return result;
    });
  };
}

/**
 * Maps an async iterator without an async generator: a generator parked on `await` would only
 * see `return()` after the next event, so a closed subscription would linger until then.
 */
function mapAsyncIterator<T, U>(source: AsyncIterator<T>, map: (value: T) => U | Promise<U>): AsyncIterableIterator<U> {
  return {
    async next() {
      const result = await source.next();
      return result.done ? { value: undefined, done: true } : { value: await map(result.value), done: false };
    },
    async return() {
      await source.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
