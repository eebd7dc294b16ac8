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

@ObjectType({ description: 'Organisers: one translatable field of one object, in every language. Untranslated: nl or fr null while en is not.' })
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
}
