import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { refuseBots } from '../common/bot-check.js';
import { type Context } from '../common/context.js';
import { notFound } from '../common/errors.js';
import { type RateLimits } from '../common/rate-limits.js';
import { ORGANISERS } from '../common/viewer.js';
import { kitConsentTexts } from './consent.js';
import { KitOrderEmail } from './kit-order-email.entity.js';
import { KitOrderConnection, KitOrderFilter, KitOrderStatusOutcome } from './kit-order.types.js';
import { KitOrder, KitOrderStatus } from './kit-order.entity.js';
import { KitOrderInput, KitOrderReceipt, kitLanguages } from './kit-order.inputs.js';
import { formLocale, type KitOrderService } from './kit-order.service.js';
import { KitOrderStatusChange } from './kit-order-status-change.entity.js';
import { PickupPoint } from './pickup-point.entity.js';

@Resolver(() => KitOrder)
export class KitOrderResolver {
  constructor(
    private readonly kitOrderService: KitOrderService,
    private readonly rateLimits: RateLimits,
    private readonly formMinFillMs: number,
  ) {}

  @Mutation(() => KitOrderReceipt, { description: 'Orders free writing kits. Returns a reference, never the personal data sent.' })
  async orderKit(@Arg('input', () => KitOrderInput, { description: 'The order: contact, kits, language, delivery and consent.' }) input: KitOrderInput, @Ctx() context: Context): Promise<KitOrderReceipt> {
    // Refusals in the language the form was shown in, or else the request's.
    const locale = formLocale(input, context.locale);
    await this.rateLimits.take('kitOrder', { address: context.clientAddress, viewer: context.viewer, locale });
    refuseBots(input, this.formMinFillMs, locale);
    return this.kitOrderService.order(input, context.locale);
  }

  @Query(() => Boolean, { description: 'Whether students are emailed about their kit orders (a confirmation, and when the kits are posted or ready). Without email, organisers contact students themselves.' })
  kitOrderEmails(): boolean {
    return this.kitOrderService.emailEnabled;
  }

  @Query(() => [PickupPoint], { description: 'Where kits can be collected on campus.' })
  pickupPoints(): Promise<PickupPoint[]> {
    return this.kitOrderService.listPickupPoints();
  }

  @Query(() => String, { description: 'The text a student agrees to when ordering kits, in en, nl or fr.' })
  kitOrderConsent(@Arg('locale', () => String, { defaultValue: 'en', description: 'The language: en, nl or fr.' }) locale: string): string {
    // Own keys only: "toString" or "__proto__" must not find what every object has.
    const text = Object.hasOwn(kitConsentTexts, locale) ? kitConsentTexts[locale as (typeof kitLanguages)[number]] : undefined;
    if (!text) throw notFound(`There is no consent text in "${locale}"; use one of ${kitLanguages.join(', ')}.`, 'locale');
    return text;
  }

  @Authorized(ORGANISERS)
  @Query(() => KitOrderConnection, { description: 'Organisers: kit orders, oldest first, with filters.' })
  kitOrders(
    @Arg('filter', () => KitOrderFilter, { nullable: true, description: 'Which orders: campaign, status, search.' }) filter: KitOrderFilter | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'How many orders: 1 to 200.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the page before; cursors are opaque.' }) after?: string | null,
  ): Promise<KitOrderConnection> {
    return this.kitOrderService.list(filter ?? {}, first, after);
  }

  @Authorized(ORGANISERS)
  @Query(() => KitOrder, { description: 'Organisers: one kit order by its reference.' })
  kitOrder(@Arg('reference', () => String, { description: "The order's reference, as the receipt gave it." }) reference: string): Promise<KitOrder> {
    return this.kitOrderService.findByReference(reference);
  }

  @Authorized(ORGANISERS)
  @Mutation(() => KitOrder, { description: 'Organisers: moves an order along requested -> packed -> shipped / ready for pickup -> delivered, or cancels it.' })
  updateKitOrderStatus(
    @Arg('reference', () => String, { description: "The order's reference." }) reference: string,
    @Arg('status', () => KitOrderStatus, { description: 'The new status: a step the order may take from where it is.' }) status: KitOrderStatus,
    @Arg('note', () => String, { nullable: true, description: 'A note kept with the change, e.g. a tracking number.' }) note: string | null,
    @Ctx() { viewer }: Context,
  ): Promise<KitOrder> {
    return this.kitOrderService.changeStatus(reference, status, note, viewer);
  }

  @Authorized(ORGANISERS)
  @Mutation(() => [KitOrderStatusOutcome], {
    description: 'Organisers: moves several orders to one status in one call (at most 200). Each order moves or is refused on its own; the outcome says which and why.',
  })
  updateKitOrderStatuses(
    @Arg('references', () => [String], { description: "The orders' references." }) references: string[],
    @Arg('status', () => KitOrderStatus, { description: 'The new status for each of them.' }) status: KitOrderStatus,
    @Arg('note', () => String, { nullable: true, description: 'A note kept with every change.' }) note: string | null,
    @Ctx() { viewer }: Context,
  ): Promise<KitOrderStatusOutcome[]> {
    return this.kitOrderService.changeStatuses(references, status, note, viewer);
  }

  @Authorized(ORGANISERS)
  @Mutation(() => Int, { description: "Organisers: erases a person's contact data from their orders on request. Returns how many orders were changed." })
  eraseKitOrderContact(@Arg('email', () => String, { description: 'The email address whose orders lose their contact data.' }) email: string): Promise<number> {
    return this.kitOrderService.eraseContact(email);
  }

  @Authorized(ORGANISERS)
  @Mutation(() => Int, { description: "Organisers: erases the contact data of a finished campaign's delivered orders. Returns how many." })
  purgeDeliveredKitOrderContacts(@Arg('campaign', () => String, { description: 'The slug of a campaign that has ended.' }) campaign: string): Promise<number> {
    return this.kitOrderService.purgeDelivered(campaign);
  }

  @Authorized(ORGANISERS)
  @FieldResolver(() => [KitOrderEmail], { description: 'The emails about this order, oldest first: sent, waiting or failed, and why.' })
  emails(@Root() order: KitOrder): Promise<KitOrderEmail[]> {
    return this.kitOrderService.emailsAbout(order.id);
  }

  @Authorized(ORGANISERS)
  @FieldResolver(() => [KitOrderStatusChange], { description: 'Every status change, oldest first.' })
  history(@Root() order: KitOrder): Promise<KitOrderStatusChange[]> {
    return this.kitOrderService.history(order.id);
  }
}
