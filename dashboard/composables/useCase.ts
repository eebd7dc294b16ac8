import { ref, watch, type Ref } from 'vue';
import { GET_CASE, GET_CASE_SUMMARY, type CaseDetails, type GetCaseResult } from '../graphql/cases';
import { GraphQLRequestError, graphqlRequest } from '../graphql/request';

/**
 * One case by slug. Asks for the detail fields (`about`, `appealAddress`, `cardAddress`) and,
 * should the server not know them (an older deployment), asks again without them.
 */
export function useCase(slug: Ref<string>) {
  const person = ref<CaseDetails | null>(null);
  const status = ref<'loading' | 'ready' | 'not-found' | 'error'>('loading');

  async function load(): Promise<void> {
    status.value = 'loading';
    try {
      let result: GetCaseResult;
      try {
        result = await graphqlRequest<GetCaseResult>(GET_CASE, { slug: slug.value });
      } catch (error) {
        if (!(error instanceof GraphQLRequestError && error.code === 'GRAPHQL_VALIDATION_FAILED')) throw error;
        result = await graphqlRequest<GetCaseResult>(GET_CASE_SUMMARY, { slug: slug.value });
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
