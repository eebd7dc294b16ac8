import { StorageSerializers, useLocalStorage } from '@vueuse/core';
import { computed, reactive, ref, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import {
  LoadPledgeFormDocument,
  type LoadPledgeFormQuery,
  type PledgeCaseFragment,
  type PledgeFacultyFragment,
  type PledgeInput,
  type PledgeLineInput,
} from '../graphql/generated/pledge';
import { GraphQLRequestError, graphqlRequest, issuesByField, type FieldIssue } from '../graphql/request';
import { type PledgeDraft } from './pledgeQueue';
import { useLatestRequest } from './useLatestRequest';

type LineCounts = { appealLetters: number; solidarityCards: number };

/**
 * The form's last good data, so that a phone that lost Wi-Fi can still show the cases, with the
 * language and the campaign it was read for: a copy in another language, or of another
 * campaign, is not shown. (A copy from before campaigns were noted is the current campaign's.)
 */
const CACHE_KEY = 'writing-marathon.pledge-form';
type CachedForm = { language: string; campaign?: string | null; data: LoadPledgeFormQuery };

// VueUse's storage ref: a phone without storage (private mode, full) simply keeps no copy.
const cache = useLocalStorage<CachedForm | null>(CACHE_KEY, null, {
  serializer: StorageSerializers.object,
  writeDefaults: false,
  onError: () => undefined,
});

/**
 * Server issues keyed the way the form shows them: `<case slug>.appealLetters`,
 * `<case slug>.solidarityCards`, `<case slug>` for the case itself, `faculty`, and `form` for
 * what belongs to no single field (no letters at all, an unknown event).
 */
export function pledgeFieldErrors(input: Pick<PledgeInput, 'lines'>, issues: FieldIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(issuesByField(issues))) {
    const line = /^lines\.(\d+)(?:\.(appealLetters|solidarityCards|case))?$/.exec(field);
    const slug = line ? input.lines[Number(line[1])]?.case : undefined;
    let key: string;
    if (slug && line?.[2] && line[2] !== 'case') key = `${slug}.${line[2]}`;
    else if (slug) key = slug;
    else if (field === 'faculty') key = 'faculty';
    else key = 'form';
    errors[key] ??= message;
  }
  return errors;
}

/**
 * The counts live as long as the page, not the view: a student who opens a case's page from the
 * form finds the numbers still there on coming back. One set per campaign, since case slugs are
 * unique within a campaign only ('' is the current campaign).
 */
const countsByCampaign = new Map<string, Record<string, LineCounts>>();
const chosenFaculty = ref<string | null>(null);

function countsOf(campaign: string | null): Record<string, LineCounts> {
  let counts = countsByCampaign.get(campaign ?? '');
  if (!counts) countsByCampaign.set(campaign ?? '', (counts = reactive<Record<string, LineCounts>>({})));
  return counts;
}

/**
 * The pledge form's data and state: cases, faculties, the counts per case, the chosen faculty.
 * Of the current campaign, or of `campaign` when the form was reached from another campaign's
 * page (a table sheet of that campaign's event): its cases, and its pledges count there.
 */
export function usePledgeForm(options: { campaign?: string | null; event: string | null; faculty: string | null }) {
  const campaign = options.campaign ?? null;
  const counts = countsOf(campaign);
  chosenFaculty.value ??= options.faculty ?? '';
  const faculty = chosenFaculty as Ref<string>;
  // 'unknownCampaign', 'unknownEvent': the page was opened for a campaign, or an event of its
  // campaign, that the service does not have (a mistyped or outdated link); every pledge from it
  // would be refused, so the page says so at once and leads to a form that counts.
  const status = ref<'loading' | 'ready' | 'offline' | 'error' | 'unknownCampaign' | 'unknownEvent'>('loading');
  const knowsEvent = (data: LoadPledgeFormQuery) => !options.event || data.events.some((event) => event.slug === options.event);
  const cases = ref<PledgeCaseFragment[]>([]);
  const faculties = ref<PledgeFacultyFragment[]>([]);
  const events = ref<LoadPledgeFormQuery['events']>([]);
  const errors = ref<Record<string, string>>({});

  function apply(data: LoadPledgeFormQuery): void {
    cases.value = data.cases;
    faculties.value = data.faculties;
    events.value = data.events;
    for (const someCase of data.cases) counts[someCase.slug] ??= { appealLetters: 0, solidarityCards: 0 };
  }

  const { locale } = useI18n();
  const latest = useLatestRequest();

  async function load(): Promise<void> {
    // Switched language twice quickly: the last one's answer wins, whichever is slower.
    const signal = latest.next();
    // A reload for a new language keeps the counts and the form on screen while it asks.
    if (cases.value.length === 0) status.value = 'loading';
    const language = locale.value;
    try {
      // No campaign variable at all for the current one: the service worker keeps its copies under these exact variables.
      const data = await graphqlRequest(LoadPledgeFormDocument, campaign ? { campaign } : undefined, { signal });
      apply(data);
      cache.value = { language, campaign, data };
      // Offline the service worker answers with its copy: still say that a pledge waits for the network.
      status.value = !knowsEvent(data) ? 'unknownEvent' : navigator.onLine ? 'ready' : 'offline';
    } catch (error) {
      if (signal.aborted) return;
      if (campaign && error instanceof GraphQLRequestError && error.code === 'NOT_FOUND') {
        status.value = 'unknownCampaign';
        return;
      }
      const cached = cache.value?.language === language && (cache.value.campaign ?? null) === campaign ? cache.value.data : null;
      if (cached && Array.isArray(cached.cases)) {
        apply(cached);
        status.value = knowsEvent(cached) ? 'offline' : 'unknownEvent';
      } else if (cases.value.length > 0) {
        // Switched language offline with no copy in it: the form stays, in the language it has.
        status.value = 'offline';
      } else {
        status.value = 'error';
      }
    }
  }

  const lines = computed<PledgeLineInput[]>(() =>
    cases.value
      .map((someCase) => ({ case: someCase.slug, ...counts[someCase.slug]! }))
      .filter((line) => line.appealLetters > 0 || line.solidarityCards > 0),
  );
  const letters = computed(() => lines.value.reduce((sum, line) => sum + line.appealLetters, 0));
  const cards = computed(() => lines.value.reduce((sum, line) => sum + line.solidarityCards, 0));
  const eventTitle = computed(() => events.value.find((event) => event.slug === options.event)?.title ?? null);

  // Scripts fill in hidden fields and send at once; the server refuses both (see server/graphql/bot-check.ts).
  const shownAt = Date.now();
  const website = ref('');

  function draft(): PledgeDraft {
    // The campaign only when it is not the current one, as the page was opened.
    return { ...(campaign ? { campaign } : {}), event: options.event, faculty: faculty.value || null, lines: lines.value, website: website.value || null, fillTimeMs: Date.now() - shownAt };
  }

  function reset(): void {
    for (const slug of Object.keys(counts)) counts[slug] = { appealLetters: 0, solidarityCards: 0 };
    errors.value = {};
  }

  watch(locale, () => void load());

  return { status, cases, faculties, counts, faculty, errors, lines, letters, cards, eventTitle, website, load, draft, reset };
}
