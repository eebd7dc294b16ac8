import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One edition of the marathon, e.g. "Write for Rights 2026". At most one is current. */
@ObjectType({ description: 'One edition of the writing marathon.' })
@Entity({ name: 'campaign' })
@Index('campaign_one_current', ['current'], { unique: true, where: 'is_current' })
export class Campaign {
  @PrimaryGeneratedColumn({ type: 'integer', primaryKeyConstraintName: 'campaign_pkey' })
  id!: number;

  @Field(() => String, { description: 'The public identifier, e.g. "write-for-rights-2026".' })
  @Index('campaign_slug_key', { unique: true })
  @Column({ type: 'text' })
  slug!: string;

  @Field(() => String, { description: 'The name shown, e.g. "Write for Rights 2026".' })
  @Column({ type: 'text' })
  title!: string;

  @Field(() => Boolean, { description: 'The campaign used when a request names none.' })
  @Column({ name: 'is_current', type: 'boolean', default: false })
  current!: boolean;

  @Field(() => Int, { nullable: true, description: 'Appeal letters and solidarity cards the campaign hopes for.' })
  @Column({ name: 'letter_goal', type: 'integer', nullable: true })
  letterGoal!: number | null;

  @Field(() => String, { nullable: true, description: 'First day, as YYYY-MM-DD.' })
  @Column({ name: 'starts_on', type: 'date', nullable: true })
  startsOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Last day, as YYYY-MM-DD.' })
  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
