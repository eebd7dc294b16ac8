import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Faculty } from '../faculties/faculty.entity.js';
import { Role } from '../common/viewer.js';

/** An API token. Only its SHA-256 is stored: the token itself is shown once, at creation. */
@ObjectType({ description: 'An API token, without its secret.' })
@Entity({ name: 'api_token' })
export class ApiToken {
  @Field(() => ID, { description: 'The token\'s id, as `revokeApiToken` and `npm run token -- revoke` take it.' })
  @PrimaryGeneratedColumn({ type: 'integer', primaryKeyConstraintName: 'api_token_pkey' })
  id!: number;

  @Field(() => String, { description: 'Who or what the token is for, e.g. "Faculty of Engineering dashboard".' })
  @Column({ type: 'text' })
  name!: string;

  @Field(() => Role, { description: 'What the token may do.' })
  @Column({ type: 'text' })
  role!: Role;

  @ManyToOne(() => Faculty, { nullable: true })
  @JoinColumn({ name: 'faculty_id', foreignKeyConstraintName: 'api_token_faculty_id_fkey' })
  faculty?: Relation<Faculty> | null;

  @Column({ name: 'faculty_id', type: 'integer', nullable: true })
  facultyId!: number | null;

  @Index('api_token_token_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Field(() => String, { description: 'The first characters of the token, to tell tokens apart.' })
  @Column({ type: 'text' })
  prefix!: string;

  @Field(() => GraphQLDateTime, { description: 'When the token was made.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When a request last used the token (to within a minute).' })
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the token was revoked; it has not worked since.' })
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the token stops working; none: it works until revoked.' })
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;
}
