import { type Locale } from '../common/locale.js';

/** The two things a pledge counts, as the sentences below name them. */
export type PledgeKind = 'appealLetters' | 'solidarityCards';

/**
 * What a refused pledge says, in every language of the service (see common/messages.ts): the
 * sentences of pledgeRules (pledge.rules.ts), of what the database finds (no such case, an
 * event that has closed) and of a key used again. Limits come from the rules, as parameters.
 */
export type PledgeMessages = {
  clientKey: string;
  countWhole: (kind: PledgeKind) => string;
  countNegative: (kind: PledgeKind) => string;
  countAtMost: (kind: PledgeKind, max: number) => string;
  caseMissing: string;
  noLines: string;
  tooManyLines: (max: number) => string;
  caseTwice: string;
  nothingPledged: string;
  tooManyInAll: (max: number) => string;
  eventClosed: (event: string, hours: number) => string;
  unknownCampaign: (slug: string) => string;
  noCurrentCampaign: string;
  unknownEvent: (slug: string) => string;
  unknownFaculty: (slug: string) => string;
  unknownCase: (slug: string) => string;
  keyReused: string;
};

const en = { appealLetters: 'appeal letters', solidarityCards: 'solidarity cards' };
const nl = { appealLetters: 'appelbrieven', solidarityCards: 'solidariteitskaarten' };
const fr = { appealLetters: 'lettres d’appel', solidarityCards: 'cartes de solidarité' };

export const pledgeMessages: Record<Locale, PledgeMessages> = {
  en: {
    clientKey: 'The pledge key must be a UUID made on the device.',
    countWhole: (kind) => `The number of ${en[kind]} must be a whole number.`,
    countNegative: (kind) => `The number of ${en[kind]} cannot be negative.`,
    countAtMost: (kind, max) => `At most ${max} ${en[kind]} per person in one pledge.`,
    caseMissing: 'Choose a person to write for.',
    noLines: 'Choose at least one person you wrote for.',
    tooManyLines: (max) => `A pledge can name at most ${max} people.`,
    caseTwice: 'Each person can appear only once in a pledge.',
    nothingPledged: 'Pledge at least one letter or card.',
    tooManyInAll: (max) => `At most ${max} letters and cards in one pledge.`,
    eventClosed: (event, hours) => `The event "${event}" has ended: pledges for it were taken until ${hours} hours after its end.`,
    unknownCampaign: (slug) => `There is no campaign "${slug}".`,
    noCurrentCampaign: 'There is no current campaign to pledge to.',
    unknownEvent: (slug) => `There is no event "${slug}" in this campaign.`,
    unknownFaculty: (slug) => `There is no faculty "${slug}".`,
    unknownCase: (slug) => `There is no case "${slug}" in this campaign.`,
    keyReused: 'This pledge key was already used for a different pledge. Make a new key for a new pledge.',
  },
  nl: {
    clientKey: 'De sleutel van de belofte moet een UUID zijn, gemaakt op het toestel.',
    countWhole: (kind) => `Het aantal ${nl[kind]} moet een geheel getal zijn.`,
    countNegative: (kind) => `Het aantal ${nl[kind]} kan niet negatief zijn.`,
    countAtMost: (kind, max) => `Hoogstens ${max} ${nl[kind]} per persoon in één belofte.`,
    caseMissing: 'Kies een persoon om voor te schrijven.',
    noLines: 'Kies minstens één persoon voor wie je schreef.',
    tooManyLines: (max) => `Een belofte kan hoogstens ${max} personen noemen.`,
    caseTwice: 'Elke persoon kan maar één keer in een belofte staan.',
    nothingPledged: 'Beloof minstens één brief of kaart.',
    tooManyInAll: (max) => `Hoogstens ${max} brieven en kaarten in één belofte.`,
    eventClosed: (event, hours) => `Het evenement "${event}" is voorbij: beloftes ervoor werden aangenomen tot ${hours} uur na het einde.`,
    unknownCampaign: (slug) => `Er is geen campagne "${slug}".`,
    noCurrentCampaign: 'Er is nu geen campagne om voor te beloven.',
    unknownEvent: (slug) => `Er is geen evenement "${slug}" in deze campagne.`,
    unknownFaculty: (slug) => `Er is geen faculteit "${slug}".`,
    unknownCase: (slug) => `Er is geen geval "${slug}" in deze campagne.`,
    keyReused: 'Deze sleutel werd al gebruikt voor een andere belofte. Maak een nieuwe sleutel voor een nieuwe belofte.',
  },
  fr: {
    clientKey: 'La clé de l’engagement doit être un UUID créé sur l’appareil.',
    countWhole: (kind) => `Le nombre de ${fr[kind]} doit être un nombre entier.`,
    countNegative: (kind) => `Le nombre de ${fr[kind]} ne peut pas être négatif.`,
    countAtMost: (kind, max) => `Au maximum ${max} ${fr[kind]} par personne dans un engagement.`,
    caseMissing: 'Choisissez une personne pour qui écrire.',
    noLines: 'Choisissez au moins une personne pour qui vous avez écrit.',
    tooManyLines: (max) => `Un engagement peut nommer au maximum ${max} personnes.`,
    caseTwice: 'Chaque personne ne peut figurer qu’une fois dans un engagement.',
    nothingPledged: 'Engagez-vous pour au moins une lettre ou une carte.',
    tooManyInAll: (max) => `Au maximum ${max} lettres et cartes dans un engagement.`,
    eventClosed: (event, hours) => `L’événement « ${event} » est terminé : les engagements étaient acceptés jusqu’à ${hours} heures après sa fin.`,
    unknownCampaign: (slug) => `Il n’y a pas de campagne « ${slug} ».`,
    noCurrentCampaign: 'Il n’y a pas de campagne en cours.',
    unknownEvent: (slug) => `Il n’y a pas d’événement « ${slug} » dans cette campagne.`,
    unknownFaculty: (slug) => `Il n’y a pas de faculté « ${slug} ».`,
    unknownCase: (slug) => `Il n’y a pas de cas « ${slug} » dans cette campagne.`,
    keyReused: 'Cette clé a déjà servi pour un autre engagement. Créez une nouvelle clé pour un nouvel engagement.',
  },
};
