import { type kitLanguages } from './kit-order.inputs.js';

/**
 * What a student agrees to when ordering kits, per form language. The exact text shown is
 * stored with each order; change it by adding a new wording, never by editing one in place.
 */
export const kitConsentTexts: Record<(typeof kitLanguages)[number], string> = {
  en: 'I agree that the Amnesty International student group and the university use my name, email and address to send me writing kits and to contact me about this writing marathon. My data is deleted after the marathon, or earlier when I ask.',
  nl: 'Ik ga ermee akkoord dat de Amnesty International-studentengroep en de universiteit mijn naam, e-mailadres en adres gebruiken om mij schrijfpakketten te sturen en mij te contacteren over deze schrijfmarathon. Mijn gegevens worden na de marathon gewist, of eerder als ik daarom vraag.',
  fr: "J'accepte que le groupe étudiant d'Amnesty International et l'université utilisent mon nom, mon adresse e-mail et mon adresse pour m'envoyer des kits d'écriture et me contacter au sujet de ce marathon d'écriture. Mes données sont effacées après le marathon, ou plus tôt si je le demande.",
};
