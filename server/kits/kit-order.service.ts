import { randomInt } from 'node:crypto';
import { type DataSource, QueryFailedError, type Repository } from 'typeorm';
import { type CampaignService } from '../campaigns/campaign.service.js';
import { Faculty } from '../faculties/faculty.entity.js';
import { badUserInput, badUserInputFromZod, type FieldIssue } from '../graphql/errors.js';
import { kitConsentTexts } from './consent.js';
import { KitOrder } from './kit-order.entity.js';
import { KitDeliveryMethod, type KitOrderInput, type KitOrderReceipt, kitOrderSchema } from './kit-order.inputs.js';
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

  constructor(
    dataSource: DataSource,
    private readonly campaigns: CampaignService,
  ) {
    this.orders = dataSource.getRepository(KitOrder);
    this.pickupPoints = dataSource.getRepository(PickupPoint);
    this.faculties = dataSource.getRepository(Faculty);
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
      consentedAt: new Date(),
      status: 'requested',
    };

    // A clash of random references is rare; trying again with a new one is enough.
    for (let attempt = 1; ; attempt++) {
      const reference = newReference();
      try {
        await this.orders.insert({ ...row, reference });
        return { reference, kits: order.kits, deliveryMethod: order.delivery.method };
      } catch (error) {
        const uniqueViolation = error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
        if (!uniqueViolation || attempt >= 5) throw error;
      }
    }
  }
}
