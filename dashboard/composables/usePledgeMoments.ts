import { onBeforeUnmount, shallowRef, watch, type Ref } from 'vue';
import { type ConnectionState } from '../graphql/socket';
import { type LiveTotals } from './useLiveTotals';

/** How long a "+n" stays on its bar; more pledges for the same case within it add up. */
const MOMENT_MS = 3_500;

export type PledgeMoment = { slug: string; name: string; added: number };

/**
 * The short "+3" moments of new pledges, from the difference between two snapshots (the
 * snapshots are whole, so this is the only place that subtracts). Many pledges arriving
 * together coalesce: one moment per case, its count growing, its timer starting over.
 * The first snapshot and a reconnect's catch-up are not moments: nothing was seen arriving.
 */
export function usePledgeMoments(totals: Ref<LiveTotals | null>, connection: Readonly<Ref<ConnectionState>>) {
  const moments = shallowRef<Record<string, PledgeMoment>>({});
  /** The latest moment, for the line under the big total. */
  const latest = shallowRef<PledgeMoment | null>(null);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let latestTimer: ReturnType<typeof setTimeout> | undefined;

  function expire(slug: string): void {
    timers.delete(slug);
    const { [slug]: _gone, ...rest } = moments.value;
    moments.value = rest;
  }

  /** Set while the socket is down: the first snapshot after it is a catch-up, not news. */
  let catchingUp = false;
  watch(connection, (state) => {
    if (state !== 'connected') catchingUp = true;
  });

  watch(totals, (now, before) => {
    if (!now || !before) return;
    if (catchingUp && connection.value === 'connected') {
      catchingUp = false;
      return;
    }
    const previous = new Map(before.cases.map((row) => [row.case.slug, row.total]));
    const next = { ...moments.value };
    let changed: PledgeMoment | null = null;
    for (const row of now.cases) {
      const added = row.total - (previous.get(row.case.slug) ?? row.total);
      if (added <= 0) continue;
      const moment = { slug: row.case.slug, name: row.case.name, added: (next[row.case.slug]?.added ?? 0) + added };
      next[row.case.slug] = moment;
      changed = moment;
      clearTimeout(timers.get(row.case.slug));
      timers.set(row.case.slug, setTimeout(() => expire(row.case.slug), MOMENT_MS));
    }
    if (!changed) return;
    moments.value = next;
    latest.value = changed;
    clearTimeout(latestTimer);
    latestTimer = setTimeout(() => (latest.value = null), MOMENT_MS);
  });

  onBeforeUnmount(() => {
    timers.forEach((timer) => clearTimeout(timer));
    clearTimeout(latestTimer);
  });
  return { moments, latest };
}
