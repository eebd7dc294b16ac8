import { randomInt } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { type DataSource, type Repository } from 'typeorm';
import { type Cursors } from '../common/cursors.js';
import { badUserInput, ErrorCode, hasCode, isUniqueViolation, notFound, type FieldIssue } from '../common/errors.js';
import { checkPageSize, connectionOf, splitPage } from '../common/pagination.js';
import { isLocale, type Locale } from '../common/locale.js';
import { parseInput } from '../common/validation.js';
import { type Viewer } from '../common/viewer.js';
import { type CampaignService } from '../campaigns/campaign.service.js';
import { type FacultyService } from '../faculties/faculty.service.js';
import { kitConsentTexts } from './consent.js';
import { EmailKind, type KitOrderEmail } from './kit-order-email.entity.js';
import { type KitOrderEmailService } from './kit-order-email.service.js';
import { type EmailLocale, type KitEmailFacts } from './kit-order-email.texts.js';
import { KitDeliveryMethod, KitOrder, KitOrderStatus } from './kit-order.entity.js';
import { type KitOrderInput, type KitOrderReceipt, kitLanguages, kitOrderRulesIn } from './kit-order.inputs.js';
import { kitOrderMessages } from './kit-order.messages.js';
import { eraseContacts, moveOrder, ordersOf } from './kit-order.queries.js';
import { moveTo, refusedMove } from './kit-order.status.js';
import { KitOrderStatusChange } from './kit-order-status-change.entity.js';
import { type KitOrderConnection, type KitOrderFilter, type KitOrderStatusOutcome, MAX_BULK_ORDERS } from './kit-order.types.js';
import { PickupPoint } from './pickup-point.entity.js';
import { type PickupPointNames } from './pickup-point-names.js';

/** No 0/O, 1/I/L: references are read out loud and typed from paper. */
const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function newReference(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `KIT-${code}`;
}

export class KitOrderService {
  private readonly orders: Repository<KitOrder>;
  private readonly pickupPoints: Repository<PickupPoint>;
  private readonly changes: Repository<KitOrderStatusChange>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignService,
    private readonly faculties: FacultyService,
    private readonly cursors: Cursors,
    private readonly emails: KitOrderEmailService,
    /** Where the emails find the pickup point's name in the student's language. */
    private readonly pickupPointNames: PickupPointNames,
  ) {
    this.orders = dataSource.getRepository(KitOrder);
    this.pickupPoints = dataSource.getRepository(PickupPoint);
    this.changes = dataSource.getRepository(KitOrderStatusChange);
  }

  listPickupPoints(): Promise<PickupPoint[]> {
    return this.pickupPoints.find({ where: { active: true }, order: { name: 'ASC' } });
  }

  /**
   * Validates and stores an order as `requested`. The receipt holds no personal data. The
   * order keeps the language of the form (`locale`), or else of the request, for its emails;
   * a refusal is worded in that language too.
   */
  async order(input: KitOrderInput, requestLocale: Locale = 'en'): Promise<KitOrderReceipt> {
    const locale = formLocale(input, requestLocale);
    const order = parseInput(kitOrderRulesIn[locale], input, 'input', locale);
    const m = kitOrderMessages[locale];

    const issues: FieldIssue[] = [];
    const faculty = order.faculty ? await this.faculties.find(order.faculty) : null;
    if (order.faculty && !faculty) issues.push({ field: 'input.faculty', message: m.unknownFaculty(order.faculty) });
    const pickup = order.delivery.method === KitDeliveryMethod.PICKUP;
    const pickupPoint = pickup ? await this.pickupPoints.findOneBy({ slug: order.delivery.pickupPoint!, active: true }) : null;
    if (pickup && !pickupPoint) issues.push({ field: 'input.delivery.pickupPoint', message: m.unknownPickupPoint });
    if (issues.length > 0) throw badUserInput(issues);

    const campaign = await this.campaigns.get(null);
    const address = pickup ? null : order.delivery.address!;
    // Read before the order is stored: a failure here then stores nothing, so sending again is
    // not a second order.
    const pickupPointName = pickupPoint ? await this.pickupPointNames.pickupPointName(pickupPoint, locale) : null;
    const row: Partial<KitOrder> = {
      campaignId: campaign.id,
      contactName: order.name,
      contactEmail: order.email.toLowerCase(),
      kits: order.kits,
      language: order.language,
      facultyId: faculty?.id ?? null,
      deliveryMethod: order.delivery.method,
      pickupPointId: pickupPoint?.id ?? null,
      addressLine1: address?.line1 ?? null,
      addressLine2: address?.line2 || null,
      postalCode: address?.postalCode ?? null,
      city: address?.city ?? null,
      countryCode: address ? (address.country ?? 'BE') : null,
      consentText: kitConsentTexts[locale],
      locale,
      consentedAt: new Date(),
      status: KitOrderStatus.REQUESTED,
    };

    // A clash of random references is rare; trying again with a new one is enough.
    for (let attempt = 1; ; attempt++) {
      const reference = newReference();
      try {
        const { identifiers } = await this.orders.insert({ ...row, reference });
        await this.emails.enqueue(identifiers[0]!.id as number, EmailKind.CONFIRMATION, locale, row.contactEmail!, {
          ...emailFacts({ ...row, reference } as KitOrder),
          pickupPoint: pickupPointName,
        });
        return { reference, kits: order.kits, deliveryMethod: order.delivery.method };
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 5) throw error;
      }
    }
  }

  /** Organisers: a page of orders, oldest first, with the total matching the filter. */
  async list(filter: KitOrderFilter, first: number, after: string | null | undefined): Promise<KitOrderConnection> {
    checkPageSize(first, 200, 'orders');
    const campaign = await this.campaigns.get(filter.campaign);
    const query = ordersOf(this.dataSource, campaign.id, filter);
    const totalCount = await query.getCount();
    const [afterId] = this.cursors.decode('kitOrders', after, 1) ?? [];
    if (afterId) query.andWhere('o.id > :afterId', { afterId });
    const { page, hasNextPage } = splitPage(await query.take(first + 1).getMany(), first);
    return { ...connectionOf(page, { hasNextPage, hasPreviousPage: Boolean(afterId) }, (order) => this.cursors.encode('kitOrders', [order.id])), totalCount };
  }

  /** Organisers: every order of a campaign that matches the filter, oldest first (for the CSV export). */
  async listAll(filter: KitOrderFilter): Promise<{ campaignSlug: string; orders: KitOrder[] }> {
    const campaign = await this.campaigns.get(filter.campaign);
    return { campaignSlug: campaign.slug, orders: await ordersOf(this.dataSource, campaign.id, filter).getMany() };
  }

  /**
   * Organisers: moves an order one step along the fulfilment path, with a note. The check, the
   * change and its history row are one statement, so two organisers cannot both move it.
   */
  async changeStatus(reference: string, to: KitOrderStatus, note: string | null | undefined, viewer: Viewer): Promise<KitOrder> {
    const trimmedNote = note?.trim() || null;
    if (trimmedNote && trimmedNote.length > 500) throw badUserInput([{ field: 'note', message: 'Keep the note under 500 characters.' }]);
    const moved = await moveOrder(this.dataSource, { reference, to, ...moveTo(to), note: trimmedNote, tokenId: viewer.tokenId });
    const order = await this.findByReference(reference);
    const notice = to === KitOrderStatus.SHIPPED ? EmailKind.SHIPPED : to === KitOrderStatus.READY_FOR_PICKUP ? EmailKind.READY_FOR_PICKUP : null;
    if (moved && notice && order.contactEmail) {
      const locale = localeOf(order);
      const pickupPoint = order.pickupPoint ? await this.pickupPointNames.pickupPointName(order.pickupPoint, locale) : null;
      await this.emails.enqueue(order.id, notice, locale, order.contactEmail, { ...emailFacts(order), pickupPoint });
    }
    if (!moved) throw badUserInput([{ field: 'status', message: refusedMove(order) }]);
    return order;
  }

  /**
   * Organisers: moves several orders to the same status in one request. Each order is its own
   * one-statement change, so one refusal (an order already further on, a pickup order asked to
   * ship) stops nothing else; the outcome says, per order, what happened.
   */
  async changeStatuses(references: string[], to: KitOrderStatus, note: string | null | undefined, viewer: Viewer): Promise<KitOrderStatusOutcome[]> {
    const unique = [...new Set(references.map((reference) => reference.trim().toUpperCase()))];
    if (unique.length === 0 || unique.length > MAX_BULK_ORDERS) {
      throw badUserInput([{ field: 'references', message: `Choose 1 to ${MAX_BULK_ORDERS} orders.` }]);
    }
    const outcomes: KitOrderStatusOutcome[] = [];
    for (const reference of unique) {
      try {
        outcomes.push({ reference, kitOrder: await this.changeStatus(reference, to, note, viewer), changed: true, error: null, code: null });
      } catch (error) {
        if (!(error instanceof GraphQLError) || (hasCode(error, ErrorCode.BAD_USER_INPUT) && error.extensions.field === 'note')) throw error;
        const kitOrder = await this.orders.findOne({ where: { reference }, relations: { faculty: true, pickupPoint: true } });
        outcomes.push({ reference, kitOrder, changed: false, error: error.message, code: String(error.extensions.code) });
      }
    }
    return outcomes;
  }

  async findByReference(reference: string): Promise<KitOrder> {
    const order = await this.orders.findOne({ where: { reference }, relations: { faculty: true, pickupPoint: true } });
    if (!order) throw notFound(`There is no kit order "${reference}".`, 'reference');
    return order;
  }

  history(kitOrderId: number): Promise<KitOrderStatusChange[]> {
    return this.changes.find({ where: { kitOrderId }, order: { id: 'ASC' } });
  }

  /** Whether students get emails about their orders (a mail server is configured). */
  get emailEnabled(): boolean {
    return this.emails.enabled;
  }

  /** Organisers: the emails about one order, sent or not. */
  emailsAbout(kitOrderId: number): Promise<KitOrderEmail[]> {
    return this.emails.forOrder(kitOrderId);
  }

  /** Organisers: removes a person's contact data on request. Their orders stay counted. */
  async eraseContact(email: string): Promise<number> {
    const address = email.trim().toLowerCase();
    if (!address.includes('@')) throw badUserInput([{ field: 'email', message: 'Enter the email address the person ordered with.' }]);
    return eraseContacts(this.dataSource, { email: address });
  }

  /** Organisers: after a campaign has ended, removes the contact data of its delivered orders. */
  async purgeDelivered(campaignSlug: string): Promise<number> {
    const campaign = await this.campaigns.get(campaignSlug);
    const today = new Date().toISOString().slice(0, 10);
    if (!campaign.endsOn || campaign.endsOn >= today) {
      throw badUserInput([{ field: 'campaign', message: 'This campaign has not finished yet; its orders may still need their contacts.' }]);
    }
    return eraseContacts(this.dataSource, { campaignId: campaign.id, delivered: true });
  }
}

/** The language the form was shown in when it says so (and is one of ours), or else the request's. */
export const formLocale = (input: { locale?: string | null }, requestLocale: Locale): Locale => (isLocale(input.locale) ? input.locale : requestLocale);

const localeOf = (order: Pick<KitOrder, 'locale'>): EmailLocale => (kitLanguages as readonly string[]).includes(order.locale ?? '') ? (order.locale as EmailLocale) : 'en';

/** What the emails about an order say: the contact's name, what was ordered and where it goes. */
function emailFacts(order: KitOrder): KitEmailFacts {
  const address = order.addressLine1
    ? [order.addressLine1, order.addressLine2, `${order.postalCode ?? ''} ${order.city ?? ''}`.trim(), order.countryCode].filter((line): line is string => Boolean(line))
    : null;
  return { name: order.contactName ?? '', reference: order.reference, kits: order.kits, pickupPoint: order.pickupPoint?.name ?? null, address };
}

