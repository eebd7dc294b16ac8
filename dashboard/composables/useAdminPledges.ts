import { reactive, ref, type Ref } from 'vue';
import {
  ListAdminEventsDocument,
  ListRecentPledgesDocument,
  RestorePledgeDocument,
  VoidPledgeDocument,
  type AdminEventFragment as AdminEvent,
  type RecordedPledgeFragment as RecordedPledge,
} from '../graphql/generated/admin';
import { type AdminRequest } from './useAdminSession';

const PAGE_SIZE = 50;

/** What one row is doing: a void or restore under way, and the server's refusal to show. */
export type PledgeRowState = { busy: boolean; error: string | null };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The latest pledges of the chosen campaign, or of one of its events, newest first, so that a
 * bad one (a script, a typo of 1000) is found in seconds; voiding and restoring them with a
 * reason. The totals and the live screen follow on the server.
 */
export function useAdminPledges(request: AdminRequest, campaign: Ref<string | null>) {
  const events = ref<AdminEvent[]>([]);
  const event = ref<string>('');
  const pledges = ref<RecordedPledge[]>([]);
  const hasNextPage = ref(false);
  const status = ref<'loading' | 'ready' | 'error'>('loading');
  const loadingMore = ref(false);
  const loadError = ref<string | null>(null);
  const rows = reactive<Record<string, PledgeRowState>>({});
  let endCursor: string | null = null;
  // A newer choice of event replaces the answer of an older one that arrives late.
  let generation = 0;

  const page = (after: string | null) =>
    request(ListRecentPledgesDocument, { campaign: campaign.value, event: event.value || null, first: PAGE_SIZE, after });

  async function load(): Promise<void> {
    const mine = ++generation;
    status.value = 'loading';
    loadError.value = null;
    try {
      const [list, eventList] = await Promise.all([page(null), request(ListAdminEventsDocument, { campaign: campaign.value })]);
      if (mine !== generation) return;
      events.value = eventList.events;
      pledges.value = list.recentPledges.edges.map((edge) => edge.node);
      hasNextPage.value = list.recentPledges.pageInfo.hasNextPage;
      endCursor = list.recentPledges.pageInfo.endCursor;
      status.value = 'ready';
    } catch (error) {
      if (mine !== generation) return;
      loadError.value = messageOf(error);
      status.value = 'error';
    }
  }

  async function loadMore(): Promise<void> {
    if (!hasNextPage.value || loadingMore.value) return;
    loadingMore.value = true;
    try {
      const { recentPledges } = await page(endCursor);
      pledges.value = [...pledges.value, ...recentPledges.edges.map((edge) => edge.node)];
      hasNextPage.value = recentPledges.pageInfo.hasNextPage;
      endCursor = recentPledges.pageInfo.endCursor;
    } catch (error) {
      loadError.value = messageOf(error);
    } finally {
      loadingMore.value = false;
    }
  }

  function rowState(id: string): PledgeRowState {
    return (rows[id] ??= { busy: false, error: null });
  }

  /** Voids (or restores) one pledge; true when the server did it. */
  async function correct(id: string, voiding: boolean, reason: string): Promise<boolean> {
    const row = rowState(id);
    row.busy = true;
    row.error = null;
    try {
      const updated = voiding
        ? (await request(VoidPledgeDocument, { id, reason })).voidPledge
        : (await request(RestorePledgeDocument, { id, reason })).restorePledge;
      pledges.value = pledges.value.map((pledge) => (pledge.id === id ? updated : pledge));
      return true;
    } catch (error) {
      row.error = messageOf(error);
      return false;
    } finally {
      row.busy = false;
    }
  }

  return { events, event, pledges, hasNextPage, status, loadingMore, loadError, rows, rowState, load, loadMore, correct };
}
