import { type AuthChecker } from 'type-graphql';
import { type Context } from '../common/context.js';
import { forbidden, unauthenticated } from '../common/errors.js';
import { Role } from '../common/viewer.js';

/**
 * `@Authorized(...roles)` on a query, mutation, subscription or field: no token is
 * UNAUTHENTICATED, a token without the role is FORBIDDEN. The message never says what the
 * protected data is.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  const { viewer } = context;
  if (roles.includes(viewer.role)) return true;
  if (viewer.role === Role.PUBLIC) throw unauthenticated('Sign in with a token to see this.');
  throw forbidden('Your token does not allow this.');
};
