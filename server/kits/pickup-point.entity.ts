import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A place on campus where students collect their writing kits. */
@ObjectType({ description: 'A place on campus where writing kits can be collected.' })
@Entity({ name: 'pickup_point' })
export class PickupPoint {
  @PrimaryGeneratedColumn({ type: 'integer', primaryKeyConstraintName: 'pickup_point_pkey' })
  id!: number;

  @Field(() => String, { description: 'The public identifier, e.g. "etterbeek-student-hub".' })
  @Index('pickup_point_slug_key', { unique: true })
  @Column({ type: 'text' })
  slug!: string;

  @Field(() => String, { description: 'The place, as shown.' })
  @Column({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Opening hours or directions.' })
  @Column({ type: 'text', nullable: true })
  details!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
