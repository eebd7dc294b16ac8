import { GraphQLDateTime } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { KitOrder } from './kit-order.entity.js';

export enum EmailKind {
  CONFIRMATION = 'confirmation',
  SHIPPED = 'shipped',
  READY_FOR_PICKUP = 'ready_for_pickup',
}
registerEnumType(EmailKind, {
  name: 'EmailKind',
  description: 'Which email about a kit order.',
  valuesConfig: {
    CONFIRMATION: { description: 'Sent after the order: what was ordered and how it comes.' },
    SHIPPED: { description: 'Sent when a postal order is shipped.' },
    READY_FOR_PICKUP: { description: 'Sent when a pickup order is ready at its pickup point.' },
  },
});

export enum EmailStatus {
  QUEUED = 'queued',
  SENDING = 'sending',
  SENT = 'sent',
  FAILED = 'failed',
  CANCELLED = 'cancelled',
}
registerEnumType(EmailStatus, {
  name: 'EmailStatus',
  description: 'Where an email about a kit order is.',
  valuesConfig: {
    QUEUED: { description: 'Waiting to be sent, or to be tried again after a failure.' },
    SENDING: { description: 'A server process is sending it now.' },
    SENT: { description: 'The mail server accepted it.' },
    FAILED: { description: 'Given up after every retry, or refused for good by the mail server.' },
    CANCELLED: { description: "Not sent: the person's contact data was erased first." },
  },
});

/**
 * One email to a student about their kit order, queued in the database with the order so that
 * sending never holds up or fails the order. The address and the text are personal data: they
 * are erased with the order's contact data.
 */
@ObjectType('KitOrderEmail', { description: 'An email about a kit order: what was sent, or why not. Organisers only.' })
@Entity({ name: 'email_outbox' })
@Index('email_outbox_status_next_attempt_at_idx', ['status', 'nextAttemptAt'])
export class KitOrderEmail {
  @PrimaryGeneratedColumn({ type: 'integer', primaryKeyConstraintName: 'email_outbox_pkey' })
  id!: number;

  @ManyToOne(() => KitOrder, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'kit_order_id', foreignKeyConstraintName: 'email_outbox_kit_order_id_fkey' })
  kitOrder?: Relation<KitOrder>;

  @Index('email_outbox_kit_order_id_idx')
  @Column({ name: 'kit_order_id', type: 'integer' })
  kitOrderId!: number;

  @Field(() => EmailKind, { description: 'Which email.' })
  @Column({ type: 'text' })
  kind!: EmailKind;

  @Field(() => String, { description: 'en, nl or fr: the language of the form the student used.' })
  @Column({ type: 'text' })
  locale!: string;

  @Column({ type: 'text', nullable: true })
  recipient!: string | null;

  @Column({ type: 'text', nullable: true })
  subject!: string | null;

  @Column({ type: 'text', nullable: true })
  body!: string | null;

  @Field(() => EmailStatus, { description: 'Where the email is.' })
  @Column({ type: 'text', default: EmailStatus.QUEUED })
  status!: EmailStatus;

  @Field(() => Int, { description: 'Tries so far.' })
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Field(() => GraphQLDateTime, { description: 'When it is (or was) due to be tried next.' })
  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  /** A sender's claim: until then no other process takes the row. */
  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true })
  claimedUntil!: Date | null;

  @Field(() => String, { nullable: true, description: "The mail server's answer to the last failed try: a code, never an address." })
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the mail server accepted it; null until then.' })
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Field(() => GraphQLDateTime, { description: 'When the email was queued.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
