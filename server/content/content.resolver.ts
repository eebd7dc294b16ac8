import { Arg, Authorized, type ClassType, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Campaign } from '../campaigns/campaign.entity.js';
import { type CampaignService } from '../campaigns/campaign.service.js';
import { Case } from '../cases/case.entity.js';
import { type Context } from '../common/context.js';
import { type Locale } from '../common/locale.js';
import { ORGANISERS } from '../common/viewer.js';
import { Event } from '../events/event.entity.js';
import { Faculty } from '../faculties/faculty.entity.js';
import { PickupPoint } from '../kits/pickup-point.entity.js';
import { ContentTextConfirmInput, ContentTextInput } from './content.inputs.js';
import { fieldsOf } from './content.rules.js';
import { type ContentObject, type ContentService } from './content.service.js';
import { ContentSubject, ContentText } from './content.types.js';

/** Organisers' editor of every language (/admin's Texts tab). */
@Resolver(() => ContentText)
export class ContentResolver {
  constructor(
    private readonly campaignService: CampaignService,
    private readonly contentService: ContentService,
  ) {}

  @Authorized(ORGANISERS)
  @Query(() => [ContentText], {
    description:
      'Organisers: every translatable text of a campaign (by default the current one) and its cases and events, of the faculties and of the pickup points, in every language. The untranslated ones have nl or fr null while en is not.',
  })
  async contentTexts(@Arg('campaign', () => String, { nullable: true, description: 'A campaign slug; none: the current campaign.' }) campaignSlug?: string | null): Promise<ContentText[]> {
    return this.contentService.list(await this.campaignService.get(campaignSlug));
  }

  @Authorized(ORGANISERS)
  @Mutation(() => ContentText, {
    description:
      'Organisers: sets one text of one object in one language (en changes the English text itself). An unknown slug is NOT_FOUND; a field that is not translatable, another locale or a text against the field\'s rules is BAD_USER_INPUT naming the field.',
  })
  async setContentText(
    @Arg('input', () => ContentTextInput, { description: 'The object, field, language and text.' }) input: ContentTextInput,
    @Arg('campaign', () => String, { nullable: true, description: "The campaign of a case; none: the current campaign." }) campaignSlug?: string | null,
  ): Promise<ContentText> {
    return this.contentService.set(await this.campaignService.get(campaignSlug), input);
  }

  @Authorized(ORGANISERS)
  @Mutation(() => ContentText, {
    description:
      "Organisers: says that a Dutch or French translation still says what the English says, although the English changed after it was written; it is then no longer outdated, and its text stays as it is. An unknown slug is NOT_FOUND; a field that is not translatable, a locale other than nl or fr, a translation that does not exist, or an English text that changed again since the organiser read it is BAD_USER_INPUT naming the field.",
  })
  async confirmContentText(
    @Arg('input', () => ContentTextConfirmInput, { description: 'The object, field and language of the translation, and the English it was checked against.' }) input: ContentTextConfirmInput,
    @Arg('campaign', () => String, { nullable: true, description: 'The campaign of a case; none: the current campaign.' }) campaignSlug?: string | null,
  ): Promise<ContentText> {
    return this.contentService.confirm(await this.campaignService.get(campaignSlug), input);
  }
}

/**
 * The resolver of one type's translatable fields, made from the one list of them
 * (content.rules.ts): each field the type declares is answered in the request's language, with
 * English where there is no translation, and `language` and `untranslated` say which.
 * The fields' types and descriptions stay on the type's own class; this adds only how they resolve.
 */
function contentFieldsResolver<T extends ContentObject>(type: ClassType<T>, subject: ContentSubject): ClassType {
  @Resolver(() => type)
  class ContentFieldsResolver {
    constructor(readonly contentService: ContentService) {}

    @FieldResolver(() => String, { description: 'The language the request asked for (en, nl or fr), in which the texts come where they are translated.' })
    language(@Ctx() { locale }: Context): Locale {
      return locale;
    }

    @FieldResolver(() => [String], { description: 'The fields shown in English because the asked language has no text for them yet; empty when nothing fell back.' })
    untranslated(@Root() object: T, @Ctx() { locale }: Context): string[] | Promise<string[]> {
      return this.contentService.untranslated(locale, subject, object);
    }

    @FieldResolver(() => [String], {
      description:
        'The fields shown in the asked language whose translation was made from an English text that has changed since: they may no longer say what the English says. Empty in English and when every translation is current.',
    })
    outdated(@Root() object: T, @Ctx() { locale }: Context): string[] | Promise<string[]> {
      return this.contentService.outdated(locale, subject, object);
    }
  }
  for (const field of fieldsOf(subject)) {
    const resolve = function (this: ContentFieldsResolver, object: T, { locale }: Context) {
      return this.contentService.text(locale, subject, object, field);
    };
    Object.defineProperty(ContentFieldsResolver.prototype, field, { value: resolve, writable: true, configurable: true });
    // What `@FieldResolver() field(@Root() object, @Ctx() context)` would declare, for each field of the list.
    Root()(ContentFieldsResolver.prototype, field, 0);
    Ctx()(ContentFieldsResolver.prototype, field, 1);
    FieldResolver()(ContentFieldsResolver.prototype, field, Object.getOwnPropertyDescriptor(ContentFieldsResolver.prototype, field)!);
  }
  Object.defineProperty(ContentFieldsResolver, 'name', { value: `${type.name}ContentResolver` });
  return ContentFieldsResolver;
}

const contentTypes: [ClassType<ContentObject>, ContentSubject][] = [
  [Campaign, ContentSubject.CAMPAIGN],
  [Case, ContentSubject.CASE],
  [Event, ContentSubject.EVENT],
  [Faculty, ContentSubject.FACULTY],
  [PickupPoint, ContentSubject.PICKUP_POINT],
];

/** One resolver per type, made once (TypeGraphQL keeps the metadata of every class it saw), each with the content service. */
const contentFieldsResolvers = contentTypes.map(([type, subject]) => contentFieldsResolver(type, subject));

export function createContentFieldsResolvers(contentService: ContentService): object[] {
  return contentFieldsResolvers.map((Resolver) => new Resolver(contentService));
}
