import { GraphQLDateTime } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Faculty } from '../faculties/faculty.entity.js';
import { type FacultyService } from '../faculties/faculty.service.js';
import { type Context } from '../common/context.js';
import { notFound } from '../common/errors.js';
import { ORGANISERS, Role } from '../common/viewer.js';
import { ApiToken } from './api-token.entity.js';
import { type SignInCodeService } from './sign-in-code.service.js';
import { type TokenService } from './token.service.js';

@InputType({ description: "A new API token: who it is for, its role, a partner's faculty and an optional expiry." })
export class CreateApiTokenInput {
  @Field(() => String, { description: 'Who or what it is for.' })
  name!: string;

  @Field(() => Role, { description: 'ORGANISER or PARTNER; PUBLIC needs no token.' })
  role!: Role;

  @Field(() => String, { nullable: true, description: 'Faculty slug; required for PARTNER tokens.' })
  faculty?: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the token stops working (in the future); none: it works until revoked.' })
  expiresAt?: Date | null;
}

@ObjectType({ description: 'A token just made: the secret, shown this once, and its record.' })
export class CreatedApiToken {
  @Field(() => String, { description: 'The token itself. It is shown this once and cannot be read again.' })
  token!: string;

  @Field(() => ApiToken, { description: 'The stored record of the token, without its secret.' })
  apiToken!: ApiToken;
}

@ObjectType({ description: 'Who the request acts as.' })
export class ViewerInfo {
  @Field(() => Role, { description: 'What the token (or no token) may do.' })
  role!: Role;

  @Field(() => Faculty, { nullable: true, description: "A partner token's faculty." })
  faculty!: Faculty | null;
}

@Resolver()
export class TokenResolver {
  constructor(
    private readonly tokenService: TokenService,
    private readonly facultyService: FacultyService,
    private readonly signInCodes: SignInCodeService,
  ) {}

  @Query(() => ViewerInfo, { description: 'Who this request acts as: lets a client check its token.' })
  async viewer(@Ctx() { viewer }: Context): Promise<ViewerInfo> {
    return { role: viewer.role, faculty: viewer.facultyId ? await this.facultyService.getById(viewer.facultyId) : null };
  }

  @Mutation(() => CreatedApiToken, {
    description: 'Exchanges the one-time code of the sign-in link printed at the first start for an organiser token. Works once, for 30 minutes.',
  })
  async redeemSignInCode(@Arg('code', () => String, { description: 'The code from the sign-in link.' }) code: string): Promise<CreatedApiToken> {
    const { token, record } = await this.signInCodes.redeem(code);
    return { token, apiToken: record };
  }

  @Authorized(ORGANISERS)
  @Query(() => [ApiToken], { description: 'Organisers: every token, without secrets.' })
  apiTokens(): Promise<ApiToken[]> {
    return this.tokenService.list();
  }

  @Authorized(ORGANISERS)
  @Mutation(() => CreatedApiToken, { description: 'Organisers: creates a token for an organiser or a partner faculty.' })
  async createApiToken(@Arg('input', () => CreateApiTokenInput, { description: "Who the token is for, its role, a partner's faculty and an optional expiry." }) input: CreateApiTokenInput): Promise<CreatedApiToken> {
    const { token, record } = await this.tokenService.create(input);
    return { token, apiToken: record };
  }

  @Authorized(ORGANISERS)
  @Mutation(() => ApiToken, { description: 'Organisers: revokes a token; it stops working at once.' })
  revokeApiToken(@Arg('id', () => ID, { description: 'The id of the token, as apiTokens gives it.' }) id: string): Promise<ApiToken> {
    // Ids are opaque to clients; ours are whole numbers, so anything else names no token.
    if (!/^[1-9]\d{0,8}$/.test(id)) throw notFound(`There is no token ${JSON.stringify(id).slice(0, 40)}.`, 'id');
    return this.tokenService.revoke(Number(id));
  }
}
