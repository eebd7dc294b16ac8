import { describe, expect, it } from 'vitest';
import { newClientKey, PledgeQueue, retryDelay, STORAGE_KEY, type PledgeQueueOptions, type PledgeReceipt } from '../../dashboard/composables/pledgeQueue';
import { type PledgeInput } from '../../dashboard/graphql/generated/pledge';
import { GraphQLRequestError } from '../../dashboard/graphql/request';

/** localStorage as the queue sees it, shared between "page loads" like the real one. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    items,
  };
}

/** A server that answers as scripted, and records every request it sees. */
function fakeServer() {
  const received: PledgeInput[] = [];
  const counted = new Set<string>();
  let down = false;
  let refuse: GraphQLRequestError | null = null;
  return {
    received,
    counted,
    goDown: () => (down = true),
    comeBack: () => (down = false),
    refuseWith: (error: GraphQLRequestError) => (refuse = error),
    async send(input: PledgeInput): Promise<PledgeReceipt> {
      received.push(structuredClone(input));
      if (down) throw new GraphQLRequestError('network', 'Failed to fetch');
      if (refuse) throw refuse;
      counted.add(input.clientKey);
      return { id: String(counted.size), clientKey: input.clientKey, total: 1, createdAt: new Date().toISOString() };
    },
  };
}

/** Timers run by hand, so no test waits on the clock. */
function manualTimers() {
  const tasks: { task: () => void; ms: number }[] = [];
  return {
    tasks,
    schedule: (task: () => void, ms: number) => {
      const entry = { task, ms };
      tasks.push(entry);
      return () => tasks.splice(tasks.indexOf(entry), 1);
    },
    runNext() {
      const next = tasks.shift();
      next?.task();
      return next;
    },
  };
}

const draft = { event: 'human-rights-day-2026', faculty: null, lines: [{ case: 'zhang-zhan', appealLetters: 2, solidarityCards: 1 }] };

function makeQueue(overrides: Partial<PledgeQueueOptions> & Pick<PledgeQueueOptions, 'send'>) {
  let n = 0;
  return new PledgeQueue({
    storage: memoryStorage(),
    newKey: () => `00000000-0000-4000-8000-00000000000${++n}`,
    random: () => 1,
    ...overrides,
  });
}

describe(PledgeQueue.name, () => {
  it('sends, with every try, the time the pledge was made, so that one kept offline past the event still counts', async () => {
    const server = fakeServer();
    server.goDown();
    const storage = memoryStorage();
    let clock = new Date('2026-12-10T19:45:00Z');
    const sut = makeQueue({ send: server.send, storage, now: () => clock, schedule: manualTimers().schedule });

    await sut.submit(draft);
    clock = new Date('2026-12-11T08:00:00Z');
    server.comeBack();
    await new PledgeQueue({ storage, send: server.send, newKey: () => 'unused', now: () => clock }).flush();

    expect(server.received.map((input) => input.madeAt)).toEqual(['2026-12-10T19:45:00.000Z', '2026-12-10T19:45:00.000Z']);
    expect(new Set(server.received.map((input) => input.clientKey)).size).toBe(1);
  });

  it('sends a pledge again without its time when the server is one that does not know madeAt, and keeps it until that server has it', async () => {
    // An older server (a rollback, or a process of the last version during a deploy) refuses
    // the variable as graphql-js does for a field its input type lacks.
    const received: PledgeInput[] = [];
    const olderServer = async (input: PledgeInput): Promise<PledgeReceipt> => {
      received.push(structuredClone(input));
      if ('madeAt' in input) {
        throw new GraphQLRequestError(
          'rejected',
          `Variable "$input" got invalid value ${JSON.stringify(input)}; Field "madeAt" is not defined by type "PledgeInput".`,
          'BAD_USER_INPUT',
        );
      }
      return { id: '1', clientKey: input.clientKey, total: 1, createdAt: new Date().toISOString() };
    };
    let down = true;
    const storage = memoryStorage();
    const send = (input: PledgeInput) => (down ? Promise.reject(new GraphQLRequestError('network', 'Failed to fetch')) : olderServer(input));
    const sut = makeQueue({ send, storage, schedule: manualTimers().schedule });

    expect((await sut.submit(draft)).status).toBe('queued');
    down = false;
    const outcomes: string[] = [];
    await new PledgeQueue({ storage, send, newKey: () => 'unused', onSettled: (outcome) => outcomes.push(outcome.status) }).flush();

    expect(outcomes).toEqual(['sent']);
    expect(received.map((input) => 'madeAt' in input)).toEqual([true, false]);
    expect(new Set(received.map((input) => input.clientKey)).size).toBe(1);
    expect(JSON.parse(storage.items.get(STORAGE_KEY)!)).toEqual([]);
  });

  it('sends a new pledge again without its time when the server refuses the field by validation', async () => {
    const received: PledgeInput[] = [];
    const send = async (input: PledgeInput): Promise<PledgeReceipt> => {
      received.push(structuredClone(input));
      if ('madeAt' in input) throw new GraphQLRequestError('rejected', 'Field "madeAt" is not defined by type "PledgeInput".', 'GRAPHQL_VALIDATION_FAILED');
      return { id: '1', clientKey: input.clientKey, total: 1, createdAt: new Date().toISOString() };
    };
    const sut = makeQueue({ send });

    expect((await sut.submit(draft)).status).toBe('sent');
    expect(received.map((input) => 'madeAt' in input)).toEqual([true, false]);
    expect(sut.pending).toEqual([]);
  });

  it('drops a pledge the server refuses for another reason, naming no madeAt', async () => {
    const server = fakeServer();
    server.refuseWith(new GraphQLRequestError('rejected', 'No such event.', 'BAD_USER_INPUT', [{ field: 'input.event', message: 'No such event.' }]));
    const sut = makeQueue({ send: server.send });

    expect((await sut.submit(draft)).status).toBe('rejected');
    expect(server.received).toHaveLength(1);
    expect(sut.pending).toEqual([]);
  });

  it('sends a pledge at once and keeps nothing when the server has it', async () => {
    const server = fakeServer();
    const storage = memoryStorage();
    const sut = makeQueue({ send: server.send, storage });

    const outcome = await sut.submit(draft);

    expect(outcome.status).toBe('sent');
    expect(server.received).toHaveLength(1);
    expect(sut.pending).toEqual([]);
    expect(JSON.parse(storage.items.get(STORAGE_KEY)!)).toEqual([]);
  });

  it('keeps a pledge that could not be sent, through a reload, and sends it with the same key', async () => {
    const server = fakeServer();
    const storage = memoryStorage();
    const timers = manualTimers();
    server.goDown();
    const firstVisit = makeQueue({ send: server.send, storage, schedule: timers.schedule });

    const outcome = await firstVisit.submit(draft);
    expect(outcome.status).toBe('queued');
    expect(firstVisit.pending).toHaveLength(1);
    expect(timers.tasks).toHaveLength(1);
    const key = outcome.input.clientKey;

    // The page is reloaded: a new queue reads the same storage.
    firstVisit.dispose();
    const secondVisit = makeQueue({ send: server.send, storage, schedule: timers.schedule });
    expect(secondVisit.pending.map((entry) => entry.input.clientKey)).toEqual([key]);

    await secondVisit.flush();
    expect(secondVisit.pending).toHaveLength(1);

    server.comeBack();
    await secondVisit.retryNow();

    expect(secondVisit.pending).toEqual([]);
    expect(server.counted).toEqual(new Set([key]));
    // Every attempt carried the key made on first submit.
    expect(new Set(server.received.map((input) => input.clientKey))).toEqual(new Set([key]));
    expect(server.received.length).toBeGreaterThanOrEqual(3);
  });

  it('retries on its timer with growing waits, and stops once sent', async () => {
    const server = fakeServer();
    const timers = manualTimers();
    const settled: string[] = [];
    server.goDown();
    const sut = makeQueue({ send: server.send, schedule: timers.schedule, onSettled: (outcome) => settled.push(outcome.status) });

    await sut.submit(draft);
    const waits = [timers.tasks[0]!.ms];
    for (let i = 0; i < 3; i++) {
      timers.runNext();
      await sut.flush();
      waits.push(timers.tasks[0]!.ms);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000]);

    server.comeBack();
    timers.runNext();
    await sut.flush();
    expect(sut.pending).toEqual([]);
    expect(timers.tasks).toHaveLength(0);
    expect(settled.at(-1)).toBe('sent');
  });

  it('drops a pledge the server refuses and reports the field issues', async () => {
    const server = fakeServer();
    server.refuseWith(
      new GraphQLRequestError('rejected', 'At most 100 appeal letters per person in one pledge.', 'BAD_USER_INPUT', [
        { field: 'input.lines.0.appealLetters', message: 'At most 100 appeal letters per person in one pledge.' },
      ]),
    );
    const timers = manualTimers();
    const sut = makeQueue({ send: server.send, schedule: timers.schedule });

    const outcome = await sut.submit(draft);

    expect(outcome.status).toBe('rejected');
    expect(outcome.status === 'rejected' && outcome.error.issues[0]!.field).toBe('input.lines.0.appealLetters');
    expect(sut.pending).toEqual([]);
    expect(timers.tasks).toHaveLength(0);
  });

  it('treats an overloaded server like a lost connection: keeps the pledge', async () => {
    const server = fakeServer();
    server.refuseWith(new GraphQLRequestError('unavailable', 'Try again', 'SERVICE_UNAVAILABLE'));
    const sut = makeQueue({ send: server.send, schedule: manualTimers().schedule });

    expect((await sut.submit(draft)).status).toBe('queued');
    expect(sut.pending).toHaveLength(1);
  });

  it('does not send the same pledge twice at once when a flush starts during a submit', async () => {
    let release!: () => void;
    const sends: string[] = [];
    const sut = makeQueue({
      schedule: manualTimers().schedule,
      send: async (input) => {
        sends.push(input.clientKey);
        await new Promise<void>((resolve) => (release = resolve));
        return { id: '1', clientKey: input.clientKey, total: 3, createdAt: '' };
      },
    });

    const submitted = sut.submit(draft);
    const flushed = sut.flush();
    release();
    await Promise.all([submitted, flushed]);

    expect(sends).toHaveLength(1);
  });

  it('ignores storage it cannot read and works without storage', async () => {
    const storage = memoryStorage();
    storage.items.set(STORAGE_KEY, '{not json');
    const server = fakeServer();
    expect(makeQueue({ send: server.send, storage }).pending).toEqual([]);
    expect((await makeQueue({ send: server.send, storage: null }).submit(draft)).status).toBe('sent');
  });
});

describe(retryDelay.name, () => {
  it('doubles from one second up to thirty, shortened by at most half', () => {
    expect([1, 2, 3, 6, 20].map((failures) => retryDelay(failures, 1))).toEqual([1000, 2000, 4000, 30000, 30000]);
    expect(retryDelay(1, 0)).toBe(500);
  });
});

describe(newClientKey.name, () => {
  it('makes version 4 UUIDs that differ', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newClientKey()));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
