import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/pagination.js';
import { KitOrder, KitOrderStatus } from './kit-order.entity.js';

@InputType({ description: 'Which kit orders to list.' })
export class KitOrderFilter {
  @Field(() => String, { nullable: true, description: 'Campaign slug; the current campaign when absent.' })
  campaign?: string | null;

  @Field(() => KitOrderStatus, { nullable: true, description: 'Only orders with this status.' })
  status?: KitOrderStatus | null;

  @Field(() => String, { nullable: true, description: 'A reference, or (part of) an email address or name.' })
  search?: string | null;
}

/** The most orders one bulk status change may move: a page of the organisers' table and more. */
export const MAX_BULK_ORDERS = 200;

@ObjectType({ description: 'What happened to one order of a bulk status change.' })
export class KitOrderStatusOutcome {
  @Field(() => String, { description: "The order's reference, as given." })
  reference!: string;

  @Field(() => KitOrder, { nullable: true, description: 'The order as it is now; null when there is no such order.' })
  kitOrder!: KitOrder | null;

  @Field(() => Boolean, { description: 'Whether this order was moved.' })
  changed!: boolean;

  @Field(() => String, { nullable: true, description: 'Why it was not moved, as a sentence for the organiser.' })
  error!: string | null;

  @Field(() => String, { nullable: true, description: 'The error code when it was not moved: BAD_USER_INPUT or NOT_FOUND.' })
  code!: string | null;
}

@ObjectType({ description: 'One kit order in a page, with its cursor.' })
export class KitOrderEdge {
  @Field(() => String, { description: 'Pass it as `after` for the orders after this one; opaque.' })
  cursor!: string;

  @Field(() => KitOrder, { description: 'The order.' })
  node!: KitOrder;
}

@ObjectType({ description: 'Kit orders, oldest first (the packing order).' })
export class KitOrderConnection {
  @Field(() => [KitOrderEdge], { description: 'The orders of this page, each with its cursor.' })
  edges!: KitOrderEdge[];

  @Field(() => PageInfo, { description: 'Where this page ends.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Orders matching the filter, on all pages.' })
  totalCount!: number;
}
