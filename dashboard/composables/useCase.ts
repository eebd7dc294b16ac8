import { ref, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { GetCaseDocument, GetCaseSummaryDocument, type GetCaseQuery, type GetCaseSummaryQuery } from '../graphql/generated/cases';
import { GraphQLRequestError, graphqlRequest } from '../graphql/request';
import { useLatestRequest } from './useLatestRequest';

/** A case as its page shows it; the writing-kit fields are absent from an older server's answer. */
export type CaseDetails = NonNullable<GetCaseSummaryQuery['case']> & Partial<Omit<NonNullable<GetCaseQuery['case']>, keyof NonNullable<GetCaseSummaryQuery['case']>>>;

/**
 * One case by slug, of the current campaign unless `campaign` names another (a table sheet's
 * QR code of another campaign's event), in the language shown, with the address phones reach
 * the server at (for the printed sheet's QR code). Asks for the writing-kit fields and, should
 * the server not know them (an older deployment), asks again without them.
 */
export function useCase(slug: Ref<string>, campaign: string | null = null) {
  const person = ref<CaseDetails | null>(null);
  const publicUrl = ref<string | null>(null);
  const status = ref<'loading' | 'ready' | 'not-found' | 'error'>('loading');
  const latest = useLatestRequest();

  async function load(): Promise<void> {
    // A student who switches language twice quickly gets the last one, whichever answer is slower.
    const signal = latest.next();
    // No campaign variable at all for the current one: the service worker keeps its copies under these exact variables.
    const variables = campaign ? { slug: slug.value, campaign } : { slug: slug.value };
    // A reload for another language keeps the page on screen while it asks.
    if (person.value?.slug !== slug.value) status.value = 'loading';
    try {
      let result: { case: CaseDetails | null; publicUrl?: string | null };
      try {
        result = await graphqlRequest(GetCaseDocument, variables, { signal });
      } catch (error) {
        if (!(error instanceof GraphQLRequestError && error.code === 'GRAPHQL_VALIDATION_FAILED')) throw error;
        result = await graphqlRequest(GetCaseSummaryDocument, variables, { signal });
      }
      person.value = result.case;
      publicUrl.value = result.publicUrl ?? null;
      status.value = result.case ? 'ready' : 'not-found';
    } catch (error) {
      if (signal.aborted) return;
      // Offline, a switch of language keeps the page in the language it has.
      if (person.value?.slug === slug.value && !(error instanceof GraphQLRequestError && error.code === 'NOT_FOUND')) return;
      status.value = error instanceof GraphQLRequestError && error.code === 'NOT_FOUND' ? 'not-found' : 'error';
    }
  }

  // Again in the language the student switches to.
  watch([slug, useI18n().locale], () => void load(), { immediate: true });
  return { person, publicUrl, status, load };
}
