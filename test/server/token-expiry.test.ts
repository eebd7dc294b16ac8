import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/common/viewer.js';
import { CreateApiTokenDocument, GetViewerRoleDocument, ListApiTokensDocument } from '../support/generated/tokens.js';
import { bearer } from '../support/graphql.js';
import { startServer, type TestServer } from '../support/server.js';
import { createTokens } from '../support/tokens.js';

describe('token expiry', () => {
  let sut: TestServer;
  let organiser: Record<string, string>;
  beforeAll(async () => {
    sut = await startServer();
    organiser = (await createTokens(sut)).organiser;
  });
  afterAll(() => sut?.stop());

  const create = (expiresAt: string | null) =>
    sut.gql(
      CreateApiTokenDocument,
      { input: { name: 'Expiring dashboard', role: 'PARTNER', faculty: 'engineering', expiresAt } },
      organiser,
    );

  it('makes a token that works until its expiry, and answers it UNAUTHENTICATED with a sentence afterwards', async () => {
    const soon = new Date(Date.now() + 60 * 60_000).toISOString();
    const { data, errors } = await create(soon);
    expect(errors).toBeUndefined();
    expect(data!.createApiToken.apiToken.expiresAt).toBe(soon);
    const partner = bearer(data!.createApiToken.token);
    expect((await sut.gql(GetViewerRoleDocument, {}, partner)).data!.viewer.role).toBe('PARTNER');
    // The clock moves on: an hour later the token has expired.
    await sut.sql(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1`, [data!.createApiToken.apiToken.id]);
    const after = await sut.gql(GetViewerRoleDocument, {}, partner);
    expect(after.status).toBe(401);
    expect(after.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(after.errors![0]!.message).toMatch(/expired on \d{4}-\d{2}-\d{2}/);
    const tokens = (await sut.gql(ListApiTokensDocument, {}, organiser)).data!.apiTokens;
    expect(tokens.find((token) => token.id === data!.createApiToken.apiToken.id)!.lastUsedAt).not.toBeNull();
  });

  it('refuses an expiry in the past with BAD_USER_INPUT on expiresAt, and stores nothing', async () => {
    const before = (await sut.sql('SELECT count(*)::int AS n FROM api_token'))[0]!.n;
    const { errors } = await create('2020-01-01T00:00:00Z');
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresAt' });
    expect((await sut.sql('SELECT count(*)::int AS n FROM api_token'))[0]!.n).toBe(before);
  });

  it('keeps tokens without an expiry working', async () => {
    const { token } = await sut.app.services.tokens.create({ name: 'Forever', role: Role.PARTNER, faculty: 'engineering' });
    expect((await sut.gql(GetViewerRoleDocument, {}, bearer(token))).data!.viewer.role).toBe('PARTNER');
  });
});
