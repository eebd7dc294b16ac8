import { KitDeliveryMethod, KitOrderStatus } from './kit-order.entity.js';

/** The fulfilment path: where an order in each status may go next. */
const nextStatuses: Record<KitOrderStatus, KitOrderStatus[]> = {
  [KitOrderStatus.REQUESTED]: [KitOrderStatus.PACKED, KitOrderStatus.CANCELLED],
  [KitOrderStatus.PACKED]: [KitOrderStatus.SHIPPED, KitOrderStatus.READY_FOR_PICKUP, KitOrderStatus.CANCELLED],
  [KitOrderStatus.SHIPPED]: [KitOrderStatus.DELIVERED, KitOrderStatus.CANCELLED],
  [KitOrderStatus.READY_FOR_PICKUP]: [KitOrderStatus.DELIVERED, KitOrderStatus.CANCELLED],
  [KitOrderStatus.DELIVERED]: [],
  [KitOrderStatus.CANCELLED]: [],
};

/** Shipping is for postal orders, "ready for pickup" for pickup orders. */
const statusOnlyFor: Partial<Record<KitOrderStatus, KitDeliveryMethod>> = {
  [KitOrderStatus.SHIPPED]: KitDeliveryMethod.POST,
  [KitOrderStatus.READY_FOR_PICKUP]: KitDeliveryMethod.PICKUP,
};

/**
 * What a move to `to` needs, as the one-statement change checks it in the database: the
 * statuses it may come from, and the delivery method it is only for (null: any).
 */
export function moveTo(to: KitOrderStatus): { from: KitOrderStatus[]; onlyFor: KitDeliveryMethod | null } {
  const from = (Object.keys(nextStatuses) as KitOrderStatus[]).filter((status) => nextStatuses[status].includes(to));
  return { from, onlyFor: statusOnlyFor[to] ?? null };
}

/** Where an order may go from where it is, for its delivery method. */
export function allowedNext(order: { status: KitOrderStatus; deliveryMethod: KitDeliveryMethod }): KitOrderStatus[] {
  return nextStatuses[order.status].filter((next) => !statusOnlyFor[next] || statusOnlyFor[next] === order.deliveryMethod);
}

/** Why an order cannot make a move, as a sentence for the organiser. */
export function refusedMove(order: { status: KitOrderStatus; deliveryMethod: KitDeliveryMethod }): string {
  const allowed = allowedNext(order);
  return allowed.length
    ? `An order that is ${label(order.status)} can only become ${allowed.map(label).join(' or ')}.`
    : `An order that is ${label(order.status)} cannot change any more.`;
}

const label = (status: KitOrderStatus): string => status.replaceAll('_', ' ');
