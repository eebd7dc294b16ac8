import DataLoader from 'dataloader';
import { type DataSource, type EntityTarget } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity.js';
import { type CampaignService } from '../campaigns/campaign.service.js';
import { Case } from '../cases/case.entity.js';
import { type CaseService } from '../cases/case.service.js';
import { badUserInput, notFound } from '../common/errors.js';
import { type LiveChanges } from '../common/live-changes.js';
import { isLocale, type Locale, type TranslatedLocale } from '../common/locale.js';
import { isMultiline, parseInput } from '../common/validation.js';
import { Event } from '../events/event.entity.js';
import { type EventService } from '../events/event.service.js';
import { Faculty } from '../faculties/faculty.entity.js';
import { type FacultyService } from '../faculties/faculty.service.js';
import { type KitOrderService } from '../kits/kit-order.service.js';
import { PickupPoint } from '../kits/pickup-point.entity.js';
import { type ContentTextConfirmInput, type ContentTextInput } from './content.inputs.js';
import { clearTranslation, confirmTranslation, type ContentKey, saveTranslation, translationsDigest, translationsOf, type TranslationRow } from './content.queries.js';
import { fieldsOf, labelField, translatableFields } from './content.rules.js';
import { ContentSubject, type ContentText } from './content.types.js';

/** A campaign, case, event, faculty or pickup point, as far as its texts go. */
export type ContentObject = { id: number; slug: string };

/** Where each kind of object keeps its English texts. */
const entityOf: Record<ContentSubject, EntityTarget<ContentObject>> = {
  [ContentSubject.CAMPAIGN]: Campaign,
  [ContentSubject.CASE]: Case,
  [ContentSubject.EVENT]: Event,
  [ContentSubject.FACULTY]: Faculty,
  [ContentSubject.PICKUP_POINT]: PickupPoint,
};

/** One translation: its text, and the English it was made from ('' for none). */
type Translated = { text: string; madeFrom: string };
/** One object's texts in one language, by field. */
type Texts = ReadonlyMap<string, Translated>;
const noTexts: Texts = new Map();

const keyOf = ({ subject, id }: ContentKey) => `${subject}:${id}`;
const englishOf = (object: ContentObject, field: string) => ((object as unknown as Record<string, unknown>)[field] as string | null | undefined) ?? null;
/** Whether a translation was made from another English text than the object's of now. */
const isOutdated = (object: ContentObject, field: string, translated: Translated) => translated.madeFrom !== (englishOf(object, field) ?? '');

/**
 * The content in three languages: what a reader sees of a translatable field in the request's
 * language (English where there is no translation yet, and which fields fell back), and the
 * organisers' editor of every language. English is each object's own column; Dutch and French
 * are rows of content_translation.
 */
export class ContentService {
  /**
   * One object's texts in Dutch or French. Every object asked about until the current query has
   * resolved all it can without waiting (a list of cases, a live snapshot's cases) is read in
   * one query; nothing is kept after it (no cache), so an edit shows at the next read, in every
   * process.
   */
  private readonly loaders: Record<TranslatedLocale, DataLoader<ContentKey, Texts, string>> = {
    nl: this.loaderOf('nl'),
    fr: this.loaderOf('fr'),
  };

  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignService,
    private readonly cases: CaseService,
    private readonly events: EventService,
    private readonly faculties: FacultyService,
    private readonly kitOrders: KitOrderService,
    private readonly live: LiveChanges,
  ) {}

  /**
   * A field of an object in this language, or in English where it has no translation. English
   * is answered at once, with no promise for GraphQL to wait on: most fields of most requests.
   */
  text(locale: Locale, subject: ContentSubject, object: ContentObject, field: string): string | null | Promise<string | null> {
    const english = englishOf(object, field);
    if (locale === 'en') return english;
    return this.textsOf(locale, { subject, id: object.id }).then((texts) => texts.get(field)?.text ?? english);
  }

  /** A pickup point's name in this language, or in English (the kit orders' emails name it so). */
  pickupPointName(point: PickupPoint, locale: Locale): string | null | Promise<string | null> {
    return this.text(locale, ContentSubject.PICKUP_POINT, point, 'name');
  }

  /** The fields of an object shown in English because this language has no text for them yet. */
  untranslated(locale: Locale, subject: ContentSubject, object: ContentObject): string[] | Promise<string[]> {
    if (locale === 'en') return [];
    return this.textsOf(locale, { subject, id: object.id }).then((texts) => fieldsOf(subject).filter((field) => englishOf(object, field) !== null && !texts.has(field)));
  }

  /**
   * The fields of an object whose translation in this language was made from an English text
   * that has changed since: shown, but perhaps no longer saying what the English says.
   */
  outdated(locale: Locale, subject: ContentSubject, object: ContentObject): string[] | Promise<string[]> {
    if (locale === 'en') return [];
    return this.textsOf(locale, { subject, id: object.id }).then((texts) =>
      fieldsOf(subject).filter((field) => {
        const translated = texts.get(field);
        return translated !== undefined && isOutdated(object, field, translated);
      }),
    );
  }

  /**
   * The translations of these objects in both languages, as one short string that changes
   * whenever one of them does (live totals compare it, to send a snapshot whose names changed in
   * another process). One query.
   */
  translationsFingerprint(objects: readonly ContentKey[]): Promise<string> {
    return translationsDigest(this.dataSource, objects);
  }

  /**
   * Organisers: every translatable text of a campaign and its cases and events, of the faculties
   * and of the pickup points students can choose, in every language.
   */
  async list(campaign: Campaign): Promise<ContentText[]> {
    const [cases, events, faculties, pickupPoints] = await Promise.all([
      this.cases.listByCampaign(campaign.id),
      this.events.listByCampaign(campaign.id),
      this.faculties.list(),
      this.kitOrders.listPickupPoints(),
    ]);
    const objects: [ContentSubject, ContentObject[]][] = [
      [ContentSubject.CAMPAIGN, [campaign]],
      [ContentSubject.CASE, cases],
      [ContentSubject.EVENT, events],
      [ContentSubject.FACULTY, faculties],
      [ContentSubject.PICKUP_POINT, pickupPoints],
    ];
    const rows = await translationsOf(
      this.dataSource,
      objects.flatMap(([subject, list]) => list.map((object) => ({ subject, id: object.id }))),
    );
    const translations = indexed(rows);
    return objects.flatMap(([subject, list]) => list.flatMap((object) => fieldsOf(subject).map((field) => contentText(subject, object, field, translations))));
  }

  /**
   * Organisers: one text of one object in one language. English changes the object's own
   * column; Dutch or French its translation, cleared by an empty text. The text follows the
   * field's rules in every language.
   */
  async set(campaign: Campaign, input: ContentTextInput): Promise<ContentText> {
    const rules = translatableFields[input.subject];
    if (!Object.hasOwn(rules, input.field)) {
      throw badUserInput([{ field: 'input.field', message: `"${input.field}" is not a translatable text of a ${input.subject.replace('_', ' ')}; use one of ${fieldsOf(input.subject).join(', ')}.` }]);
    }
    if (!isLocale(input.locale)) throw badUserInput([{ field: 'input.locale', message: 'Use en (English), nl (Dutch) or fr (French).' }]);
    // An empty campaign slug would otherwise mean "the current campaign" to CampaignService.get.
    if (!input.slug.trim()) throw badUserInput([{ field: 'input.slug', message: 'Give the slug of the object the text belongs to.' }]);
    const rule = rules[input.field]!;
    const object = await this.find(campaign, input.subject, input.slug);
    const key = { subject: input.subject, id: object.id };
    if (input.locale === 'en') {
      // An empty English text is null where the field may be empty, and refused where it may not.
      const text = parseInput(rule, input.text ?? '', 'input.text');
      await this.dataSource.getRepository(entityOf[input.subject]).update({ id: object.id }, { [input.field]: text });
    } else if (!input.text?.trim()) {
      await clearTranslation(this.dataSource, key, input.field, input.locale);
    } else {
      const text = parseInput(rule, input.text, 'input.text');
      await saveTranslation(this.dataSource, key, input.field, input.locale, text!, englishOf(object, input.field) ?? '');
    }
    // The live screen shows the campaign's title and its cases' names, in every language.
    if (input.subject === ContentSubject.CAMPAIGN) this.live.changed({ campaignId: object.id });
    if (input.subject === ContentSubject.CASE) this.live.changed({ campaignId: campaign.id });
    const saved = await this.find(campaign, input.subject, input.slug);
    return contentText(input.subject, saved, input.field, indexed(await translationsOf(this.dataSource, [key])));
  }

  /**
   * Organisers: a Dutch or French translation still says what the English says, although the
   * English changed after it was written. It is then made from the English of now, and no longer
   * outdated. Refused when the English changed again since the organiser read it.
   */
  async confirm(campaign: Campaign, input: ContentTextConfirmInput): Promise<ContentText> {
    const rules = translatableFields[input.subject];
    if (!Object.hasOwn(rules, input.field)) {
      throw badUserInput([{ field: 'input.field', message: `"${input.field}" is not a translatable text of a ${input.subject.replace('_', ' ')}; use one of ${fieldsOf(input.subject).join(', ')}.` }]);
    }
    if (input.locale !== 'nl' && input.locale !== 'fr') throw badUserInput([{ field: 'input.locale', message: 'Confirm a Dutch (nl) or French (fr) translation; English is the source.' }]);
    if (!input.slug.trim()) throw badUserInput([{ field: 'input.slug', message: 'Give the slug of the object the text belongs to.' }]);
    const object = await this.find(campaign, input.subject, input.slug);
    const english = englishOf(object, input.field);
    if (input.english !== undefined && (input.english ?? '') !== (english ?? '')) {
      throw badUserInput([{ field: 'input.english', message: 'The English text has changed again since you read it: read it and the translation again before confirming.' }]);
    }
    const key = { subject: input.subject, id: object.id };
    if (!(await confirmTranslation(this.dataSource, key, input.field, input.locale, english ?? ''))) {
      throw badUserInput([{ field: 'input.locale', message: 'There is no translation in this language to confirm: write one instead.' }]);
    }
    return contentText(input.subject, object, input.field, indexed(await translationsOf(this.dataSource, [key])));
  }

  /** The object a text belongs to; cases within the campaign. An unknown slug is NOT_FOUND. */
  private async find(campaign: Campaign, subject: ContentSubject, slug: string): Promise<ContentObject> {
    switch (subject) {
      case ContentSubject.CAMPAIGN:
        return this.campaigns.get(slug, 'input.slug');
      case ContentSubject.CASE:
        return this.cases.get(campaign.id, slug, 'input.slug');
      case ContentSubject.EVENT:
        return this.events.get(slug, 'input.slug');
      case ContentSubject.FACULTY:
        return this.faculties.get(slug, 'input.slug');
      case ContentSubject.PICKUP_POINT: {
        const found = (await this.kitOrders.listPickupPoints()).find((point) => point.slug === slug);
        if (!found) throw notFound(`There is no pickup point "${slug}".`, 'input.slug');
        return found;
      }
    }
  }

  private textsOf(locale: TranslatedLocale, key: ContentKey): Promise<Texts> {
    return this.loaders[locale].load(key);
  }

  private loaderOf(locale: TranslatedLocale): DataLoader<ContentKey, Texts, string> {
    return new DataLoader(
      async (keys) => {
        const byObject = new Map<string, Map<string, Translated>>();
        for (const row of await translationsOf(this.dataSource, keys, locale)) {
          const objectKey = keyOf({ subject: row.subject, id: row.object_id });
          byObject.set(objectKey, (byObject.get(objectKey) ?? new Map()).set(row.field, { text: row.text, madeFrom: row.made_from }));
        }
        return keys.map((key) => byObject.get(keyOf(key)) ?? noTexts);
      },
      { cache: false, cacheKeyFn: keyOf },
    );
  }
}

/** Translations by object, field and language. */
type Translations = ReadonlyMap<string, Translated>;
const translationKey = (subject: ContentSubject, id: number, field: string, locale: TranslatedLocale) => `${subject}:${id}:${field}:${locale}`;
const indexed = (rows: readonly TranslationRow[]): Translations =>
  new Map(rows.map((row) => [translationKey(row.subject, row.object_id, row.field, row.locale), { text: row.text, madeFrom: row.made_from }]));

/** One field of one object in every language, from its English column and its translations. */
function contentText(subject: ContentSubject, object: ContentObject, field: string, translations: Translations): ContentText {
  const translation = (locale: TranslatedLocale) => translations.get(translationKey(subject, object.id, field, locale)) ?? null;
  const [nl, fr] = [translation('nl'), translation('fr')];
  const madeFrom = (translated: Translated | null) => (translated && isOutdated(object, field, translated) ? translated.madeFrom : null);
  return {
    subject,
    slug: object.slug,
    label: englishOf(object, labelField[subject]) ?? object.slug,
    field,
    en: englishOf(object, field),
    nl: nl?.text ?? null,
    fr: fr?.text ?? null,
    multiline: isMultiline(translatableFields[subject][field]!),
    outdated: (['nl', 'fr'] as const).filter((locale) => madeFrom(translation(locale)) !== null),
    nlMadeFrom: madeFrom(nl),
    frMadeFrom: madeFrom(fr),
  };
}
