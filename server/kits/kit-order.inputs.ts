import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { z } from 'zod';
import { locales, type Locale } from '../common/locale.js';
import { commonMessages, inEveryLocale } from '../common/messages.js';
import { optionalLine, requiredText } from '../common/validation.js';
import { KitDeliveryMethod } from './kit-order.entity.js';
import { kitOrderMessages, languageChoices } from './kit-order.messages.js';

const MAX_KITS = 50;
/** Languages the kits' letter templates come in: the service's own. */
export const kitLanguages = locales;

@InputType({ description: 'Where kits are sent to.' })
export class PostalAddressInput {
  @Field(() => String, { description: 'Street and number.' })
  line1!: string;

  @Field(() => String, { nullable: true, description: 'Box, floor or c/o.' })
  line2?: string | null;

  @Field(() => String, { description: 'The postal code.' })
  postalCode!: string;

  @Field(() => String, { description: 'The city or town.' })
  city!: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code; BE when absent.' })
  country?: string | null;
}

@InputType({ description: 'How the kits reach the student: a pickup point on campus or a postal address.' })
export class KitDeliveryInput {
  @Field(() => KitDeliveryMethod, { description: 'Pickup on campus or post.' })
  method!: KitDeliveryMethod;

  @Field(() => String, { nullable: true, description: 'Pickup point slug, for method PICKUP.' })
  pickupPoint?: string | null;

  @Field(() => PostalAddressInput, { nullable: true, description: 'For method POST.' })
  address?: PostalAddressInput | null;
}

@InputType({ description: 'A request for free writing kits.' })
export class KitOrderInput {
  @Field(() => String, { description: 'Who the kits are for; seen by organisers only.' })
  name!: string;

  @Field(() => String, { description: 'Where to send the confirmation; seen by organisers only.' })
  email!: string;

  @Field(() => Int, { description: 'How many writing kits: 1 to 50.' })
  kits!: number;

  @Field(() => String, { description: 'Language of the letter templates: en, nl or fr.' })
  language!: string;

  @Field(() => String, { nullable: true, description: 'Faculty slug.' })
  faculty?: string | null;

  @Field(() => KitDeliveryInput, { description: 'Pickup point on campus, or a postal address.' })
  delivery!: KitDeliveryInput;

  @Field(() => Boolean, { description: 'The student agrees to the consent text (see kitOrderConsent).' })
  consent!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Language the form was shown in (en, nl, fr), so the consent text stored is the one the student read.',
  })
  locale?: string | null;

  @Field(() => String, { nullable: true, description: 'Forms only: a field hidden from people. Anything in it marks the sender as a script.' })
  website?: string | null;

  @Field(() => Int, { nullable: true, description: 'Forms only: milliseconds from showing the form to submitting it.' })
  fillTimeMs?: number | null;
}

@ObjectType({ description: 'What the student keeps after ordering: no personal data.' })
export class KitOrderReceipt {
  @Field(() => String, { description: 'Short reference to quote when asking about the order, e.g. "KIT-7QM4XA".' })
  reference!: string;

  @Field(() => Int, { description: 'How many writing kits were ordered.' })
  kits!: number;

  @Field(() => KitDeliveryMethod, { description: 'Pickup on campus or post, as ordered.' })
  deliveryMethod!: KitDeliveryMethod;
}

/** What any country's postal code looks like; a code not like this gets the general sentence only. */
const postalCodeShape = /^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/;

/** The rules of a postal address, worded in `locale`. */
const addressRules = (locale: Locale) => {
  const m = kitOrderMessages[locale];
  return z.object({
    line1: requiredText(200, m.line1, locale),
    line2: optionalLine(200, locale),
    postalCode: z
      .string()
      .trim()
      .regex(postalCodeShape, m.postalCode),
    city: requiredText(100, m.city, locale),
    country: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, m.country)
      .transform((code) => code.toUpperCase())
      .nullish(),
  })
  // An address with no country is in Belgium (the export says BE), where a postal code is four
  // digits from 1000: a kit posted to "ABC" never arrives.
  .superRefine((address, ctx) => {
    const belgian = (address.country ?? 'BE') === 'BE';
    if (belgian && postalCodeShape.test(address.postalCode) && !/^[1-9][0-9]{3}$/.test(address.postalCode)) {
      ctx.addIssue({ code: 'custom', path: ['postalCode'], message: m.belgianPostalCode });
    }
  });
};

/** The rules a kit order must meet before anything is stored, worded in `locale` (kit-order.messages.ts). */
const kitOrderRules = (locale: Locale) => {
  const m = kitOrderMessages[locale];
  return z.object({
    name: requiredText(120, m.name, locale),
    email: z.string().trim().max(254, commonMessages[locale].tooLong(254)).pipe(z.email(m.email)),
    kits: z.number().int(m.kitsWhole).min(1, m.kitsAtLeastOne).max(MAX_KITS, m.kitsAtMost(MAX_KITS)),
    language: z.enum(kitLanguages, m.language(languageChoices(kitLanguages, locale))),
    faculty: z.string().trim().min(1).max(100).nullish(),
    // Checked within the delivery object, so that these messages come with the others
    // rather than only once every other field is right.
    delivery: z
      .object({
        method: z.enum(KitDeliveryMethod),
        pickupPoint: z.string().trim().max(100).nullish(),
        address: addressRules(locale).nullish(),
      })
      .superRefine((delivery, ctx) => {
        if (delivery.method === KitDeliveryMethod.PICKUP && !delivery.pickupPoint) {
          ctx.addIssue({ code: 'custom', path: ['pickupPoint'], message: m.pickupPointMissing });
        }
        if (delivery.method === KitDeliveryMethod.POST && !delivery.address) {
          ctx.addIssue({ code: 'custom', path: ['address'], message: m.addressMissing });
        }
      }),
    consent: z.literal(true, m.consent),
    locale: z.enum(kitLanguages, m.formLocale(languageChoices(kitLanguages, locale))).nullish(),
  });
};

/** The kit order rules in each language, made once. */
export const kitOrderRulesIn = inEveryLocale(kitOrderRules);
