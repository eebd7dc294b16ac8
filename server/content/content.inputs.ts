import { Field, InputType } from 'type-graphql';
import { ContentSubject } from './content.types.js';

@InputType({ description: 'Organisers: one text of one object in one language.' })
export class ContentTextInput {
  @Field(() => ContentSubject, { description: 'The kind of object.' })
  subject!: ContentSubject;

  @Field(() => String, { description: "The object's slug (a case's within the campaign)." })
  slug!: string;

  @Field(() => String, { description: 'The GraphQL field name of a translatable text of that kind of object, e.g. "reason".' })
  field!: string;

  @Field(() => String, { description: 'en, nl or fr. Setting en changes the English (base) text.' })
  locale!: string;

  @Field(() => String, { nullable: true, description: 'The text, under the same rules as the English one (one-line fields stay one line, the same length limits). Null or empty clears a Dutch or French translation, and an English text only where the field may be empty.' })
  text?: string | null;
}

@InputType({ description: 'Organisers: a Dutch or French translation that still says what the English says, although the English changed after it was written.' })
export class ContentTextConfirmInput {
  @Field(() => ContentSubject, { description: 'The kind of object.' })
  subject!: ContentSubject;

  @Field(() => String, { description: "The object's slug (a case's within the campaign)." })
  slug!: string;

  @Field(() => String, { description: 'The GraphQL field name of a translatable text of that kind of object, e.g. "appealAddressee".' })
  field!: string;

  @Field(() => String, { description: 'nl or fr: the translation that is still right.' })
  locale!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The English text the translation was checked against, as the organiser read it (null: there was none). When the English has changed again since, nothing is confirmed: BAD_USER_INPUT on input.english. Left out: the English of now.',
  })
  english?: string | null;
}
