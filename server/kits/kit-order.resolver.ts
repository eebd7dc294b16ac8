import { Arg, Mutation, Query, Resolver } from 'type-graphql';
import { kitConsentTexts } from './consent.js';
import { KitOrderInput, KitOrderReceipt, kitLanguages } from './kit-order.inputs.js';
import { type KitOrderService } from './kit-order.service.js';
import { PickupPoint } from './pickup-point.entity.js';
import { notFound } from '../graphql/errors.js';

@Resolver()
export class KitOrderResolver {
  constructor(private readonly kitOrderService: KitOrderService) {}

  @Mutation(() => KitOrderReceipt, { description: 'Orders free writing kits. Returns a reference, never the personal data sent.' })
  orderKit(@Arg('input', () => KitOrderInput) input: KitOrderInput): Promise<KitOrderReceipt> {
    return this.kitOrderService.order(input);
  }

  @Query(() => [PickupPoint], { description: 'Where kits can be collected on campus.' })
  pickupPoints(): Promise<PickupPoint[]> {
    return this.kitOrderService.listPickupPoints();
  }

  @Query(() => String, { description: 'The text a student agrees to when ordering kits, in en, nl or fr.' })
  kitOrderConsent(@Arg('locale', () => String, { defaultValue: 'en' }) locale: string): string {
    const text = kitConsentTexts[locale as (typeof kitLanguages)[number]];
    if (!text) throw notFound(`There is no consent text in "${locale}"; use one of ${kitLanguages.join(', ')}.`, 'locale');
    return text;
  }
}
