import { Column, Entity, PrimaryColumn } from 'typeorm';

/*
 * Running totals, kept so that reading them costs O(cases), never O(pledges).
 *
 * Each pledge adds to the rows of every scope it belongs to: the whole campaign
 * (event 0, faculty 0), its event, its faculty, and its event and faculty together, so that
 * `totals(campaign, event, faculty)` reads exactly one scope. Every scope is split into
 * shards picked by the pledge's client key (the SQL functions `tally_shards` and `tally_shard`
 * say how many and which), so that concurrent pledges spread over many rows instead of queueing
 * on one hot counter. Event and faculty 0 mean "all".
 */

/** Appeal letters and solidarity cards per case, per scope and shard. */
@Entity({ name: 'case_tally' })
export class CaseTally {
  @PrimaryColumn({ name: 'campaign_id', type: 'integer', primaryKeyConstraintName: 'case_tally_pkey' })
  campaignId!: number;

  @PrimaryColumn({ name: 'event_id', type: 'integer', primaryKeyConstraintName: 'case_tally_pkey' })
  eventId!: number;

  @PrimaryColumn({ name: 'faculty_id', type: 'integer', primaryKeyConstraintName: 'case_tally_pkey' })
  facultyId!: number;

  @PrimaryColumn({ name: 'case_id', type: 'integer', primaryKeyConstraintName: 'case_tally_pkey' })
  caseId!: number;

  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'case_tally_pkey' })
  shard!: number;

  @Column({ name: 'appeal_letters', type: 'bigint', default: 0 })
  appealLetters!: string;

  @Column({ name: 'solidarity_cards', type: 'bigint', default: 0 })
  solidarityCards!: string;
}

/** Pledges per scope and shard, and when the scope last changed. */
@Entity({ name: 'scope_tally' })
export class ScopeTally {
  @PrimaryColumn({ name: 'campaign_id', type: 'integer', primaryKeyConstraintName: 'scope_tally_pkey' })
  campaignId!: number;

  @PrimaryColumn({ name: 'event_id', type: 'integer', primaryKeyConstraintName: 'scope_tally_pkey' })
  eventId!: number;

  @PrimaryColumn({ name: 'faculty_id', type: 'integer', primaryKeyConstraintName: 'scope_tally_pkey' })
  facultyId!: number;

  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'scope_tally_pkey' })
  shard!: number;

  @Column({ type: 'bigint', default: 0 })
  pledges!: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
