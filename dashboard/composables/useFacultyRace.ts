import { onBeforeUnmount, shallowRef, watch, type Ref } from 'vue';
import { apolloClient, apolloDocument } from '../graphql/apollo';
import { GetFacultyRaceDocument, type GetFacultyRaceQuery } from '../graphql/generated/live';
import { type LiveScope } from './useLiveTotals';

export type LiveFacultyTotals = GetFacultyRaceQuery['facultyTotals'][number];

/** The race is read again at most this often while pledges come in: enough for a race, cheap for the server. */
const REFRESH_MS = 2_000;

/**
 * The faculty race of a scope, as the public may see it: the server withholds faculties with
 * fewer than 5 pledges (server/totals/small-group.rule.ts). Read while `active`, and again
 * when the totals move (`changedAt`), at most every two seconds.
 */
export function useFacultyRace(scope: LiveScope, active: Ref<boolean>, changedAt: Ref<string | null>) {
  const faculties = shallowRef<LiveFacultyTotals[] | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRead = 0;
  let stopped = false;

  async function read(): Promise<void> {
    lastRead = Date.now();
    try {
      const { data } = await apolloClient.query({ query: apolloDocument(GetFacultyRaceDocument), variables: scope, fetchPolicy: 'no-cache' });
      if (data && !stopped) faculties.value = data.facultyTotals;
    } catch {
      // Keep the last race on screen; the next change of the totals asks again.
    }
  }

  function schedule(): void {
    if (!active.value || timer !== undefined) return;
    const wait = Math.max(0, lastRead + REFRESH_MS - Date.now());
    timer = setTimeout(() => {
      timer = undefined;
      void read();
    }, wait);
  }

  watch([active, changedAt], schedule, { immediate: true });
  onBeforeUnmount(() => {
    stopped = true;
    clearTimeout(timer);
  });
  return faculties;
}
