import { randomInt } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { type Viewer } from '../auth/viewer.js';
import { type DataSource, type Repository } from 'typeorm';
import { type CampaignService } from '../campaigns/campaign.service.js';
import { EmailKind, EmailStatus, type EmailOutbox } from '../email/email-outbox.entity.js';
import { type EmailOutboxService } from '../email/email-outbox.service.js';
import { type EmailLocale, type KitEmailFacts } from '../email/kit-emails.js';
import { Faculty } from '../faculties/faculty.entity.js';
import { badUserInput, badUserInputFromZod, isUniqueViolation, notFound, type FieldIssue } from '../graphql/errors.js';
import { kitConsentTexts } from './consent.js';
import { type Cursors } from '../graphql/cursors.js';
import {
  type KitOrderConnection,
  type KitOrderFilter,
  type KitOrderStatusOutcome,
  MAX_BULK_ORDERS,
  nextStatuses,
  statusOnlyFor,
} from './kit-order.admin.js';
import { KitDeliveryMethod, KitOrder, KitOrderStatus } from './kit-order.entity.js';
import { KitOrderStatusChange } from './kit-order-status-change.entity.js';
import { type KitOrderInput, type KitOrderReceipt, kitLanguages, kitOrderSchema } from './kit-order.inputs.js';
import { PickupPoint } from './pickup-point.entity.js';

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
  private readonly faculties: Repository<Faculty>;
  private readonly changes: Repository<KitOrderStatusChange>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignService,
    private readonly cursors: Cursors,
    private readonly emails: EmailOutboxService,
  ) {
    this.orders = dataSource.getRepository(KitOrder);
    this.pickupPoints = dataSource.getRepository(PickupPoint);
    this.faculties = dataSource.getRepository(Faculty);
    this.changes = dataSource.getRepository(KitOrderStatusChange);
  }

  listPickupPoints(): Promise<PickupPoint[]> {
    return this.pickupPoints.find({ where: { active: true }, order: { name: 'ASC' } });
  }

  /** Validates and stores an order as `requested`. The receipt holds no personal data. */
  async order(input: KitOrderInput): Promise<KitOrderReceipt> {
    const parsed = kitOrderSchema.safeParse(input);
    if (!parsed.success) throw badUserInputFromZod(parsed.error, 'input');
    const order = parsed.data;

    const issues: FieldIssue[] = [];
    const faculty = order.faculty ? await this.faculties.findOneBy({ slug: order.faculty }) : null;
    if (order.faculty && !faculty) issues.push({ field: 'input.faculty', message: `There is no faculty "${order.faculty}".` });
    const pickup = order.delivery.method === KitDeliveryMethod.PICKUP;
    const pickupPoint = pickup ? await this.pickupPoints.findOneBy({ slug: order.delivery.pickupPoint!, active: true }) : null;
    if (pickup && !pickupPoint) {
      issues.push({ field: 'input.delivery.pickupPoint', message: 'Choose one of the pickup points on the list.' });
    }
    if (issues.length > 0) throw badUserInput(issues);

    const campaign = await this.campaigns.get(null);
    const address = pickup ? null : order.delivery.address!;
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
      consentText: kitConsentTexts[order.locale ?? 'en'],
      locale: order.locale ?? null,
      consentedAt: new Date(),
      status: KitOrderStatus.REQUESTED,
    };

    // A clash of random references is rare; trying again with a new one is enough.
    for (let attempt = 1; ; attempt++) {
      const reference = newReference();
      try {
        const { identifiers } = await this.orders.insert({ ...row, reference });
        await this.emails.enqueue(identifiers[0]!.id as number, EmailKind.CONFIRMATION, order.locale ?? 'en', row.contactEmail!, {
          ...emailFacts({ ...row, reference } as KitOrder),
          pickupPoint: pickupPoint?.name ?? null,
        });
        return { reference, kits: order.kits, deliveryMethod: order.delivery.method };
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 5) throw error;
      }
    }
  }

  /** Organisers: a page of orders, oldest first, with the total matching the filter. */
  async list(filter: KitOrderFilter, first: number, after: string | null | undefined): Promise<KitOrderConnection> {
    if (!Number.isInteger(first) || first < 1 || first > 200) {
      throw badUserInput([{ field: 'first', message: 'Ask for 1 to 200 orders at a time.' }]);
    }
    const campaign = await this.campaigns.get(filter.campaign);
    const query = this.orders
      .createQueryBuilder('o')
      .leftJoinAndSelect('o.faculty', 'faculty')
      .leftJoinAndSelect('o.pickupPoint', 'pickupPoint')
      .where('o.campaign_id = :campaignId', { campaignId: campaign.id });
    if (filter.status) query.andWhere('o.status = :status', { status: filter.status });
    const search = filter.search?.trim();
    if (search) {
      query.andWhere('(o.reference = upper(:search) OR o.contact_email ILIKE :like OR o.contact_name ILIKE :like)', {
        search,
        like: `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    const totalCount = await query.getCount();
    const [afterId] = this.cursors.decode('kitOrders', after, 1) ?? [];
    if (afterId) query.andWhere('o.id > :afterId', { afterId });
    const rows = await query.orderBy('o.id', 'ASC').take(first + 1).getMany();
    const page = rows.slice(0, first);
    return {
      edges: page.map((node) => ({ cursor: this.cursors.encode('kitOrders', [node.id]), node })),
      pageInfo: { endCursor: page.length ? this.cursors.encode('kitOrders', [page.at(-1)!.id]) : null, hasNextPage: rows.length > first },
      totalCount,
    };
  }

  /**
   * Organisers: moves an order one step along the fulfilment path, with a note. The check, the
   * change and its history row are one statement, so two organisers cannot both move it.
   */
  async changeStatus(reference: string, to: KitOrderStatus, note: string | null | undefined, viewer: Viewer): Promise<KitOrder> {
    const from = (Object.keys(nextStatuses) as KitOrderStatus[]).filter((status) => nextStatuses[status].includes(to));
    const trimmedNote = note?.trim() || null;
    if (trimmedNote && trimmedNote.length > 500) throw badUserInput([{ field: 'note', message: 'Keep the note under 500 characters.' }]);
    const changed = await this.dataSource.query<{ kit_order_id: number }[]>(
      `WITH changed AS (
         UPDATE kit_order o SET status = $2, updated_at = now()
         FROM kit_order old
         WHERE old.id = o.id AND o.reference = $1 AND o.status = ANY($3::text[])
           AND ($4::text IS NULL OR o.delivery_method = $4)
         RETURNING o.id, old.status AS from_status
       )
       INSERT INTO kit_order_status_change (kit_order_id, from_status, to_status, note, token_id)
       SELECT id, from_status, $2, $5, $6 FROM changed
       RETURNING kit_order_id`,
      [reference, to, from, statusOnlyFor[to] ?? null, trimmedNote, viewer.tokenId],
    );
    const order = await this.findByReference(reference);
    const notice = to === KitOrderStatus.SHIPPED ? EmailKind.SHIPPED : to === KitOrderStatus.READY_FOR_PICKUP ? EmailKind.READY_FOR_PICKUP : null;
    if (changed.length > 0 && notice && order.contactEmail) {
      await this.emails.enqueue(order.id, notice, localeOf(order), order.contactEmail, emailFacts(order));
    }
    if (changed.length === 0) {
      const allowed = nextStatuses[order.status].filter((next) => !statusOnlyFor[next] || statusOnlyFor[next] === order.deliveryMethod);
      throw badUserInput([
        {
          field: 'status',
          message: allowed.length
            ? `An order that is ${label(order.status)} can only become ${allowed.map(label).join(' or ')}.`
            : `An order that is ${label(order.status)} cannot change any more.`,
        },
      ]);
    }
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
        if (!(error instanceof GraphQLError) || (error.extensions.code === 'BAD_USER_INPUT' && error.extensions.field === 'note')) throw error;
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
  emailsAbout(kitOrderId: number): Promise<EmailOutbox[]> {
    return this.emails.forOrder(kitOrderId);
  }

  /** Organisers: removes a person's contact data on request. Their orders stay counted. */
  async eraseContact(email: string): Promise<number> {
    const address = email.trim().toLowerCase();
    if (!address.includes('@')) throw badUserInput([{ field: 'email', message: 'Enter the email address the person ordered with.' }]);
    return this.erase('lower(contact_email) = $1', [address]);
  }

  /** Organisers: after a campaign has ended, removes the contact data of its delivered orders. */
  async purgeDelivered(campaignSlug: string): Promise<number> {
    const campaign = await this.campaigns.get(campaignSlug);
    const today = new Date().toISOString().slice(0, 10);
    if (!campaign.endsOn || campaign.endsOn >= today) {
      throw badUserInput([{ field: 'campaign', message: 'This campaign has not finished yet; its orders may still need their contacts.' }]);
    }
    return this.erase(`campaign_id = $1 AND status = '${KitOrderStatus.DELIVERED}'`, [campaign.id]);
  }

  private async erase(where: string, parameters: unknown[]): Promise<number> {
    // Wrapped in a SELECT: for a bare UPDATE, TypeORM's query() answers [rows, count]. The
    // emails about the orders lose their address and text in the same statement; those not
    // sent yet are cancelled.
    const [row] = await this.dataSource.query<{ erased: number }[]>(
      `WITH erased AS (
         UPDATE kit_order
         SET contact_name = NULL, contact_email = NULL, address_line1 = NULL, address_line2 = NULL,
             postal_code = NULL, city = NULL, erased_at = now(), updated_at = now()
         WHERE ${where} AND erased_at IS NULL
         RETURNING id
       ), emails AS (
         UPDATE email_outbox SET recipient = NULL, subject = NULL, body = NULL, claimed_until = NULL,
                status = CASE WHEN status IN ('${EmailStatus.QUEUED}', '${EmailStatus.SENDING}') THEN '${EmailStatus.CANCELLED}' ELSE status END
         WHERE kit_order_id IN (SELECT id FROM erased)
       )
       SELECT count(*)::int AS erased FROM erased`,
      parameters,
    );
    return row?.erased ?? 0;
  }
}

const label = (status: KitOrderStatus): string => status.replaceAll('_', ' ');

const localeOf = (order: Pick<KitOrder, 'locale'>): EmailLocale => (kitLanguages as readonly string[]).includes(order.locale ?? '') ? (order.locale as EmailLocale) : 'en';

/** What the emails about an order say: the contact's name, what was ordered and where it goes. */
function emailFacts(order: KitOrder): KitEmailFacts {
  const address = order.addressLine1
    ? [order.addressLine1, order.addressLine2, `${order.postalCode ?? ''} ${order.city ?? ''}`.trim(), order.countryCode].filter((line): line is string => Boolean(line))
    : null;
  return { name: order.contactName ?? '', reference: order.reference, kits: order.kits, pickupPoint: order.pickupPoint?.name ?? null, address };
}

