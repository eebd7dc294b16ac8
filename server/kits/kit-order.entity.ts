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
import { Campaign } from '../campaigns/campaign.entity.js';
import { Faculty } from '../faculties/faculty.entity.js';
import { PickupPoint } from './pickup-point.entity.js';

export const kitOrderStatuses = ['requested', 'packed', 'shipped', 'ready_for_pickup', 'delivered', 'cancelled'] as const;
export type KitOrderStatus = (typeof kitOrderStatuses)[number];

export const deliveryMethods = ['pickup', 'post'] as const;
export type DeliveryMethod = (typeof deliveryMethods)[number];

/**
 * A request for free writing kits: the only personal data in the system. Contact fields are
 * nullable because they are erased on request while the order itself stays counted.
 */
@Entity({ name: 'kit_order' })
export class KitOrder {
  @PrimaryGeneratedColumn({ type: 'integer', primaryKeyConstraintName: 'kit_order_pkey' })
  id!: number;

  /** Short and human, for the student's receipt and the organisers' packing list. */
  @Index('kit_order_reference_key', { unique: true })
  @Column({ type: 'text' })
  reference!: string;

  @ManyToOne(() => Campaign, { nullable: false })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'kit_order_campaign_id_fkey' })
  campaign?: Relation<Campaign>;

  @Index('kit_order_campaign_id_idx')
  @Column({ name: 'campaign_id', type: 'integer' })
  campaignId!: number;

  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName!: string | null;

  @Index('kit_order_contact_email_idx')
  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail!: string | null;

  @Column({ type: 'integer' })
  kits!: number;

  /** The language of the kit's letter templates. */
  @Column({ type: 'text' })
  language!: string;

  @ManyToOne(() => Faculty, { nullable: true })
  @JoinColumn({ name: 'faculty_id', foreignKeyConstraintName: 'kit_order_faculty_id_fkey' })
  faculty?: Relation<Faculty> | null;

  @Column({ name: 'faculty_id', type: 'integer', nullable: true })
  facultyId!: number | null;

  @Column({ name: 'delivery_method', type: 'text' })
  deliveryMethod!: DeliveryMethod;

  @ManyToOne(() => PickupPoint, { nullable: true })
  @JoinColumn({ name: 'pickup_point_id', foreignKeyConstraintName: 'kit_order_pickup_point_id_fkey' })
  pickupPoint?: Relation<PickupPoint> | null;

  @Column({ name: 'pickup_point_id', type: 'integer', nullable: true })
  pickupPointId!: number | null;

  @Column({ name: 'address_line1', type: 'text', nullable: true })
  addressLine1!: string | null;

  @Column({ name: 'address_line2', type: 'text', nullable: true })
  addressLine2!: string | null;

  @Column({ name: 'postal_code', type: 'text', nullable: true })
  postalCode!: string | null;

  @Column({ type: 'text', nullable: true })
  city!: string | null;

  @Column({ name: 'country_code', type: 'character', length: 2, nullable: true })
  countryCode!: string | null;

  /** The words the person agreed to, exactly as shown to them. */
  @Column({ name: 'consent_text', type: 'text' })
  consentText!: string;

  @Column({ name: 'consented_at', type: 'timestamptz' })
  consentedAt!: Date;

  @Index('kit_order_status_idx')
  @Column({ type: 'text', default: 'requested' })
  status!: KitOrderStatus;

  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
