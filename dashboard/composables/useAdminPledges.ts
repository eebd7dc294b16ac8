import { computed, reactive, ref, type Ref } from 'vue';
import {
  ListAdminEventsDocument,
  ListRecentPledgesDocument,
  RestorePledgeDocument,
  VoidPledgeDocument,
  type AdminEventFragment as AdminEvent,
  type RecordedPledgeFragment as RecordedPledge,
} from '../graphql/generated/admin';
import { type AdminSession } from './useAdminSession';
import { useOrganiserList } from './useOrganiserList';

const PAGE_SIZE = 50;

/** What one row is doing: a void or restore under way, and the server's refusal to show. */
export type PledgeRowState = { busy: boolean; error: string | null };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The latest pledges of the chosen campaign, or of one of its events, newest first, so that a
 * bad one (a script, a typo of 1000) is found in seconds; voiding and restoring them with a
 * reason. The totals and the live screen follow on the server; the list is the organiser
 * cache's, so a voided pledge returned by the server is shown voided at once.
 */
export function useAdminPledges(session: AdminSession, campaign: Ref<string | null>) {
  const { request } = session;
  const events = ref<AdminEvent[]>([]);
  const event = ref<string>('');
  const list = useOrganiserList(session, ListRecentPledgesDocument);
  const pledges = computed<RecordedPledge[]>(() => list.data.value?.recentPledges.edges.map((edge) => edge.node) ?? []);
  const hasNextPage = computed(() => list.data.value?.recentPledges.pageInfo.hasNextPage ?? false);
  const status = ref<'loading' | 'ready' | 'error'>('loading');
  const loadingMore = ref(false);
  const loadError = ref<string | null>(null);
  const rows = reactive<Record<string, PledgeRowState>>({});
  const scope = () => ({ campaign: campaign.value, event: event.value || null, first: PAGE_SIZE });

  async function load(): Promise<void> {
    status.value = 'loading';
    loadError.value = null;
    try {
      const [, eventList] = await Promise.all([list.load({ ...scope(), after: null }), request(ListAdminEventsDocument, { campaign: campaign.value })]);
      events.value = eventList.events;
      status.value = 'ready';
    } catch (error) {
      loadError.value = messageOf(error);
      status.value = 'error';
    }
  }

  async function loadMore(): Promise<void> {
    if (!hasNextPage.value || loadingMore.value) return;
    loadingMore.value = true;
    try {
      await list.loadMore({ ...scope(), after: list.data.value?.recentPledges.pageInfo.endCursor ?? null });
    } catch (error) {
      loadError.value = messageOf(error);
    } finally {
      loadingMore.value = false;
    }
  }

  /**
   * The row's state through the reactive record (not `rows[id] ??= {...}`, which gives back the
   * plain object: its "busy" would never be seen cleared once the cache has redrawn the row).
   */
  function rowState(id: string): PledgeRowState {
    if (!rows[id]) rows[id] = { busy: false, error: null };
    return rows[id];
  }

  /** Voids (or restores) one pledge; true when the server did it. */
  async function correct(id: string, voiding: boolean, reason: string): Promise<boolean> {
    const row = rowState(id);
    row.busy = true;
    row.error = null;
    try {
      await (voiding ? request(VoidPledgeDocument, { id, reason }) : request(RestorePledgeDocument, { id, reason }));
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
