import { describe, expect, it } from 'vitest';
import { GetCaseDocument as GET_CASE } from '../../dashboard/graphql/generated/cases';
import { LoadKitFormDocument as LOAD_KIT_FORM } from '../../dashboard/graphql/generated/kit';
import { GetTotalsDocument as GET_TOTALS, LoadPledgeFormDocument as LOAD_PLEDGE_FORM, SubmitPledgeDocument as SUBMIT_PLEDGE } from '../../dashboard/graphql/generated/pledge';
import { operationBody } from '../../dashboard/graphql/request';
import { handledOperation, offlineReadKey, pledgeBodyWithoutMadeAt, pledgeClientKey, readLanguage, replayOutcome } from '../../dashboard/sw/offlineRules';
import { rawDocument } from '../support/graphql';

const origin = 'https://marathon.example.org';

describe('offlineReadKey', () => {
  it('keys a student page’s read by operation, query and variables, whatever the order of the variables', async () => {
    const one = await offlineReadKey(origin, JSON.stringify({ operationName: 'LoadKitForm', query: LOAD_KIT_FORM.toString(), variables: { locale: 'nl', extra: 1 } }), 'en');
    const same = await offlineReadKey(origin, JSON.stringify({ variables: { extra: 1, locale: 'nl' }, query: LOAD_KIT_FORM.toString(), operationName: 'LoadKitForm' }), 'en');
    const otherLocale = await offlineReadKey(origin, operationBody(LOAD_KIT_FORM, { locale: 'fr' }), 'en');
    expect(one).toBe(same);
    expect(otherLocale).not.toBe(one);
    const url = new URL(one!);
    expect(url.origin).toBe(origin);
    expect(url.searchParams.get('operation')).toBe('LoadKitForm');
  });

  it('keeps each language apart: the same read in Dutch is another copy than in English', async () => {
    const body = operationBody(GET_CASE, { slug: 'zhang-zhan' });
    const english = await offlineReadKey(origin, body, 'en');
    const dutch = await offlineReadKey(origin, body, 'nl');
    expect(dutch).not.toBe(english);
    expect(new URL(dutch!).searchParams.get('language')).toBe('nl');
  });

  it('reads the language from Accept-Language as the server does: the first of en, nl, fr, else English', () => {
    expect(readLanguage('nl')).toBe('nl');
    expect(readLanguage('fr-BE,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(readLanguage('de-DE, nl;q=0.5')).toBe('nl');
    expect(readLanguage('de')).toBe('en');
    expect(readLanguage(null)).toBe('en');
  });

  it('keeps only the exact reads this build sends: a changed query is not one of them', async () => {
    expect(await offlineReadKey(origin, operationBody(GET_CASE, { slug: 'zhang-zhan' }), 'en')).not.toBeNull();
    const changed = GET_CASE.toString().replace(/\n\s*about\n/, '\n');
    expect(changed).not.toBe(GET_CASE.toString());
    expect(await offlineReadKey(origin, JSON.stringify({ operationName: 'GetCase', query: changed, variables: { slug: 'zhang-zhan' } }), 'en')).toBeNull();
  });

  it('keeps nothing else: totals, mutations, unnamed operations, bodies that are not JSON', async () => {
    expect(await offlineReadKey(origin, operationBody(GET_TOTALS, { event: null }), 'en')).toBeNull();
    expect(await offlineReadKey(origin, operationBody(SUBMIT_PLEDGE, { input: {} }), 'en')).toBeNull();
    expect(await offlineReadKey(origin, JSON.stringify({ query: LOAD_PLEDGE_FORM.toString() }), 'en')).toBeNull();
    // A name on the list in front of another operation's text is not that read.
    expect(await offlineReadKey(origin, JSON.stringify({ operationName: 'LoadPledgeForm', query: rawDocument('{ totals { total } }') }), 'en')).toBeNull();
    expect(await offlineReadKey(origin, 'not json', 'en')).toBeNull();
    expect(await offlineReadKey(origin, 'null', 'en')).toBeNull();
  });
});

describe('handledOperation', () => {
  const request = (headers: Record<string, string>) => ({ headers: new Headers(headers) });

  it('takes the student pages’ reads and pledges, and nothing sent with a token', () => {
    expect(handledOperation(request({ 'x-apollo-operation-name': 'LoadPledgeForm' }))).toBe('read');
    expect(handledOperation(request({ 'x-apollo-operation-name': 'GetCase' }))).toBe('read');
    expect(handledOperation(request({ 'x-apollo-operation-name': 'SubmitPledge' }))).toBe('pledge');
    expect(handledOperation(request({ 'x-apollo-operation-name': 'GetTotals' }))).toBeNull();
    expect(handledOperation(request({ 'x-apollo-operation-name': 'GetLiveTotals' }))).toBeNull();
    expect(handledOperation(request({}))).toBeNull();
    // Organisers' requests are never touched: a queued copy would keep their token on the device.
    expect(handledOperation(request({ 'x-apollo-operation-name': 'SubmitPledge', authorization: 'Bearer wm_x' }))).toBeNull();
    expect(handledOperation(request({ 'x-apollo-operation-name': 'LoadPledgeForm', authorization: 'Bearer wm_x' }))).toBeNull();
  });
});

describe('pledgeClientKey', () => {
  it('reads the key of a SubmitPledge body, and nothing from anything else', () => {
    const body = operationBody(SUBMIT_PLEDGE, { input: { clientKey: '0b7f3a57-7d2b-4c3f-9a59-4d1e8c2f6a10', lines: [] } });
    expect(pledgeClientKey(body)).toBe('0b7f3a57-7d2b-4c3f-9a59-4d1e8c2f6a10');
    expect(pledgeClientKey(operationBody(LOAD_PLEDGE_FORM))).toBeNull();
    expect(pledgeClientKey(operationBody(SUBMIT_PLEDGE, { input: { clientKey: 42 } }))).toBeNull();
    expect(pledgeClientKey('{')).toBeNull();
  });
});

describe('a replayed pledge and a server that does not know madeAt', () => {
  it('is sent again, same key, without madeAt', () => {
    const older = { errors: [{ message: 'Variable "$input" got invalid value { clientKey: "k", madeAt: "2026-12-10T19:45:00.000Z" }; Field "madeAt" is not defined by type "PledgeInput".', extensions: { code: 'BAD_USER_INPUT' } }] };
    expect(replayOutcome(200, older)).toBe('older-server');
    expect(replayOutcome(400, { errors: [{ message: 'Field "madeAt" is not defined by type "PledgeInput".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] })).toBe('older-server');
    const body = JSON.stringify({ operationName: 'SubmitPledge', query: 'mutation SubmitPledge', variables: { input: { clientKey: 'k', lines: [], madeAt: '2026-12-10T19:45:00.000Z' } } });
    expect(JSON.parse(pledgeBodyWithoutMadeAt(body)!)).toEqual({ operationName: 'SubmitPledge', query: 'mutation SubmitPledge', variables: { input: { clientKey: 'k', lines: [] } } });
    expect(pledgeBodyWithoutMadeAt(JSON.stringify({ operationName: 'SubmitPledge', variables: { input: { clientKey: 'k' } } }))).toBeNull();
  });
});

describe('replayOutcome', () => {
  const receipt = { data: { submitPledge: { id: '1', clientKey: 'k', total: 1, createdAt: '2026-12-10T18:00:00Z' } } };

  it('is done with a pledge the server recorded or refused, and keeps one it may record later', () => {
    expect(replayOutcome(200, receipt)).toBe('delivered');
    expect(replayOutcome(200, { errors: [{ message: 'no', extensions: { code: 'BAD_USER_INPUT' } }] })).toBe('refused');
    expect(replayOutcome(200, { errors: [{ message: 'used', extensions: { code: 'IDEMPOTENCY_KEY_REUSED' } }] })).toBe('refused');
    expect(replayOutcome(429, { errors: [{ message: 'slow down', extensions: { code: 'RATE_LIMITED' } }] })).toBe('retry');
    expect(replayOutcome(503, { errors: [{ message: 'later', extensions: { code: 'SERVICE_UNAVAILABLE' } }] })).toBe('retry');
    expect(replayOutcome(502, null)).toBe('retry');
  });
});
