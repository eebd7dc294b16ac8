import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity.js';
import { totalOf } from '../common/counts.js';
import { Case } from '../cases/case.entity.js';
import { Event } from '../events/event.entity.js';
import { Faculty } from '../faculties/faculty.entity.js';

/**
 * One submission from the pledge form. It carries no personal data. Pledges are written only by
 * the `record_pledges` SQL function (server/database/functions/), never through these entities, so that
 * a pledge and its tallies are one statement.
 */
@ObjectType({ description: 'One submission from the pledge form.' })
@Entity({ name: 'pledge' })
@Index('pledge_campaign_id_created_at_idx', ['campaignId', 'createdAt'])
export class Pledge {
  @Field(() => ID, { description: "The pledge's id; opaque." })
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'pledge_pkey' })
  id!: string;

  @Field(() => String, { description: 'The UUID made on the device; the same key is the same pledge.' })
  @Index('pledge_client_key_key', { unique: true })
  @Column({ name: 'client_key', type: 'uuid' })
  clientKey!: string;

  @ManyToOne(() => Campaign, { nullable: false })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'pledge_campaign_id_fkey' })
  campaign?: Relation<Campaign>;

  @Column({ name: 'campaign_id', type: 'integer' })
  campaignId!: number;

  @ManyToOne(() => Event, { nullable: true })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'pledge_event_id_fkey' })
  event?: Relation<Event> | null;

  @Column({ name: 'event_id', type: 'integer', nullable: true })
  eventId!: number | null;

  @ManyToOne(() => Faculty, { nullable: true })
  @JoinColumn({ name: 'faculty_id', foreignKeyConstraintName: 'pledge_faculty_id_fkey' })
  faculty?: Relation<Faculty> | null;

  @Column({ name: 'faculty_id', type: 'integer', nullable: true })
  facultyId!: number | null;

  /** What the pledge said, so that a replayed key with other content can be refused. */
  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Field(() => Int, { description: 'Appeal letters in the pledge, over all its cases.' })
  @Column({ name: 'appeal_letters', type: 'integer' })
  appealLetters!: number;

  @Field(() => Int, { description: 'Solidarity cards in the pledge, over all its cases.' })
  @Column({ name: 'solidarity_cards', type: 'integer' })
  solidarityCards!: number;

  @Field(() => GraphQLDateTime, { description: 'When the pledge was first recorded.' })
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** Set while an organiser has taken the pledge out of every total (see pledge_correction). */
  @Column({ name: 'voided_at', type: 'timestamptz', nullable: true })
  voidedAt!: Date | null;

  @Field(() => Int, { description: 'Appeal letters plus solidarity cards.' })
  get total(): number {
    return totalOf(this);
  }
}

/** What one pledge promised for one case. */
@Entity({ name: 'pledge_line' })
@Index('pledge_line_case_id_idx', ['caseId'])
export class PledgeLine {
  @ManyToOne(() => Pledge, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pledge_id', foreignKeyConstraintName: 'pledge_line_pledge_id_fkey' })
  pledge?: Relation<Pledge>;

  @PrimaryColumn({ name: 'pledge_id', type: 'bigint', primaryKeyConstraintName: 'pledge_line_pkey' })
  pledgeId!: string;

  @ManyToOne(() => Case, { nullable: false })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'pledge_line_case_id_fkey' })
  case?: Relation<Case>;

  @PrimaryColumn({ name: 'case_id', type: 'integer', primaryKeyConstraintName: 'pledge_line_pkey' })
  caseId!: number;

  @Column({ name: 'appeal_letters', type: 'integer' })
  appealLetters!: number;

  @Column({ name: 'solidarity_cards', type: 'integer' })
  solidarityCards!: number;
}
