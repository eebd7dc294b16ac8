import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A faculty of the university, for attribution and the faculty leaderboard. */
@ObjectType({ description: 'A faculty of the university.' })
@Entity({ name: 'faculty' })
export class Faculty {
  @PrimaryGeneratedColumn({ type: 'integer', primaryKeyConstraintName: 'faculty_pkey' })
  id!: number;

  @Field(() => String, { description: 'The public identifier, e.g. "engineering".' })
  @Index('faculty_slug_key', { unique: true })
  @Column({ type: 'text' })
  slug!: string;

  @Field(() => String, { description: 'The name shown, e.g. "Engineering".' })
  @Column({ type: 'text' })
  name!: string;

  /** Partner faculties get a token to query aggregates. */
  @Column({ name: 'is_partner', type: 'boolean', default: false })
  partner!: boolean;
}
