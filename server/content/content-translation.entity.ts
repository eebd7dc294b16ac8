import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { type TranslatedLocale } from '../common/locale.js';
import { type ContentSubject } from './content.types.js';

/**
 * A Dutch or French text of one translatable field of one object (a case's reason in Dutch).
 * English is the object's own column; a missing row is an untranslated field (the migration
 * ContentLanguages says why the texts are kept this way).
 */
@Entity({ name: 'content_translation' })
@Check('content_translation_locale_check', `locale IN ('nl', 'fr')`)
export class ContentTranslation {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'content_translation_pkey' })
  subject!: ContentSubject;

  /** The id of the campaign, case, event, faculty or pickup point. */
  @PrimaryColumn({ name: 'object_id', type: 'integer', primaryKeyConstraintName: 'content_translation_pkey' })
  objectId!: number;

  /** The GraphQL field name, e.g. "reason". */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'content_translation_pkey' })
  field!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'content_translation_pkey' })
  locale!: TranslatedLocale;

  @Column({ type: 'text' })
  text!: string;

  /**
   * The English text this translation was made from ('' for none). When the English is no
   * longer this, the translation is outdated: it may say what the English no longer says.
   */
  @Column({ name: 'made_from', type: 'text' })
  madeFrom!: string;
}
