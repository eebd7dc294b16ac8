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
