import { registerEnumType } from 'type-graphql';

/** Who is asking. Public needs no token; partners are bound to one faculty. */
export enum Role {
  PUBLIC = 'public',
  PARTNER = 'partner',
  ORGANISER = 'organiser',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'What a token may do.',
  valuesConfig: {
    PUBLIC: { description: 'No token: the pledge form, kit orders and public totals.' },
    PARTNER: { description: "A partner faculty's token: aggregates only, never personal data." },
    ORGANISER: { description: 'Runs the marathon: everything, including kit-order contacts.' },
  },
});

export type Viewer = Readonly<{
  role: Role;
  /** The token used, for revocation and attribution of changes. */
  tokenId: number | null;
  /** A partner's own faculty. */
  facultyId: number | null;
}>;

export const publicViewer: Viewer = Object.freeze({ role: Role.PUBLIC, tokenId: null, facultyId: null });

/** Who may call what: organisers may do everything partners may. */
export const PARTNERS = [Role.PARTNER, Role.ORGANISER];
export const ORGANISERS = [Role.ORGANISER];
