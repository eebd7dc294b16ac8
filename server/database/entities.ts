import { ApiToken } from '../auth/api-token.entity.js';
import { SignInCode } from '../auth/sign-in-code.entity.js';
import { Campaign } from '../campaigns/campaign.entity.js';
import { Case } from '../cases/case.entity.js';
import { ContentTranslation } from '../content/content-translation.entity.js';
import { Event } from '../events/event.entity.js';
import { Faculty } from '../faculties/faculty.entity.js';
import { KitOrderEmail } from '../kits/kit-order-email.entity.js';
import { KitOrder } from '../kits/kit-order.entity.js';
import { KitOrderStatusChange } from '../kits/kit-order-status-change.entity.js';
import { PickupPoint } from '../kits/pickup-point.entity.js';
import { PledgeCorrection } from '../pledges/pledge-correction.entity.js';
import { Pledge, PledgeLine } from '../pledges/pledge.entity.js';
import { ServerSecret } from './server-secret.entity.js';
import { CaseTally, ScopeTally } from '../totals/tally.entity.js';

/**
 * Every table the service maps; the migrations must create exactly these (a test checks). The
 * one place where the database layer knows the features: by their entities.
 */
export const entities = [
  Campaign,
  Case,
  Faculty,
  Event,
  Pledge,
  PledgeLine,
  CaseTally,
  ScopeTally,
  PickupPoint,
  KitOrder,
  KitOrderStatusChange,
  ApiToken,
  PledgeCorrection,
  ServerSecret,
  SignInCode,
  KitOrderEmail,
  ContentTranslation,
];
