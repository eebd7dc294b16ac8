import { type Operation } from './request';
import { type Faculty } from './pledge';

export type PickupPoint = { slug: string; name: string; details: string | null };
export type KitDeliveryMethod = 'PICKUP' | 'POST';
export type KitLanguage = 'en' | 'nl' | 'fr';

export type KitOrderInput = {
  name: string;
  email: string;
  kits: number;
  language: KitLanguage;
  faculty?: string | null;
  delivery: {
    method: KitDeliveryMethod;
    pickupPoint?: string | null;
    address?: { line1: string; line2?: string | null; postalCode: string; city: string; country?: string | null } | null;
  };
  consent: boolean;
  locale: KitLanguage;
  /** The honeypot: people never see it, so it stays empty. */
  website?: string | null;
  /** How long the form was open before it was sent. */
  fillTimeMs?: number;
};
export type KitOrderReceipt = { reference: string; kits: number; deliveryMethod: KitDeliveryMethod };

export const LOAD_KIT_FORM: Operation = {
  operationName: 'LoadKitForm',
  query: /* GraphQL */ `
    query LoadKitForm($locale: String!) {
      faculties { slug name }
      pickupPoints { slug name details }
      kitOrderConsent(locale: $locale)
      kitOrderEmails
    }
  `,
};
export type LoadKitFormResult = { faculties: Faculty[]; pickupPoints: PickupPoint[]; kitOrderConsent: string; kitOrderEmails: boolean };

export const GET_KIT_CONSENT: Operation = {
  operationName: 'GetKitConsent',
  query: /* GraphQL */ `
    query GetKitConsent($locale: String!) {
      kitOrderConsent(locale: $locale)
    }
  `,
};
export type GetKitConsentResult = { kitOrderConsent: string };

export const ORDER_KIT: Operation = {
  operationName: 'OrderKit',
  query: /* GraphQL */ `
    mutation OrderKit($input: KitOrderInput!) {
      orderKit(input: $input) { reference kits deliveryMethod }
    }
  `,
};
export type OrderKitResult = { orderKit: KitOrderReceipt };
