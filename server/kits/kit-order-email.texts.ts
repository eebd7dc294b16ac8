import { EmailKind } from './kit-order-email.entity.js';

/** The languages of the kit form, and so of its emails. */
export type EmailLocale = 'en' | 'nl' | 'fr';

/** What an email about a kit order says; composed when it is queued, so a retry sends the same words. */
export type KitEmailFacts = {
  name: string;
  reference: string;
  kits: number;
  /** The pickup point's name for pickup orders. */
  pickupPoint: string | null;
  /** The postal address, one line per entry, for postal orders. */
  address: string[] | null;
};

type Texts = {
  greeting: (name: string) => string;
  confirmation: { subject: (reference: string) => string; body: (facts: KitEmailFacts) => string };
  shipped: { subject: (reference: string) => string; body: (facts: KitEmailFacts) => string };
  ready: { subject: (reference: string) => string; body: (facts: KitEmailFacts) => string };
  signature: string;
};

const lines = (address: string[] | null) => (address ?? []).map((line) => `  ${line}`).join('\n');

const texts: Record<EmailLocale, Texts> = {
  en: {
    greeting: (name) => `Hello ${name},`,
    confirmation: {
      subject: (reference) => `Your writing kits for Write for Rights (${reference})`,
      body: (f) =>
        `Thank you for ordering ${f.kits === 1 ? 'a writing kit' : `${f.kits} writing kits`}. Your reference is ${f.reference}.\n\n` +
        (f.pickupPoint
          ? `You will pick them up at ${f.pickupPoint}. We will email you again when they are ready.`
          : `We will post them to:\n${lines(f.address)}\nWe will email you again when they are on their way.`) +
        '\n\nQuote the reference if you have a question.',
    },
    shipped: {
      subject: (reference) => `Your writing kits are on their way (${reference})`,
      body: (f) => `Your writing kits (${f.reference}) have been posted to:\n${lines(f.address)}`,
    },
    ready: {
      subject: (reference) => `Your writing kits are ready to pick up (${reference})`,
      body: (f) => `Your writing kits (${f.reference}) are ready at ${f.pickupPoint}. Quote the reference when you collect them.`,
    },
    signature: 'Thank you for writing,\nThe Amnesty International student group',
  },
  nl: {
    greeting: (name) => `Hallo ${name},`,
    confirmation: {
      subject: (reference) => `Je schrijfpakketten voor Write for Rights (${reference})`,
      body: (f) =>
        `Bedankt voor je bestelling van ${f.kits === 1 ? 'een schrijfpakket' : `${f.kits} schrijfpakketten`}. Je referentie is ${f.reference}.\n\n` +
        (f.pickupPoint
          ? `Je haalt ze op bij ${f.pickupPoint}. We mailen je opnieuw zodra ze klaarliggen.`
          : `We sturen ze naar:\n${lines(f.address)}\nWe mailen je opnieuw zodra ze onderweg zijn.`) +
        '\n\nNoem de referentie als je een vraag hebt.',
    },
    shipped: {
      subject: (reference) => `Je schrijfpakketten zijn onderweg (${reference})`,
      body: (f) => `Je schrijfpakketten (${f.reference}) zijn verstuurd naar:\n${lines(f.address)}`,
    },
    ready: {
      subject: (reference) => `Je schrijfpakketten liggen klaar (${reference})`,
      body: (f) => `Je schrijfpakketten (${f.reference}) liggen klaar bij ${f.pickupPoint}. Noem de referentie bij het ophalen.`,
    },
    signature: 'Bedankt om te schrijven,\nDe studentengroep van Amnesty International',
  },
  fr: {
    greeting: (name) => `Bonjour ${name},`,
    confirmation: {
      subject: (reference) => `Vos kits d'écriture pour Write for Rights (${reference})`,
      body: (f) =>
        `Merci d'avoir commandé ${f.kits === 1 ? "un kit d'écriture" : `${f.kits} kits d'écriture`}. Votre référence est ${f.reference}.\n\n` +
        (f.pickupPoint
          ? `Vous les retirerez à ${f.pickupPoint}. Nous vous écrirons quand ils seront prêts.`
          : `Nous les envoyons à :\n${lines(f.address)}\nNous vous écrirons quand ils seront en route.`) +
        '\n\nDonnez la référence pour toute question.',
    },
    shipped: {
      subject: (reference) => `Vos kits d'écriture sont en route (${reference})`,
      body: (f) => `Vos kits d'écriture (${f.reference}) ont été postés à :\n${lines(f.address)}`,
    },
    ready: {
      subject: (reference) => `Vos kits d'écriture sont prêts (${reference})`,
      body: (f) => `Vos kits d'écriture (${f.reference}) sont prêts à ${f.pickupPoint}. Donnez la référence au retrait.`,
    },
    signature: "Merci d'écrire,\nLe groupe étudiant d'Amnesty International",
  },
};

/** The subject and plain-text body of one email about a kit order, in the form's language. */
export function composeKitEmail(kind: EmailKind, locale: EmailLocale, facts: KitEmailFacts): { subject: string; body: string } {
  const t = texts[locale];
  const part = kind === EmailKind.CONFIRMATION ? t.confirmation : kind === EmailKind.SHIPPED ? t.shipped : t.ready;
  return { subject: part.subject(facts.reference), body: `${t.greeting(facts.name)}\n\n${part.body(facts)}\n\n${t.signature}\n` };
}
