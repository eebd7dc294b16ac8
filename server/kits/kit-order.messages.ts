import { type Locale } from '../common/locale.js';

/**
 * What a refused kit order says, in every language of the service (see common/messages.ts):
 * the sentences of kitOrderRules (kit-order.inputs.ts) and of the checks the service makes in
 * the database. Limits and the list of languages come from the rules, as parameters.
 */
export type KitOrderMessages = {
  name: string;
  email: string;
  kitsWhole: string;
  kitsAtLeastOne: string;
  kitsAtMost: (max: number) => string;
  /** `choices`: the kit languages' codes, each with its name in this language. */
  language: (choices: string) => string;
  pickupPointMissing: string;
  addressMissing: string;
  consent: string;
  line1: string;
  postalCode: string;
  belgianPostalCode: string;
  formLocale: (choices: string) => string;
  city: string;
  country: string;
  unknownFaculty: (slug: string) => string;
  unknownPickupPoint: string;
};

export const kitOrderMessages: Record<Locale, KitOrderMessages> = {
  en: {
    name: 'Tell us your name.',
    email: 'Enter a valid email address, e.g. name@vub.be.',
    kitsWhole: 'The number of kits must be a whole number.',
    kitsAtLeastOne: 'Order at least one kit.',
    kitsAtMost: (max) => `At most ${max} kits per order. Write to the organisers for more.`,
    language: (choices) => `Choose the kit language: ${choices}.`,
    pickupPointMissing: 'Choose where you will pick up your kits.',
    addressMissing: 'Enter the address to send your kits to.',
    consent: 'Please agree so that we can send your kits and contact you about the marathon.',
    line1: 'Enter the street and number.',
    postalCode: 'Enter a postal code, e.g. 1050.',
    belgianPostalCode: 'A Belgian postal code has four digits, e.g. 1050.',
    formLocale: (choices) => `The form's language must be one of ${choices}.`,
    city: 'Enter the city.',
    country: 'Use a two-letter country code, e.g. BE.',
    unknownFaculty: (slug) => `There is no faculty "${slug}".`,
    unknownPickupPoint: 'Choose one of the pickup points on the list.',
  },
  nl: {
    name: 'Vul je naam in.',
    email: 'Vul een geldig e-mailadres in, bv. naam@vub.be.',
    kitsWhole: 'Het aantal pakketten moet een geheel getal zijn.',
    kitsAtLeastOne: 'Bestel minstens één pakket.',
    kitsAtMost: (max) => `Hoogstens ${max} pakketten per bestelling. Schrijf de organisatoren voor meer.`,
    language: (choices) => `Kies de taal van de pakketten: ${choices}.`,
    pickupPointMissing: 'Kies waar je je pakketten ophaalt.',
    addressMissing: 'Vul het adres in waar we je pakketten naartoe sturen.',
    consent: 'Ga akkoord, zodat we je pakketten kunnen sturen en je over de marathon kunnen contacteren.',
    line1: 'Vul de straat en het huisnummer in.',
    postalCode: 'Vul een postcode in, bv. 1050.',
    belgianPostalCode: 'Een Belgische postcode heeft vier cijfers, bv. 1050.',
    formLocale: (choices) => `De taal van het formulier moet een van deze zijn: ${choices}.`,
    city: 'Vul de gemeente in.',
    country: 'Gebruik een landcode van twee letters, bv. BE.',
    unknownFaculty: (slug) => `Er is geen faculteit "${slug}".`,
    unknownPickupPoint: 'Kies een van de ophaalpunten op de lijst.',
  },
  fr: {
    name: 'Indiquez votre nom.',
    email: 'Indiquez une adresse e-mail valide, par ex. nom@vub.be.',
    kitsWhole: 'Le nombre de kits doit être un nombre entier.',
    kitsAtLeastOne: 'Commandez au moins un kit.',
    kitsAtMost: (max) => `${max} kits au maximum par commande. Écrivez aux organisateurs pour davantage.`,
    language: (choices) => `Choisissez la langue des kits : ${choices}.`,
    pickupPointMissing: 'Choisissez où retirer vos kits.',
    addressMissing: 'Indiquez l’adresse où envoyer vos kits.',
    consent: 'Acceptez pour que nous puissions vous envoyer vos kits et vous contacter au sujet du marathon.',
    line1: 'Indiquez la rue et le numéro.',
    postalCode: 'Indiquez un code postal, par ex. 1050.',
    belgianPostalCode: 'Un code postal belge a quatre chiffres, par ex. 1050.',
    formLocale: (choices) => `La langue du formulaire doit être l’une de celles-ci : ${choices}.`,
    city: 'Indiquez la ville.',
    country: 'Utilisez un code pays de deux lettres, par ex. BE.',
    unknownFaculty: (slug) => `Il n’y a pas de faculté « ${slug} ».`,
    unknownPickupPoint: 'Choisissez l’un des points de retrait de la liste.',
  },
};

/**
 * The kit languages as a sentence reads them in `locale`: "en (English), nl (Dutch) or fr
 * (French)", the names and the "or" from the platform's own language data (Intl), so that the
 * list is the rule's.
 */
export function languageChoices(codes: readonly string[], locale: Locale): string {
  // British English, as the rest of the service writes it: no comma before "or".
  const tag = locale === 'en' ? 'en-GB' : locale;
  const names = new Intl.DisplayNames([tag], { type: 'language' });
  return new Intl.ListFormat(tag, { type: 'disjunction' }).format(codes.map((code) => `${code} (${names.of(code) ?? code})`));
}
