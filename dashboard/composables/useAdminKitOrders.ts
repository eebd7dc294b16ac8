import { computed, reactive, ref, type Ref } from 'vue';
import {
  EraseKitOrderContactDocument,
  GetKitOrderDocument,
  ListKitOrdersDocument,
  UpdateKitOrderStatusDocument,
  UpdateKitOrderStatusesDocument,
  type AdminKitOrderFragment as AdminKitOrder,
  type KitOrderStatus,
} from '../graphql/generated/admin';
import { GraphQLRequestError } from '../graphql/request';
import { type AdminSession } from './useAdminSession';
import { useOrganiserList } from './useOrganiserList';

const PAGE_SIZE = 50;

/** Every status, in the order of the fulfilment path, for the filter. */
export const KIT_ORDER_STATUSES: readonly KitOrderStatus[] = ['REQUESTED', 'PACKED', 'SHIPPED', 'READY_FOR_PICKUP', 'DELIVERED', 'CANCELLED'];

/** The fulfilment path, as the server enforces it; the buttons offer only these steps. */
const NEXT: Record<KitOrderStatus, KitOrderStatus[]> = {
  REQUESTED: ['PACKED', 'CANCELLED'],
  PACKED: ['SHIPPED', 'READY_FOR_PICKUP', 'CANCELLED'],
  SHIPPED: ['DELIVERED', 'CANCELLED'],
  READY_FOR_PICKUP: ['DELIVERED', 'CANCELLED'],
  DELIVERED: [],
  CANCELLED: [],
};

/** The steps an order may take next: shipping is for postal orders, "ready for pickup" for pickup orders. */
export function nextKitOrderStatuses(order: Pick<AdminKitOrder, 'status' | 'deliveryMethod'>): KitOrderStatus[] {
  return NEXT[order.status].filter(
    (next) => (next !== 'SHIPPED' || order.deliveryMethod === 'POST') && (next !== 'READY_FOR_PICKUP' || order.deliveryMethod === 'PICKUP'),
  );
}

/** What one row is doing: a status change or erasure under way, and the server's refusal to show. */
export type KitOrderRowState = { busy: boolean; error: string | null };

/** The steps offered for several orders at once; cancelling stays one order at a time. */
export const BULK_STATUSES: readonly KitOrderStatus[] = ['PACKED', 'SHIPPED', 'READY_FOR_PICKUP', 'DELIVERED'];

/** What the last bulk change did: how many moved, and each refusal with the server's sentence. */
export type BulkOutcome = { status: KitOrderStatus; moved: number; refused: { reference: string; error: string }[] };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The kit-order table: the filtered list with "load more", status changes along the allowed
 * path, erasure of a person's contact data, and the CSV exports. The list is the organiser
 * cache's (useOrganiserList): a changed order returned by the server is shown at once in it.
 */
export function useAdminKitOrders(session: AdminSession, campaign: Ref<string | null>) {
  const { request } = session;
  const filter = reactive<{ status: KitOrderStatus | ''; search: string }>({ status: '', search: '' });
  const list = useOrganiserList(session, ListKitOrdersDocument);
  const orders = computed<AdminKitOrder[]>(() => list.data.value?.kitOrders.edges.map((edge) => edge.node) ?? []);
  const totalCount = computed(() => list.data.value?.kitOrders.totalCount ?? 0);
  const hasNextPage = computed(() => list.data.value?.kitOrders.pageInfo.hasNextPage ?? false);
  /** Whether the server emails students; null until the list has loaded. */
  const emailEnabled = computed(() => list.data.value?.kitOrderEmails ?? null);
  const status = ref<'loading' | 'ready' | 'error'>('loading');
  const loadingMore = ref(false);
  const loadError = ref<string | null>(null);
  const rows = reactive<Record<string, KitOrderRowState>>({});
  /** References ticked for a bulk change, in the order they were ticked. */
  const selected = ref<string[]>([]);
  const bulk = reactive<{ busy: boolean; outcome: BulkOutcome | null; error: string | null }>({ busy: false, outcome: null, error: null });
  // The filter of the list shown, so that "load more" pages through it even while the fields are being edited.
  let shownFilter = { campaign: campaign.value, status: null as KitOrderStatus | null, search: null as string | null };

  /**
   * The row's state through the reactive record. Not `rows[reference] ??= {...}`: that
   * expression gives back the plain object assigned, not the record's reactive copy, so a first
   * change on a row would never see its "busy" cleared (the row stuck on "Saving…").
   */
  function rowState(reference: string): KitOrderRowState {
    if (!rows[reference]) rows[reference] = { busy: false, error: null };
    return rows[reference];
  }

  async function load(): Promise<void> {
    status.value = 'loading';
    loadError.value = null;
    shownFilter = { campaign: campaign.value, status: filter.status || null, search: filter.search.trim() || null };
    try {
      await list.load({ filter: shownFilter, first: PAGE_SIZE, after: null });
      // Ticked orders the new list no longer shows are unticked, so a bulk step moves only what is seen.
      const shown = new Set(orders.value.map((order) => order.reference));
      selected.value = selected.value.filter((reference) => shown.has(reference));
      status.value = 'ready';
    } catch (error) {
      loadError.value = messageOf(error);
      status.value = 'error';
    }
  }

  async function loadMore(): Promise<void> {
    if (!hasNextPage.value || loadingMore.value) return;
    loadingMore.value = true;
    loadError.value = null;
    try {
      await list.loadMore({ filter: shownFilter, first: PAGE_SIZE, after: list.data.value?.kitOrders.pageInfo.endCursor ?? null });
    } catch (error) {
      loadError.value = messageOf(error);
    } finally {
      loadingMore.value = false;
    }
  }

  /**
   * Reads the list shown again, for the orders students placed since: the same filter, the first
   * page. Not while the organiser has paged further or is moving orders, where the table would
   * change under their hand; the next time does it.
   */
  async function refreshShown(): Promise<void> {
    const busy = loadingMore.value || bulk.busy || Object.values(rows).some((row) => row.busy);
    if (status.value !== 'ready' || busy || orders.value.length > PAGE_SIZE) return;
    try {
      await list.load({ filter: shownFilter, first: PAGE_SIZE, after: null });
    } catch {
      // The table keeps what it shows; a lost token is handled by the session.
    }
  }

  /** Reads one order again, e.g. after another organiser moved it on; the cache puts it in the list. */
  async function refresh(reference: string): Promise<void> {
    try {
      await request(GetKitOrderDocument, { reference });
    } catch {
      // The row keeps what it showed; its error says what went wrong.
    }
  }

  /**
   * Moves an order one step. The row stays in the table even when it no longer matches the
   * status filter, so the organiser sees what they just did.
   */
  async function changeStatus(reference: string, next: KitOrderStatus, note: string): Promise<boolean> {
    const row = rowState(reference);
    if (row.busy) return false;
    row.busy = true;
    row.error = null;
    try {
      await request(UpdateKitOrderStatusDocument, { reference, status: next, note: note.trim() || null });
      return true;
    } catch (error) {
      row.error = messageOf(error);
      // Refused because the order moved meanwhile: show where it is now and what it may do.
      if (error instanceof GraphQLRequestError && error.kind === 'rejected') await refresh(reference);
      return false;
    } finally {
      row.busy = false;
    }
  }

  /**
   * Erases the contact data of every order placed with this email address (a person's request).
   * Returns how many orders changed, or null when it failed.
   */
  async function eraseContact(reference: string, email: string): Promise<number | null> {
    const row = rowState(reference);
    row.busy = true;
    row.error = null;
    try {
      const { eraseKitOrderContact } = await request(EraseKitOrderContactDocument, { email });
      const address = email.trim().toLowerCase();
      const affected = orders.value.filter((order) => order.contactEmail?.toLowerCase() === address).map((order) => order.reference);
      await Promise.all(affected.map(refresh));
      return eraseKitOrderContact;
    } catch (error) {
      row.error = messageOf(error);
      return null;
    } finally {
      row.busy = false;
    }
  }

  function select(reference: string, on: boolean): void {
    const others = selected.value.filter((ticked) => ticked !== reference);
    selected.value = on ? [...others, reference] : others;
  }

  /** Ticks (or unticks) every order shown. */
  function selectAll(on: boolean): void {
    selected.value = on ? orders.value.map((order) => order.reference) : [];
  }

  function clearSelection(): void {
    selected.value = [];
    bulk.outcome = null;
    bulk.error = null;
  }

  /**
   * Moves every ticked order to one status in one request. The selection stays, so that the
   * next step for the same orders is one more click; refused orders are listed with the reason.
   */
  async function changeSelected(next: KitOrderStatus): Promise<void> {
    if (bulk.busy || selected.value.length === 0) return;
    bulk.busy = true;
    bulk.error = null;
    bulk.outcome = null;
    const references = [...selected.value];
    for (const reference of references) rowState(reference).error = null;
    try {
      const { updateKitOrderStatuses } = await request(UpdateKitOrderStatusesDocument, { references, status: next });
      const refused: BulkOutcome['refused'] = [];
      for (const outcome of updateKitOrderStatuses) {
        if (!outcome.changed) refused.push({ reference: outcome.reference, error: outcome.error ?? '' });
      }
      bulk.outcome = { status: next, moved: updateKitOrderStatuses.length - refused.length, refused };
    } catch (error) {
      bulk.error = messageOf(error);
    } finally {
      bulk.busy = false;
    }
  }

  return {
    filter,
    orders,
    totalCount,
    hasNextPage,
    status,
    loadingMore,
    loadError,
    emailEnabled,
    rows,
    rowState,
    load,
    loadMore,
    refreshShown,
    changeStatus,
    eraseContact,
    selected,
    bulk,
    select,
    selectAll,
    clearSelection,
    changeSelected,
  };
}

/** The CSV exports: fetched with the token, then saved as a file by the browser. */
export function useAdminExport(session: Pick<AdminSession, 'download'>, campaign: Ref<string | null>) {
  const busy = ref<'kitOrders' | 'totals' | null>(null);
  const error = ref<string | null>(null);

  async function save(kind: 'kitOrders' | 'totals', kitOrderStatus: KitOrderStatus | '' = ''): Promise<void> {
    if (busy.value) return;
    busy.value = kind;
    error.value = null;
    const query = new URLSearchParams();
    if (campaign.value) query.set('campaign', campaign.value);
    if (kind === 'kitOrders' && kitOrderStatus) query.set('status', kitOrderStatus);
    const path = `/export/${kind === 'kitOrders' ? 'kit-orders' : 'totals'}.csv${query.size ? `?${query}` : ''}`;
    try {
      const { blob, filename } = await session.download(path);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      document.body.append(link);
      link.click();
      link.remove();
      // Revoked after the click has handed the file to the browser's download.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (failure) {
      error.value = messageOf(failure);
    } finally {
      busy.value = null;
    }
  }

  return { busy, error, save };
}
