import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { requestError } from '../../dashboard/graphql/apollo';

describe('requestError', () => {
  it('tells Apollo’s errors apart as the student pages’ client does: refused, later, or no network', () => {
    const refused = requestError(
      new CombinedGraphQLErrors({
        data: null,
        errors: [{ message: 'The slug is taken.', extensions: { code: 'BAD_USER_INPUT', field: 'input.slug' } }],
      }),
    );
    expect(refused.kind).toBe('rejected');
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect(refused.issues).toEqual([{ field: 'input.slug', message: 'The slug is taken.' }]);

    const revoked = requestError(new CombinedGraphQLErrors({ errors: [{ message: 'Revoked.', extensions: { code: 'UNAUTHENTICATED' } }] }));
    expect([revoked.kind, revoked.code]).toEqual(['rejected', 'UNAUTHENTICATED']);

    const later = requestError(new CombinedGraphQLErrors({ errors: [{ message: 'Later.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }));
    expect([later.kind, later.retryable]).toEqual(['unavailable', true]);

    const proxy = requestError(new ServerError('Bad gateway', { response: new Response('<html>', { status: 502 }), bodyText: '<html>' }));
    expect([proxy.kind, proxy.retryable]).toEqual(['network', true]);

    expect(requestError(new TypeError('Failed to fetch')).kind).toBe('network');
  });
});
