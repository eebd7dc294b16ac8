import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';

/** The screen's views, in the order V and the arrow keys step through them. */
export const LIVE_VIEWS = ['cases', 'faculties', 'spotlight'] as const;
export type LiveViewName = (typeof LIVE_VIEWS)[number];

/**
 * The organiser's choices for the screen, kept in the address (`view=`, `numbers=hidden`,
 * `rehearsal=1`), so a projector that reloads mid-event shows what it showed.
 */
export function useLiveView() {
  const route = useRoute();
  const router = useRouter();

  const view = computed<LiveViewName>(() => {
    const asked = route.query.view;
    return (LIVE_VIEWS as readonly unknown[]).includes(asked) ? (asked as LiveViewName) : 'cases';
  });
  const hideNumbers = computed(() => route.query.numbers === 'hidden');
  const rehearsal = computed(() => route.query.rehearsal === '1');

  function setQuery(name: string, value: string | null): void {
    const query = { ...route.query };
    if (value === null) delete query[name];
    else query[name] = value;
    void router.replace({ query });
  }

  const selectView = (name: LiveViewName) => setQuery('view', name === 'cases' ? null : name);
  const stepView = (by: 1 | -1) => selectView(LIVE_VIEWS[(LIVE_VIEWS.indexOf(view.value) + by + LIVE_VIEWS.length) % LIVE_VIEWS.length]!);
  const toggleNumbers = () => setQuery('numbers', hideNumbers.value ? null : 'hidden');
  const toggleRehearsal = () => setQuery('rehearsal', rehearsal.value ? null : '1');

  return { view, hideNumbers, rehearsal, selectView, nextView: () => stepView(1), previousView: () => stepView(-1), toggleNumbers, toggleRehearsal };
}
