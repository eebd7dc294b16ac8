import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TypedDocumentString } from '../../dashboard/graphql/generated/typedDocumentString.js';
import { rawDocument, type RawDocument } from '../support/graphql.js';
import { ORDER_KIT } from '../support/kit-orders.js';
import { SUBMIT_PLEDGE } from '../support/pledges.js';
import { startServer, type TestServer } from '../support/server.js';
import { createTokens } from '../support/tokens.js';
import { ErrorCode } from '../../server/common/errors.js';

/**
 * Random and hostile input to every query and mutation, generated from the committed schema so
 * that a new operation or field is covered without touching this file, as the public and as an
 * organiser. Each response must be a structured error with a documented code (never
 * INTERNAL_SERVER_ERROR) or a well-formed success, and a refused request must leave every table
 * as it was.
 */

/**
 * The codes the README and the design document promise: the server's own, and Apollo's two for
 * requests it cannot read. INTERNAL_SERVER_ERROR is deliberately absent.
 */
const DOCUMENTED_CODES = new Set<string>([...Object.values(ErrorCode), 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']);
const MAX_BODY_BYTES = 64 * 1024;
/**
 * Runs per property: each mutation has three or four properties, so 30 each keeps the file near
 * a minute on two cores; the two properties aimed at the public forms run 150. Raise
 * HOSTILE_INPUT_RUNS for a longer hunt.
 */
const RUNS = Number(process.env.HOSTILE_INPUT_RUNS ?? 30);
const FORM_RUNS = Math.max(RUNS, 150);
const PUBLIC_MUTATIONS = new Set(['submitPledge', 'orderKit']);

const schema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));
const mutations = Object.values(schema.getMutationType()!.getFields());
const queries = Object.values(schema.getQueryType()!.getFields());

// Slugs and references that exist after seeding, so that generated input also takes the paths
// past the lookups (and meets the unique constraints) instead of only ever missing.
const KNOWN_STRINGS = [
  'write-for-rights-2026',
  'zhang-zhan',
  'anna-and-vira',
  'human-rights-day-2026',
  'engineering',
  'law-criminology',
  'etterbeek-student-hub',
  'ciham@vub.be',
  'en',
  'nl',
  'fr',
  // Names every JavaScript object answers to: a lookup by user input must not find them.
  'toString',
  'constructor',
  '__proto__',
  'hasOwnProperty',
  'valueOf',
  // Cursors as clients might make them up: ids in base64, out of range, cut short.
  Buffer.from('1:99999999999').toString('base64url'),
  Buffer.from('99999999999999999999999').toString('base64url'),
  Buffer.from('-1:0').toString('base64url'),
  'MQ',
  'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
];
const NASTY_STRINGS = [
  '',
  ' ',
  '\ud800',
  '\u202e\u0646\u0635',
  'Ω≈ç√∫˜µ≤≥÷',
  '👩🏽‍🚀'.repeat(20),
  "'; DROP TABLE pledge; --",
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '${jndi:ldap://x}',
  '%s%n%x',
  'zhang-zhan ',
  'ZHANG-ZHAN',
  '00000000-0000-0000-0000-000000000000',
  '2026-02-30T25:61:00Z',
  'x'.repeat(300),
  'é'.repeat(20_000),
];
/** Larger than the body limit: the request must be refused with 413 before any GraphQL work. */
const HUGE_STRINGS = ['x'.repeat(70_000), '🦀'.repeat(300_000)];
const EXTREME_INTS = [-1, 0, 1, 50, 51, 100, 101, -(2 ** 31), 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, Number.MAX_VALUE, -0, 1.5];

const hostileString = fc.oneof(
  { arbitrary: fc.constantFrom(...KNOWN_STRINGS), weight: 4 },
  { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 3 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 1 },
  { arbitrary: fc.uuid(), weight: 1 },
  { arbitrary: fc.emailAddress(), weight: 1 },
  { arbitrary: fc.constantFrom(...HUGE_STRINGS), weight: 1 },
);
const hostileInt = fc.oneof(
  { arbitrary: fc.integer({ min: -3, max: 60 }), weight: 4 },
  { arbitrary: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), weight: 1 },
);
/** PostgreSQL text cannot hold U+0000: every string that reaches the database must be refused before it does. */
const nulString = fc.constantFrom('\u0000', 'a\u0000b', 'zhang-zhan\u0000', 'x@vub.be\u0000');
/** Extreme and out-of-range numbers, some of which GraphQL's Int cannot hold. */
const extremeInt = fc.constantFrom(...EXTREME_INTS);

/** A value of the right GraphQL type whose content may be anything. */
function hostileValue(type: GraphQLInputType, strings: fc.Arbitrary<string> = hostileString, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return hostileValue(type.ofType, strings, depth);
  const nullable = (arbitrary: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary, weight: 9 }, { arbitrary: fc.constant(null), weight: 1 });
  if (isListType(type)) return nullable(fc.array(hostileValue(type.ofType, strings, depth + 1), { maxLength: depth > 2 ? 0 : 4 }));
  if (isEnumType(type)) return nullable(fc.constantFrom(...type.getValues().map((value) => value.name)));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    return nullable(
      fc.record(Object.fromEntries(fields.map((field) => [field.name, hostileValue(field.type, strings, depth + 1)])), {
        requiredKeys: fields.filter((field) => isNonNullType(field.type)).map((field) => field.name),
      }),
    );
  }
  switch (type.name) {
    case 'Int':
      return nullable(fc.oneof({ arbitrary: hostileInt, weight: 4 }, { arbitrary: extremeInt.filter(Number.isSafeInteger), weight: 1 }));
    case 'Boolean':
      return nullable(fc.boolean());
    case 'DateTime':
      return nullable(fc.oneof(fc.date({ noInvalidDate: true }).map((date) => date.toISOString()), fc.constantFrom('2026-12-10T18:00:00Z')));
    default:
      return nullable(strings);
  }
}

/** A value GraphQL must refuse for `type` before any resolver runs: null where required, a wrong type, an unknown enum value or field. */
function wrongValue(type: GraphQLInputType): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return fc.oneof(fc.constant(null), wrongValue(type.ofType));
  if (isListType(type)) {
    return fc.tuple(fc.array(hostileValue(type.ofType), { maxLength: 2 }), wrongValue(type.ofType)).map(([good, bad]) => [...good, bad]);
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const wellTyped = fc.record(Object.fromEntries(fields.map((field) => [field.name, hostileValue(field.type)])), {
      requiredKeys: fields.filter((field) => isNonNullType(field.type)).map((field) => field.name),
    });
    return fc.oneof(
      fc.constantFrom('an object was expected', 42, true),
      wellTyped.map((value) => ({ ...(value as object), notAField: 'x' })),
      fc
        .tuple(wellTyped, fc.constantFrom(...fields))
        .chain(([value, field]) => wrongValue(field.type).map((bad) => ({ ...(value as object), [field.name]: bad }))),
    );
  }
  if (isEnumType(type)) return fc.oneof(fc.constantFrom('NOT_A_VALUE', 'requested', '', 7), fc.string({ maxLength: 10 }).filter((s) => !type.getValue(s)));
  switch (type.name) {
    case 'Int':
      return fc.oneof(extremeInt.filter((n) => !Number.isSafeInteger(n) || n >= 2 ** 31 || n < -(2 ** 31)), fc.constantFrom('12', true, [], {}, 0.5));
    case 'Boolean':
      return fc.constantFrom('true', 1, 0, [], {});
    case 'DateTime':
      return fc.constantFrom('tomorrow', '2026-13-01T00:00:00Z', 20261210, true, {});
    case 'ID':
      return fc.constantFrom(true, 1.5, {}, [[]]);
    default:
      return fc.constantFrom(42, -1.5, true, {}, { a: 'b' }, [[]]);
  }
}

/** A document for every root field, built from the schema while the test runs, so that a new field is attacked too. */
function documentFor(field: GraphQLField<unknown, unknown>, operation: 'query' | 'mutation' = 'mutation'): RawDocument {
  const variables = field.args.map((arg) => `$${arg.name}: ${arg.type}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type)) ? '' : ' { __typename }';
  const signature = variables ? `(${variables})` : '';
  return rawDocument(`${operation} Hostile${signature} { ${field.name}${args ? `(${args})` : ''}${selection} }`);
}

const variablesFor = (args: readonly GraphQLArgument[], strings?: fc.Arbitrary<string>) =>
  fc.record(Object.fromEntries(args.map((arg) => [arg.name, hostileValue(arg.type, strings)])), {
    requiredKeys: args.filter((arg) => isNonNullType(arg.type)).map((arg) => arg.name),
  });

/** Well-typed variables with one argument (or one field deep inside it) of the wrong type. */
const wrongVariablesFor = (args: readonly GraphQLArgument[]) =>
  fc.tuple(variablesFor(args), fc.constantFrom(...args)).chain(([variables, arg]) => wrongValue(arg.type).map((bad) => ({ ...variables, [arg.name]: bad })));

type Answer = { status: number; bytes: number; body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] } };

describe('hostile input to every query and mutation', () => {
  let sut: TestServer;
  let organiser: Record<string, string>;
  let organiserTokenId: number;
  let fingerprintQuery: string;
  let baseline: unknown;
  let requests = 0;

  beforeAll(async () => {
    sut = await startServer({ LOG_LEVEL: 'warn', TRUST_PROXY: 'loopback' });
    ({ organiser } = await createTokens(sut));
    [{ id: organiserTokenId }] = await sut.sql<{ id: number }>(`SELECT id FROM api_token WHERE name = 'Test organiser'`);
    // Every table's row count and a hash of its rows: a refused request must change neither.
    // Leaving out a token's last use, which any request with it may note (once a minute).
    const tables = await sut.sql<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    fingerprintQuery = tables
      .map(({ name }) => `SELECT '${name}' AS name, count(*)::int AS rows, md5(coalesce(string_agg((to_jsonb(t) - 'last_used_at')::text, '|' ORDER BY t::text), '')) AS hash FROM "${name}" t`)
      .join(' UNION ALL ');
    baseline = await fingerprint();
  });
  afterAll(() => sut?.stop());

  const fingerprint = () => sut.sql(fingerprintQuery);

  async function send(query: RawDocument | TypedDocumentString<unknown, any>, variables: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const payload = JSON.stringify({ query, variables });
    // Each request comes from another address, as from many students: the per-address rate
    // limits (tested on their own) would otherwise answer RATE_LIMITED before any validation.
    const address = `10.${(++requests >> 16) & 255}.${(requests >> 8) & 255}.${requests & 255}`;
    const response = await fetch(sut.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...headers },
      body: payload,
    });
    const text = await response.text();
    let body: Answer['body'];
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`HTTP ${response.status} answered with something other than JSON: ${text.slice(0, 200)}`);
    }
    return { status: response.status, bytes: Buffer.byteLength(payload), body };
  }

  /** The answer is a structured error or a success; after an error nothing in the database changed. */
  async function expectStructured(answer: Answer, field: string, nullable = false): Promise<'refused' | 'done'> {
    const serialized = JSON.stringify(answer.body);
    expect(serialized).not.toMatch(/\n\s+at |stacktrace|QueryFailedError|node_modules|\.ts:\d+/);
    if (answer.bytes > MAX_BODY_BYTES) expect(answer.status).toBe(413);
    else expect([200, 400, 401, 403, 429]).toContain(answer.status);
    const errors = answer.body.errors ?? [];
    for (const error of errors) {
      expect(typeof error.message).toBe('string');
      expect(DOCUMENTED_CODES, `code ${String(error.extensions?.code)}: ${error.message}`).toContain(error.extensions?.code);
    }
    if (errors.length === 0) {
      expect(answer.body.data?.[field]).toBeDefined();
      if (!nullable) expect(answer.body.data?.[field]).not.toBeNull();
      baseline = await fingerprint();
      return 'done';
    }
    // A refused request stores nothing: compare every table with the state before it.
    expect(await fingerprint()).toEqual(baseline);
    return 'refused';
  }

  const assertProperty = (property: fc.IAsyncProperty<any>, numRuns = RUNS) =>
    // endOnFailure: no shrinking, so a failure costs one report, not thousands more requests.
    fc.assert(property, { numRuns, endOnFailure: true });

  describe.each(mutations.map((mutation) => [mutation.name, mutation] as const))('%s', (name, mutation) => {
    const query = documentFor(mutation);
    const isPublic = PUBLIC_MUTATIONS.has(name);
    const asCaller = () => (isPublic ? {} : organiser);
    // Never revoke the token the test itself uses.
    const keepsOurToken = (variables: Record<string, unknown>) => name !== 'revokeApiToken' || String(variables.id).trim() !== String(organiserTokenId);

    it(`answers well-typed hostile input${isPublic ? '' : ' from an organiser'} with a structured error or a success`, async () => {
      await assertProperty(
        fc.asyncProperty(variablesFor(mutation.args), async (variables) => {
          fc.pre(keepsOurToken(variables));
          await expectStructured(await send(query, variables, asCaller()), name);
        }),
      );
    });

    it('answers a NUL character in any string with a structured error, and stores nothing', async () => {
      await assertProperty(
        fc.asyncProperty(variablesFor(mutation.args, fc.oneof(nulString, fc.constantFrom(...KNOWN_STRINGS), fc.uuid())), async (variables) => {
          fc.pre(keepsOurToken(variables));
          await expectStructured(await send(query, variables, asCaller()), name);
        }),
        20,
      );
    });

    it('refuses input of the wrong type, and stores nothing', async () => {
      await assertProperty(
        fc.asyncProperty(wrongVariablesFor(mutation.args), async (variables) => {
          expect(await expectStructured(await send(query, variables, asCaller()), name)).toBe('refused');
        }),
      );
    });

    if (!isPublic) {
      it('refuses everyone without an organiser token, and stores nothing', async () => {
        await assertProperty(
          fc.asyncProperty(variablesFor(mutation.args), fc.constantFrom<Record<string, string>>({}, { authorization: 'Bearer not-a-token' }), async (variables, headers) => {
            expect(await expectStructured(await send(query, variables, headers), name)).toBe('refused');
          }),
        );
      });
    }
  });

  describe.each(queries.map((query) => [query.name, query] as const))('query %s', (name, query) => {
    const document = documentFor(query, 'query');
    const nullable = !isNonNullType(query.type);

    it.each([
      ['the public', () => ({})],
      ['an organiser', () => organiser],
    ])('answers well-typed hostile arguments from %s with a structured error or data, never an internal error', async (_who, headers) => {
      await assertProperty(
        fc.asyncProperty(variablesFor(query.args), async (variables) => {
          await expectStructured(await send(document, variables, headers()), name, nullable);
        }),
      );
    });

    if (query.args.length > 0) {
      it('refuses arguments of the wrong type', async () => {
        await assertProperty(
          fc.asyncProperty(wrongVariablesFor(query.args), async (variables) => {
            expect(await expectStructured(await send(document, variables, organiser), name, nullable)).toBe('refused');
          }),
          10,
        );
      });
    }
  });

  describe('invalid pledges and kit orders', () => {
    const SUBMIT = SUBMIT_PLEDGE;
    const ORDER = ORDER_KIT;
    const badCount = fc.oneof(fc.integer({ min: -(2 ** 31), max: -1 }), fc.integer({ min: 101, max: 2 ** 31 - 1 }));
    const unknownSlug = fc.string({ minLength: 1, maxLength: 30 }).map((s) => `no-such-${s}`);

    it('refuses a pledge with a negative or huge count, an unknown or NUL-bearing slug, or a bad key, and stores nothing', async () => {
      const validLine = { case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 };
      const invalidPledge = fc.oneof(
        fc.record({ clientKey: fc.uuid(), lines: fc.tuple(badCount, fc.integer({ min: 0, max: 3 })).map(([a, s]) => [{ case: 'anna-and-vira', appealLetters: a, solidarityCards: s }]) }),
        fc.record({ clientKey: fc.uuid(), lines: fc.tuple(fc.integer({ min: 0, max: 3 }), badCount).map(([a, s]) => [{ case: 'anna-and-vira', appealLetters: a, solidarityCards: s }]) }),
        fc.record({ clientKey: fc.uuid(), lines: unknownSlug.map((slug) => [validLine, { case: slug, appealLetters: 1, solidarityCards: 1 }]) }),
        fc.record({ clientKey: fc.uuid(), event: unknownSlug, lines: fc.constant([validLine]) }),
        fc.record({ clientKey: fc.uuid(), faculty: unknownSlug, lines: fc.constant([validLine]) }),
        fc.record({ clientKey: fc.uuid(), campaign: unknownSlug, lines: fc.constant([validLine]) }),
        fc.record({ clientKey: fc.string({ maxLength: 40 }).filter((key) => !/^[0-9a-f-]{36}$/i.test(key)), lines: fc.constant([validLine]) }),
        fc.record({ clientKey: fc.uuid(), lines: fc.constant([]) }),
        fc.record({ clientKey: fc.uuid(), event: nulString, lines: fc.constant([validLine]) }),
        fc.record({ clientKey: fc.uuid(), lines: nulString.map((slug) => [{ ...validLine, case: slug }]) }),
      );
      await assertProperty(
        fc.asyncProperty(invalidPledge, async (input) => {
          const answer = await send(SUBMIT, { input });
          expect(await expectStructured(answer, 'submitPledge')).toBe('refused');
          expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(answer.body.errors![0]!.extensions!.code);
        }),
        FORM_RUNS,
      );
    });

    it('refuses a kit order for no kits, too many, an unknown faculty or pickup point, no consent, or a NUL character, and stores nothing', async () => {
      const order = { name: 'Hostile Tester', email: 'hostile@vub.be', kits: 1, language: 'en', delivery: { method: 'PICKUP', pickupPoint: 'jette-library' }, consent: true };
      const invalidOrder = fc.oneof(
        fc.oneof(fc.integer({ min: -(2 ** 31), max: 0 }), fc.integer({ min: 51, max: 2 ** 31 - 1 })).map((kits) => ({ ...order, kits })),
        unknownSlug.map((faculty) => ({ ...order, faculty })),
        unknownSlug.map((pickupPoint) => ({ ...order, delivery: { method: 'PICKUP', pickupPoint } })),
        fc.constant({ ...order, consent: false }),
        fc.string({ maxLength: 30 }).filter((email) => !email.includes('@')).map((email) => ({ ...order, email })),
        fc.constant({ ...order, delivery: { method: 'POST' } }),
        nulString.map((name) => ({ ...order, name })),
        nulString.map((faculty) => ({ ...order, faculty })),
      );
      await assertProperty(
        fc.asyncProperty(invalidOrder, async (input) => {
          const answer = await send(ORDER, { input });
          expect(await expectStructured(answer, 'orderKit')).toBe('refused');
          expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(answer.body.errors![0]!.extensions!.code);
        }),
        FORM_RUNS,
      );
    });
  });

  it('logs none of it as an error: hostile input is the sender’s mistake, not ours', () => {
    // Error lines page whoever is on call; a script sending NUL characters must not.
    expect(sut.logs.filter((line) => line.level >= 50).map((line) => line.msg)).toEqual([]);
  });
});
