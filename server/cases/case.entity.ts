import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity.js';

/** What an appeal letter asks of the authorities. */
export enum CaseAsk {
  RELEASE = 'release',
  PROTECT = 'protect',
  CHANGE_LAW = 'change_law',
}
registerEnumType(CaseAsk, {
  name: 'CaseAsk',
  description: 'What the appeal letters ask of the authorities.',
  valuesConfig: {
    RELEASE: { description: 'Release the person.' },
    PROTECT: { description: 'Protect the person and bring those responsible to justice.' },
    CHANGE_LAW: { description: 'Change a discriminatory law.' },
  },
});

/** Whether there is good news, e.g. the person was released. */
export enum CaseStatus {
  AT_RISK = 'at_risk',
  GOOD_NEWS = 'good_news',
}
registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  description: 'Whether the person is still at risk.',
  valuesConfig: {
    AT_RISK: { description: 'Still at risk: appeal letters and solidarity cards are needed.' },
    GOOD_NEWS: { description: 'Good news, e.g. released or charges dropped (see statusNote).' },
  },
});

/** A person (or pair of people) at risk for whom students write. */
@ObjectType({ description: 'A person (or group) at risk that appeal letters and solidarity cards are written for.' })
@Entity({ name: 'case' })
@Index('case_campaign_slug_key', ['campaign', 'slug'], { unique: true })
export class Case {
  @PrimaryGeneratedColumn({ type: 'integer', primaryKeyConstraintName: 'case_pkey' })
  id!: number;

  @ManyToOne(() => Campaign, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'case_campaign_id_fkey' })
  campaign!: Relation<Campaign>;

  @Column({ name: 'campaign_id', type: 'integer' })
  campaignId!: number;

  @Field(() => String, { description: 'The public identifier, e.g. "zhang-zhan".' })
  @Column({ type: 'text' })
  slug!: string;

  @Field(() => String, { description: 'As shown, e.g. "Anna and Vira".' })
  @Column({ type: 'text' })
  name!: string;

  @Field(() => String, { description: 'As shown, e.g. "Ukraine".' })
  @Column({ type: 'text' })
  country!: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, where one exists.' })
  @Column({ name: 'country_code', type: 'character', length: 2, nullable: true })
  countryCode!: string | null;

  @Field(() => String, { description: 'Why the person is at risk, in one line.' })
  @Column({ type: 'text' })
  reason!: string;

  @Field(() => CaseAsk, { description: 'What the appeal letters ask of the authorities.' })
  @Column({ type: 'text', default: CaseAsk.RELEASE })
  ask!: CaseAsk;

  @Field(() => Int, { nullable: true, description: 'Appeal letters and solidarity cards hoped for this case.' })
  @Column({ type: 'integer', nullable: true })
  goal!: number | null;

  @Field(() => String, { nullable: true, description: 'The short story: who the person is, in a few sentences.' })
  @Column({ type: 'text', nullable: true })
  about!: string | null;

  @Field(() => String, { nullable: true, description: 'What the appeal letter asks for, in one or two sentences.' })
  @Column({ name: 'ask_for', type: 'text', nullable: true })
  askFor!: string | null;

  @Field(() => String, { nullable: true, description: "Whom the appeal letter goes to, e.g. a minister's title and name; null: not known yet (to be announced)." })
  @Column({ name: 'appeal_addressee', type: 'text', nullable: true })
  appealAddressee!: string | null;

  @Field(() => String, { nullable: true, description: 'The postal address of the appeal letter, as the destination country writes it (the same in every language); null: not known yet (to be announced).' })
  @Column({ name: 'appeal_address', type: 'text', nullable: true })
  appealAddress!: string | null;

  @Field(() => String, { nullable: true, description: 'Where solidarity cards go (the same in every language); null: not known yet, or they cannot be sent (see cardNote).' })
  @Column({ name: 'card_address', type: 'text', nullable: true })
  cardAddress!: string | null;

  @Field(() => String, { nullable: true, description: 'Where solidarity cards go, or why they cannot be sent.' })
  @Column({ name: 'card_note', type: 'text', nullable: true })
  cardNote!: string | null;

  @Field(() => String, { nullable: true, description: 'A sample appeal letter: paragraphs separated by an empty line ("\\n\\n").' })
  @Column({ name: 'sample_letter', type: 'text', nullable: true })
  sampleLetter!: string | null;

  @Field(() => String, { nullable: true, description: 'Words for a solidarity card: a few lines.' })
  @Column({ name: 'card_text', type: 'text', nullable: true })
  cardText!: string | null;

  @Field(() => String, { nullable: true, description: 'The postage note, e.g. an international stamp.' })
  @Column({ name: 'postage_note', type: 'text', nullable: true })
  postageNote!: string | null;

  @Field(() => CaseStatus, { description: 'Still at risk, or good news.' })
  @Column({ type: 'text', default: CaseStatus.AT_RISK })
  status!: CaseStatus;

  @Field(() => String, { nullable: true, description: 'The good news, e.g. "Released on 3 March 2026".' })
  @Column({ name: 'status_note', type: 'text', nullable: true })
  statusNote!: string | null;

  /** Order on screens: the seed list's order unless organisers change it. */
  @Column({ type: 'integer', default: 0 })
  position!: number;
}
