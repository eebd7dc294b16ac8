import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** What kind of object a translatable text belongs to (stored as the value in content_translation). */
export enum ContentSubject {
  CAMPAIGN = 'campaign',
  CASE = 'case',
  EVENT = 'event',
  FACULTY = 'faculty',
  PICKUP_POINT = 'pickup_point',
}
registerEnumType(ContentSubject, {
  name: 'ContentSubject',
  description: 'The kind of object a translatable text belongs to.',
  valuesConfig: {
    CAMPAIGN: { description: 'A campaign (its slug).' },
    CASE: { description: "A case of the campaign (its slug within the campaign)." },
    EVENT: { description: 'An event (its slug).' },
    FACULTY: { description: 'A faculty (its slug).' },
    PICKUP_POINT: { description: 'A pickup point for writing kits (its slug).' },
  },
});

@ObjectType({
  description:
    'Organisers: one translatable field of one object, in every language. Untranslated: nl or fr null while en is not. Outdated: a translation made from an English text that has changed since.',
})
export class ContentText {
  @Field(() => ContentSubject, { description: 'The kind of object.' })
  subject!: ContentSubject;

  @Field(() => String, { description: "The object's slug (a case's within its campaign)." })
  slug!: string;

  @Field(() => String, { description: "What an organiser recognises the object by: its English name or title." })
  label!: string;

  @Field(() => String, { description: 'The GraphQL field name, e.g. "reason".' })
  field!: string;

  @Field(() => String, { nullable: true, description: 'The English text; null when empty.' })
  en!: string | null;

  @Field(() => String, { nullable: true, description: 'The Dutch text; null when untranslated.' })
  nl!: string | null;

  @Field(() => String, { nullable: true, description: 'The French text; null when untranslated.' })
  fr!: string | null;

  @Field(() => Boolean, { description: 'True when the text may run over several lines (an editor gives it a text area); false when it must stay on one line. From the field\'s rules, the same in every language.' })
  multiline!: boolean;

  @Field(() => [String], {
    description:
      'The languages (nl, fr) whose translation was made from an English text that has changed since: it may no longer say what the English says. Empty when every translation is current. confirmContentText marks one current again; saving a translation does too.',
  })
  outdated!: string[];

  @Field(() => String, { nullable: true, description: 'The English text the Dutch translation was made from, where that is no longer the English (the translation is outdated); otherwise null.' })
  nlMadeFrom!: string | null;

  @Field(() => String, { nullable: true, description: 'The English text the French translation was made from, where that is no longer the English (the translation is outdated); otherwise null.' })
  frMadeFrom!: string | null;
}
