import { computed, ref, shallowRef, type Ref } from 'vue';
import {
  ConfirmContentTextDocument,
  ListContentTextsDocument,
  SetContentTextDocument,
  type AdminContentTextFragment as ContentText,
  type ListContentTextsQuery,
} from '../graphql/generated/texts';
import { GraphQLRequestError } from '../graphql/request';
import { type AdminRequest } from './useAdminSession';

export type ContentLanguage = 'en' | 'nl' | 'fr';
export type { ContentText };

/** One text's identity within a campaign, for drafts and messages. */
export const textKey = (text: Pick<ContentText, 'subject' | 'slug' | 'field'>) => `${text.subject}/${text.slug}/${text.field}`;

/**
 * Whether a text still waits for the chosen language: Dutch or French missing where there is
 * English (the server then shows English), or for English, no text at all.
 */
export function isUntranslated(text: ContentText, language: ContentLanguage): boolean {
  return language === 'en' ? !text.en : !text[language] && Boolean(text.en);
}

/**
 * Whether the chosen language's translation was made from an English text that has changed
 * since (the server compares them): it may no longer say what the English says.
 */
export function isOutdated(text: ContentText, language: ContentLanguage): boolean {
  return language !== 'en' && text.outdated.includes(language);
}

/** The English an outdated translation was made from ('' when there was none); null when it is current. */
export function madeFrom(text: ContentText, language: ContentLanguage): string | null {
  return language === 'nl' ? text.nlMadeFrom ?? null : language === 'fr' ? text.frMadeFrom ?? null : null;
}

/** A case fact that no translation supplies, still unknown: the page says "to be announced". */
export type MissingFact = { slug: string; name: string; fields: ('appealAddressee' | 'appealAddress')[] };

/** The Texts tab: every translatable text of the campaign, in every language, and saving one. */
export function useAdminTexts(request: AdminRequest, campaign: Ref<string | null>) {
  const texts = ref<ContentText[]>([]);
  const cases = shallowRef<ListContentTextsQuery['cases']>([]);
  const status = ref<'loading' | 'ready' | 'error'>('loading');
  const loadError = ref<string | null>(null);
  /** The message of a refused save, by text. */
  const errors = ref<Record<string, string>>({});
  const saving = ref<string | null>(null);
  const saved = ref<string | null>(null);

  async function load(): Promise<void> {
    status.value = 'loading';
    loadError.value = null;
    try {
      const data = await request(ListContentTextsDocument, { campaign: campaign.value });
      texts.value = data.contentTexts;
      cases.value = data.cases;
      status.value = 'ready';
    } catch (error) {
      loadError.value = error instanceof Error ? error.message : String(error);
      status.value = 'error';
    }
  }

  const missingFacts = computed<MissingFact[]>(() =>
    cases.value
      .map((someCase) => ({
        slug: someCase.slug,
        name: someCase.name,
        fields: (['appealAddressee', 'appealAddress'] as const).filter((field) => !someCase[field]),
      }))
      .filter((fact) => fact.fields.length > 0),
  );

  /**
   * Sends one change of a text and puts the server's answer in its place: marks the row as
   * saving, clears its error, and keeps the server's refusal on the row. True when it was taken.
   */
  async function change(text: ContentText, send: () => Promise<ContentText>): Promise<boolean> {
    const key = textKey(text);
    saving.value = key;
    saved.value = null;
    const { [key]: _cleared, ...others } = errors.value;
    errors.value = others;
    try {
      const answer = await send();
      texts.value = texts.value.map((candidate) => (textKey(candidate) === key ? answer : candidate));
      saved.value = key;
      return true;
    } catch (error) {
      errors.value = { ...errors.value, [key]: error instanceof GraphQLRequestError ? error.message : String(error) };
      return false;
    } finally {
      saving.value = null;
    }
  }

  /** Saves one text in one language; true when the server took it. "" clears a translation. */
  function save(text: ContentText, language: ContentLanguage, value: string): Promise<boolean> {
    return change(text, async () => {
      const { setContentText } = await request(SetContentTextDocument, {
        input: { subject: text.subject, slug: text.slug, field: text.field, locale: language, text: value.trim() === '' ? null : value },
        campaign: campaign.value,
      });
      // Whom to write to is both a text and a fact: its English value is the fact.
      if (text.subject === 'CASE' && text.field === 'appealAddressee' && language === 'en') {
        cases.value = cases.value.map((someCase) => (someCase.slug === text.slug ? { ...someCase, appealAddressee: setContentText.en ?? null } : someCase));
      }
      return setContentText;
    });
  }

  /**
   * Says that an outdated translation still says what the English says, without changing it.
   * The English shown is sent along: if it changed again meanwhile, the server refuses.
   */
  function confirm(text: ContentText, language: 'nl' | 'fr'): Promise<boolean> {
    return change(text, async () => {
      const { confirmContentText } = await request(ConfirmContentTextDocument, {
        input: { subject: text.subject, slug: text.slug, field: text.field, locale: language, english: text.en ?? null },
        campaign: campaign.value,
      });
      return confirmContentText;
    });
  }

  return { texts, status, loadError, errors, saving, saved, missingFacts, load, save, confirm };
}
