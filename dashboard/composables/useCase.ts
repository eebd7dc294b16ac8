import { ref, watch, type Ref } from 'vue';
import { GetCaseDocument, GetCaseSummaryDocument, type GetCaseQuery, type GetCaseSummaryQuery } from '../graphql/generated/cases';
import { GraphQLRequestError, graphqlRequest } from '../graphql/request';

/**
 * One case by slug. Asks for the detail fields (`about`, `appealAddress`, `cardAddress`) and,
 * should the server not know them (an older deployment), asks again without them.
 */
/** A case as its page shows it; the detail fields are absent from an older server's answer. */
export type CaseDetails = NonNullable<GetCaseSummaryQuery['case']> & Partial<Omit<NonNullable<GetCaseQuery['case']>, keyof NonNullable<GetCaseSummaryQuery['case']>>>;

export function useCase(slug: Ref<string>) {
  const person = ref<CaseDetails | null>(null);
  const status = ref<'loading' | 'ready' | 'not-found' | 'error'>('loading');

  async function load(): Promise<void> {
    status.value = 'loading';
    try {
      let result: { case: CaseDetails | null };
      try {
        result = await graphqlRequest(GetCaseDocument, { slug: slug.value });
      } catch (error) {
        if (!(error instanceof GraphQLRequestError && error.code === 'GRAPHQL_VALIDATION_FAILED')) throw error;
        result = await graphqlRequest(GetCaseSummaryDocument, { slug: slug.value });
      }
      person.value = result.case;
      status.value = result.case ? 'ready' : 'not-found';
    } catch (error) {
      status.value = error instanceof GraphQLRequestError && error.code === 'NOT_FOUND' ? 'not-found' : 'error';
    }
  }

  watch(slug, () => void load(), { immediate: true });
  return { person, status, load };
}
