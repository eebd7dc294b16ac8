import { GraphQLDateTime } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity.js';

/** A campus writing session with its own live totals. */
@ObjectType({ description: 'A campus writing session.' })
@Entity({ name: 'event' })
export class Event {
  @PrimaryGeneratedColumn({ type: 'integer', primaryKeyConstraintName: 'event_pkey' })
  id!: number;

  @ManyToOne(() => Campaign, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'event_campaign_id_fkey' })
  campaign!: Relation<Campaign>;

  @Index('event_campaign_id_idx')
  @Column({ name: 'campaign_id', type: 'integer' })
  campaignId!: number;

  @Field(() => String, { description: 'The public identifier, e.g. "human-rights-day-2026".' })
  @Index('event_slug_key', { unique: true })
  @Column({ type: 'text' })
  slug!: string;

  @Field(() => String, { description: 'The name shown.' })
  @Column({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Where it takes place, e.g. a building and room.' })
  @Column({ type: 'text', nullable: true })
  location!: string | null;

  @Field(() => GraphQLDateTime, { description: 'When the event begins.' })
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Field(() => GraphQLDateTime, { description: 'When the event ends.' })
  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Field(() => Int, { nullable: true, description: "Appeal letters and solidarity cards this event hopes for; its live screen shows this goal instead of the campaign's." })
  @Column({ name: 'letter_goal', type: 'integer', nullable: true })
  letterGoal!: number | null;
}
