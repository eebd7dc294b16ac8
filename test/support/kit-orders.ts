import { type KitDeliveryInput, type KitOrderInput } from '../../dashboard/graphql/generated/kit.js';

/** The kit form's own document, so that the tests send what the page sends. */
export { OrderKitDocument as ORDER_KIT } from '../../dashboard/graphql/generated/kit.js';

/** Pickup at the main campus, the first pickup point of the seed. */
const PICKUP: KitDeliveryInput = { method: 'PICKUP', pickupPoint: 'etterbeek-student-hub' };
/** By post to an address in Brussels. */
export const BY_POST: KitDeliveryInput = { method: 'POST', address: { line1: 'Pleinlaan 2', postalCode: '1050', city: 'Elsene' } };

/** A kit order of one person: two English kits picked up on campus, consent given, unless `extra` says otherwise. */
export function kitOrderInput(name: string, email: string, extra: Partial<KitOrderInput> = {}): KitOrderInput {
  return { name, email, kits: 2, language: 'en', consent: true, delivery: PICKUP, ...extra };
}
