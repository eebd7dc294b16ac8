import { describe, expect, it } from 'vitest';
import { KitDeliveryMethod, KitOrderStatus } from '../../../server/kits/kit-order.entity.js';
import { allowedNext, moveTo, refusedMove } from '../../../server/kits/kit-order.status.js';

const { REQUESTED, PACKED, SHIPPED, READY_FOR_PICKUP, DELIVERED, CANCELLED } = KitOrderStatus;

describe('kit-order status rules', () => {
  it('move an order requested -> packed -> shipped or ready for pickup -> delivered, or cancel it before delivery', () => {
    expect(moveTo(PACKED)).toEqual({ from: [REQUESTED], onlyFor: null });
    expect(moveTo(SHIPPED)).toEqual({ from: [PACKED], onlyFor: KitDeliveryMethod.POST });
    expect(moveTo(READY_FOR_PICKUP)).toEqual({ from: [PACKED], onlyFor: KitDeliveryMethod.PICKUP });
    expect(moveTo(DELIVERED)).toEqual({ from: [SHIPPED, READY_FOR_PICKUP], onlyFor: null });
    expect(moveTo(CANCELLED)).toEqual({ from: [REQUESTED, PACKED, SHIPPED, READY_FOR_PICKUP], onlyFor: null });
    expect(moveTo(REQUESTED)).toEqual({ from: [], onlyFor: null });
  });

  it('ship postal orders and make pickup orders ready, never the other way round', () => {
    expect(allowedNext({ status: PACKED, deliveryMethod: KitDeliveryMethod.POST })).toEqual([SHIPPED, CANCELLED]);
    expect(allowedNext({ status: PACKED, deliveryMethod: KitDeliveryMethod.PICKUP })).toEqual([READY_FOR_PICKUP, CANCELLED]);
  });

  it('say in words where an order can still go', () => {
    expect(refusedMove({ status: PACKED, deliveryMethod: KitDeliveryMethod.PICKUP })).toBe('An order that is packed can only become ready for pickup or cancelled.');
    expect(refusedMove({ status: DELIVERED, deliveryMethod: KitDeliveryMethod.POST })).toBe('An order that is delivered cannot change any more.');
  });
});
