import { GraphQLDateTime } from 'graphql-scalars';
import { Authorized, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { ORGANISERS } from '../common/viewer.js';
import { Campaign } from '../campaigns/campaign.entity.js';
import { Faculty } from '../faculties/faculty.entity.js';
import { PickupPoint } from './pickup-point.entity.js';

export enum KitOrderStatus {
  REQUESTED = 'requested',
  PACKED = 'packed',
  SHIPPED = 'shipped',
  READY_FOR_PICKUP = 'ready_for_pickup',
  DELIVERED = 'delivered',
  CANCELLED = 'cancelled',
}
registerEnumType(KitOrderStatus, {
  name: 'KitOrderStatus',
  description: 'requested -> packed -> shipped (post) or ready for pickup -> delivered; cancelled from any step before delivered.',
  valuesConfig: {
    REQUESTED: { description: 'Ordered; nothing done yet.' },
    PACKED: { description: 'Packed, not yet sent or put out.' },
    SHIPPED: { description: 'Sent by post.' },
    READY_FOR_PICKUP: { description: 'Waiting at the pickup point.' },
    DELIVERED: { description: 'The kits reached the person.' },
    CANCELLED: { description: 'Cancelled: no kits will come.' },
  },
});

export enum KitDeliveryMethod {
  PICKUP = 'pickup',
  POST = 'post',
}
registerEnumType(KitDeliveryMethod, {
  name: 'KitDeliveryMethod',
  description: 'How writing kits reach the person who ordered them.',
  valuesConfig: {
    PICKUP: { description: 'Collect the kits at a pickup point on campus.' },
    POST: { description: 'Send the kits to a postal address.' },
  },
});

/**
 * A request for free writing kits: the only personal data in the system. Only organisers can
 * reach this type, and its contact fields say so again. Contact fields are nullable because
 * they are erased on request while the order itself stays counted.
 */
@ObjectType({ description: 'A kit order, for organisers.' })
@Entity({ name: 'kit_order' })
export class KitOrder {
  @PrimaryGeneratedColumn({ type: 'integer', primaryKeyConstraintName: 'kit_order_pkey' })
  id!: number;

  @Field(() => String, { description: 'Short and human, for the receipt and the packing list.' })
  @Index('kit_order_reference_key', { unique: true })
  @Column({ type: 'text' })
  reference!: string;

  @ManyToOne(() => Campaign, { nullable: false })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'kit_order_campaign_id_fkey' })
  campaign?: Relation<Campaign>;

  @Index('kit_order_campaign_id_idx')
  @Column({ name: 'campaign_id', type: 'integer' })
  campaignId!: number;

  @Authorized(ORGANISERS)
  @Field(() => String, { nullable: true, description: 'Personal data; null once erased.' })
  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName!: string | null;

  @Authorized(ORGANISERS)
  @Field(() => String, { nullable: true, description: 'Personal data; null once erased.' })
  @Index('kit_order_contact_email_idx')
  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail!: string | null;

  @Field(() => Int, { description: 'How many writing kits.' })
  @Column({ type: 'integer' })
  kits!: number;

  @Field(() => String, { description: "The language of the kit's letter templates." })
  @Column({ type: 'text' })
  language!: string;

  @Field(() => String, { nullable: true, description: 'The language the form was shown in (en, nl, fr): the language of the emails to the student.' })
  @Column({ type: 'text', nullable: true })
  locale!: string | null;

  @Field(() => Faculty, { nullable: true, description: 'The faculty given with the order, if any.' })
  @ManyToOne(() => Faculty, { nullable: true })
  @JoinColumn({ name: 'faculty_id', foreignKeyConstraintName: 'kit_order_faculty_id_fkey' })
  faculty?: Relation<Faculty> | null;

  @Column({ name: 'faculty_id', type: 'integer', nullable: true })
  facultyId!: number | null;

  @Field(() => KitDeliveryMethod, { description: 'Pickup on campus or post.' })
  @Column({ name: 'delivery_method', type: 'text' })
  deliveryMethod!: KitDeliveryMethod;

  @Field(() => PickupPoint, { nullable: true, description: 'Where the kits are collected, for pickup orders.' })
  @ManyToOne(() => PickupPoint, { nullable: true })
  @JoinColumn({ name: 'pickup_point_id', foreignKeyConstraintName: 'kit_order_pickup_point_id_fkey' })
  pickupPoint?: Relation<PickupPoint> | null;

  @Column({ name: 'pickup_point_id', type: 'integer', nullable: true })
  pickupPointId!: number | null;

  @Authorized(ORGANISERS)
  @Field(() => String, { nullable: true, description: 'Personal data; null once erased.' })
  @Column({ name: 'address_line1', type: 'text', nullable: true })
  addressLine1!: string | null;

  @Authorized(ORGANISERS)
  @Field(() => String, { nullable: true, description: 'Personal data; null once erased.' })
  @Column({ name: 'address_line2', type: 'text', nullable: true })
  addressLine2!: string | null;

  @Authorized(ORGANISERS)
  @Field(() => String, { nullable: true, description: 'Personal data; null once erased.' })
  @Column({ name: 'postal_code', type: 'text', nullable: true })
  postalCode!: string | null;

  @Authorized(ORGANISERS)
  @Field(() => String, { nullable: true, description: 'Personal data; null once erased.' })
  @Column({ type: 'text', nullable: true })
  city!: string | null;

  @Authorized(ORGANISERS)
  @Field(() => String, { nullable: true, description: "The postal address's country (ISO 3166-1 alpha-2); null for pickup or once erased." })
  @Column({ name: 'country_code', type: 'character', length: 2, nullable: true })
  countryCode!: string | null;

  /** The words the person agreed to, exactly as shown to them. */
  @Field(() => String, { description: 'The consent text the person agreed to, as it was shown.' })
  @Column({ name: 'consent_text', type: 'text' })
  consentText!: string;

  @Field(() => GraphQLDateTime, { description: 'When the person agreed to it.' })
  @Column({ name: 'consented_at', type: 'timestamptz' })
  consentedAt!: Date;

  @Field(() => KitOrderStatus, { description: 'Where the order is in its fulfilment.' })
  @Index('kit_order_status_idx')
  @Column({ type: 'text', default: KitOrderStatus.REQUESTED })
  status!: KitOrderStatus;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the contact data was erased.' })
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;

  @Field(() => GraphQLDateTime, { description: 'When the order came in.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => GraphQLDateTime, { description: 'When the order last changed.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
