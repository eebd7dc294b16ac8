import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ApiToken } from '../auth/api-token.entity.js';
import { KitOrder, KitOrderStatus } from './kit-order.entity.js';

/** One step in a kit order's fulfilment, with the organiser's note. */
@ObjectType({ description: "One step in a kit order's fulfilment." })
@Entity({ name: 'kit_order_status_change' })
@Index('kit_order_status_change_kit_order_id_idx', ['kitOrderId'])
export class KitOrderStatusChange {
  @PrimaryGeneratedColumn({ type: 'integer', primaryKeyConstraintName: 'kit_order_status_change_pkey' })
  id!: number;

  @ManyToOne(() => KitOrder, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'kit_order_id', foreignKeyConstraintName: 'kit_order_status_change_kit_order_id_fkey' })
  kitOrder?: Relation<KitOrder>;

  @Column({ name: 'kit_order_id', type: 'integer' })
  kitOrderId!: number;

  @Field(() => KitOrderStatus, { description: 'The status before.' })
  @Column({ name: 'from_status', type: 'text' })
  fromStatus!: KitOrderStatus;

  @Field(() => KitOrderStatus, { description: 'The status after.' })
  @Column({ name: 'to_status', type: 'text' })
  toStatus!: KitOrderStatus;

  @Field(() => String, { nullable: true, description: 'What the organiser noted with the change, if anything.' })
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @ManyToOne(() => ApiToken, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'token_id', foreignKeyConstraintName: 'kit_order_status_change_token_id_fkey' })
  token?: Relation<ApiToken> | null;

  @Column({ name: 'token_id', type: 'integer', nullable: true })
  tokenId!: number | null;

  @Field(() => GraphQLDateTime, { description: 'When the status changed.' })
  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}
