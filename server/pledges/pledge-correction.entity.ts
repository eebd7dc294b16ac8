import { GraphQLDateTime } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ApiToken } from '../auth/api-token.entity.js';
import { Pledge } from './pledge.entity.js';

export enum PledgeCorrectionAction {
  VOID = 'void',
  RESTORE = 'restore',
}
registerEnumType(PledgeCorrectionAction, {
  name: 'PledgeCorrectionAction',
  description: 'What an organiser did to a pledge.',
  valuesConfig: {
    VOID: { description: 'The pledge was taken out of every total.' },
    RESTORE: { description: 'A voided pledge was counted again.' },
  },
});

/** The audit trail of voided and restored pledges: who (the token), why and when. Never deleted. */
@ObjectType({ description: 'An organiser voided or restored a pledge.' })
@Entity({ name: 'pledge_correction' })
@Index('pledge_correction_pledge_id_idx', ['pledgeId'])
export class PledgeCorrection {
  @PrimaryGeneratedColumn({ type: 'integer', primaryKeyConstraintName: 'pledge_correction_pkey' })
  id!: number;

  @ManyToOne(() => Pledge, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pledge_id', foreignKeyConstraintName: 'pledge_correction_pledge_id_fkey' })
  pledge?: Relation<Pledge>;

  @Column({ name: 'pledge_id', type: 'bigint' })
  pledgeId!: string;

  @Field(() => PledgeCorrectionAction, { description: 'Whether the pledge was voided or restored.' })
  @Column({ type: 'text' })
  action!: PledgeCorrectionAction;

  @Field(() => String, { description: 'Why, as the organiser wrote it.' })
  @Column({ type: 'text' })
  reason!: string;

  @ManyToOne(() => ApiToken, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'token_id', foreignKeyConstraintName: 'pledge_correction_token_id_fkey' })
  token?: Relation<ApiToken> | null;

  @Field(() => Int, { nullable: true, description: 'The id of the organiser token that made the change (see apiTokens).' })
  @Column({ name: 'token_id', type: 'integer', nullable: true })
  tokenId!: number | null;

  @Field(() => GraphQLDateTime, { description: 'When.' })
  @CreateDateColumn({ name: 'corrected_at', type: 'timestamptz' })
  correctedAt!: Date;
}
