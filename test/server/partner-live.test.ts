import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/common/viewer.js';
import { OnFacultyTotalsDocument as ON_FACULTY_TOTALS } from '../support/generated/live.js';
import { watchTotals } from '../support/live.js';
import { pledgeInput, SUBMIT_PLEDGE } from '../support/pledges.js';
import { startServer, type TestServer } from '../support/server.js';

const ARTS = 'arts-philosophy';

describe('totalsUpdated(faculty:)', () => {
  let sut: TestServer;
  let artsToken: string;
  let otherToken: string;
  const watchers: ReturnType<typeof watchTotals>[] = [];
  const watch = (variables: Record<string, string>, token?: string) => {
    const watcher = watchTotals(sut.url, variables, token ? { connectionParams: { token } } : {}, ON_FACULTY_TOTALS);
    watchers.push(watcher);
    return watcher;
  };
  const pledge = (faculty: string, appealLetters = 1) =>
    sut.gql(SUBMIT_PLEDGE, { input: pledgeInput([{ case: 'zhang-zhan', appealLetters, solidarityCards: 0 }], { faculty }) });

  beforeAll(async () => {
    sut = await startServer({ LIVE_TOTALS_INTERVAL_MS: '50' });
    artsToken = (await sut.app.services.tokens.create({ name: 'Arts dashboard', role: Role.PARTNER, faculty: ARTS })).token;
    otherToken = (await sut.app.services.tokens.create({ name: 'Law dashboard', role: Role.PARTNER, faculty: 'law-criminology' })).token;
  });
  afterAll(async () => {
    for (const watcher of watchers) await watcher.close();
    await sut?.stop();
  });

  it("streams a faculty's own totals in full to its partner, and withheld to the public and other partners until it has 5 pledges", async () => {
    const own = watch({ faculty: ARTS }, artsToken);
    const publicView = watch({ faculty: ARTS });
    const other = watch({ faculty: ARTS }, otherToken);
    await Promise.all([own, publicView, other].map((watcher) => watcher.waitFor(() => true)));

    await pledge(ARTS, 3);
    expect(await own.waitFor((totals) => totals.total === 3)).toMatchObject({ withheld: false, pledges: 1 });
    // Covered by other faculties' pledges so that the campaign total does not give Arts away.
    for (let i = 0; i < 5; i++) await pledge('engineering');
    for (let i = 0; i < 6; i++) await pledge('medicine-pharmacy');
    const before = publicView.messages.length;
    await publicView.waitFor(() => true, before - 1);
    for (const watcher of [publicView, other]) {
      expect(watcher.messages.every((message) => message.data!.totalsUpdated.withheld && message.data!.totalsUpdated.total === 0)).toBe(true);
    }

    for (let i = 0; i < 4; i++) await pledge(ARTS);
    expect(await publicView.waitFor((totals) => !totals.withheld)).toMatchObject({ total: 7, pledges: 5 });
    expect(await other.waitFor((totals) => !totals.withheld)).toMatchObject({ total: 7, pledges: 5 });
    expect(await own.waitFor((totals) => totals.total === 7)).toMatchObject({ withheld: false });
  });

  it('answers an unknown faculty with NOT_FOUND on the subscription', async () => {
    const errors = (await watch({ faculty: 'no-such-faculty' }).error()) as { extensions: { code: string } }[];
    expect(errors[0]!.extensions.code).toBe('NOT_FOUND');
  });
});
