import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/pagination.js';
import { KitOrder, KitOrderStatus } from './kit-order.entity.js';

@InputType({ description: 'Which kit orders to list.' })
export class KitOrderFilter {
  @Field(() => String, { nullable: true, description: 'Campaign slug; the current campaign when absent.' })
  campaign?: string | null;

  @Field(() => KitOrderStatus, { nullable: true })
  status?: KitOrderStatus | null;

  @Field(() => String, { nullable: true, description: 'A reference, or (part of) an email address or name.' })
  search?: string | null;
}

/** The most orders one bulk status change may move: a page of the organisers' table and more. */
export const MAX_BULK_ORDERS = 200;

@ObjectType({ description: 'What happened to one order of a bulk status change.' })
export class KitOrderStatusOutcome {
  @Field(() => String)
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

@ObjectType()
export class KitOrderEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => KitOrder)
  node!: KitOrder;
}

@ObjectType({ description: 'Kit orders, oldest first (the packing order).' })
export class KitOrderConnection {
  @Field(() => [KitOrderEdge])
  edges!: KitOrderEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Orders matching the filter, on all pages.' })
  totalCount!: number;
}
