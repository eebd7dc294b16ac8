import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventCode, eventIdFromCode } from '../../server/events/event-code.js';
import { ListEventsDocument, RenameEventDocument } from '../support/generated/catalogue.js';
import { startServer, type TestServer } from '../support/server.js';
import { createTokens } from '../support/tokens.js';

const EVENTS = ListEventsDocument;
const UPDATE_EVENT = RenameEventDocument;

describe('short join addresses (/p/<event code>)', () => {
  let sut: TestServer;
  let origin: string;
  beforeAll(async () => {
    sut = await startServer();
    origin = new URL(sut.url).origin;
  });
  afterAll(() => sut?.stop());

  const open = (path: string) => fetch(`${origin}${path}`, { redirect: 'manual', headers: { accept: 'text/html' } });

  it('gives each event a short code that sends phones to its pledge form', async () => {
    const { data } = await sut.gql(EVENTS);
    const [event] = data!.events as { slug: string; code: string }[];
    expect(event!.code).toMatch(/^[a-z2-9]{4}$/);
    const response = await open(`/p/${event!.code}`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`/pledge?event=${event!.slug}`);
    // Read off a projector and typed on a phone: capitals work too.
    expect((await open(`/p/${event!.code.toUpperCase()}`)).headers.get('location')).toBe(`/pledge?event=${event!.slug}`);
  });

  it('keeps the code when the event’s slug changes, so printed links keep working', async () => {
    const { organiser } = await createTokens(sut);
    const before = (await sut.gql(EVENTS)).data!.events[0] as { slug: string; code: string };
    const renamed = await sut.gql(UPDATE_EVENT, { slug: before.slug, input: { slug: 'hrd-evening' } }, organiser);
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data!.updateEvent).toEqual({ slug: 'hrd-evening', code: before.code });
    expect((await open(`/p/${before.code}`)).headers.get('location')).toBe('/pledge?event=hrd-evening');
  });

  it('answers an unknown code with a page that leads to the pledge form', async () => {
    const response = await open('/p/zzzz');
    expect(response.status).toBe(404);
    const page = await response.text();
    expect(page).toContain('href="/pledge"');
    expect((await open('/p/not*a*code')).status).toBe(404);
    // Codes that would stand for ids beyond the database's integers: no such event, not an error.
    for (const code of ['zzzzzzzz', 'zzzzzzz', 'zzzzzz', '99999999']) expect((await open(`/p/${code}`)).status, code).toBe(404);
    expect(sut.logs.filter((line) => line.level >= 50)).toEqual([]);
  });

  it('draws the QR code of this site’s join addresses and pledge form, and of nothing else', async () => {
    const { data } = await sut.gql(EVENTS);
    const [event] = data!.events as { slug: string; code: string }[];
    const qr = (url: string) => fetch(`${origin}/p/qr.svg?url=${encodeURIComponent(url)}`);
    for (const url of [`${origin}/p/${event!.code}`, `${origin}/pledge`, `${origin}/pledge?event=${event!.slug}`]) {
      const response = await qr(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toContain('image/svg+xml');
      expect(await response.text()).toMatch(/^<svg[^>]*>.*<\/svg>\s*$/s);
    }
    // Not a QR code service: another site, another page of this one, or no address at all.
    for (const url of ['https://example.org/p/abcd', `${origin}/admin`, `${origin}/p/${event!.code}?x=1`, 'not a url', '']) {
      const response = await qr(url);
      expect(response.status, url).toBe(400);
      expect(await response.text()).toContain('join address');
    }
  });

  it('codes are short, distinct and read back to their event', () => {
    const codes = new Set<string>();
    for (const id of [1, 2, 3, 30, 31, 999, 923_520, 923_521, 5_000_000]) {
      const code = eventCode(id);
      expect(eventIdFromCode(code)).toBe(id);
      codes.add(code);
    }
    expect(codes.size).toBe(9);
    expect(eventCode(1)).toHaveLength(4);
    expect(eventIdFromCode('0000')).toBeNull();
  });
});
