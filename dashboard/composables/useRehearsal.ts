import { computed, onBeforeUnmount, shallowRef, watch, type Ref } from 'vue';
import { type LiveTotals } from './useLiveTotals';

/** Made-up pledges arrive at about the pace of a busy evening. */
const FIRST_MS = 600;
const EVERY_MS = { min: 1_200, max: 2_800 };

type Added = { appealLetters: number; solidarityCards: number };

/**
 * Rehearsal: made-up pledges on this screen only, added on top of the real totals so the
 * organiser sees the moments, milestones and layout before the doors open. Nothing is sent to
 * the server, so nothing reaches the totals; the screen says "rehearsal" all the while. Turned
 * off, the made-up pledges are gone at once: the screen shows the real numbers again.
 */
export function useRehearsal(real: Ref<LiveTotals | null>, enabled: Readonly<Ref<boolean>>) {
  const added = shallowRef<Record<string, Added>>({});
  const madeUp = shallowRef(0);
  let timer: ReturnType<typeof setTimeout> | undefined;

  function pledgeOnce(): void {
    const cases = real.value?.cases ?? [];
    if (cases.length > 0) {
      const slug = cases[Math.floor(Math.random() * cases.length)]!.case.slug;
      const before = added.value[slug] ?? { appealLetters: 0, solidarityCards: 0 };
      added.value = {
        ...added.value,
        [slug]: { appealLetters: before.appealLetters + 1 + Math.floor(Math.random() * 3), solidarityCards: before.solidarityCards + Math.floor(Math.random() * 3) },
      };
      madeUp.value++;
    }
    timer = setTimeout(pledgeOnce, EVERY_MS.min + Math.random() * (EVERY_MS.max - EVERY_MS.min));
  }
  watch(
    enabled,
    (on) => {
      clearTimeout(timer);
      added.value = {};
      madeUp.value = 0;
      if (on) timer = setTimeout(pledgeOnce, FIRST_MS);
    },
    { immediate: true },
  );
  onBeforeUnmount(() => clearTimeout(timer));

  const totals = computed<LiveTotals | null>(() => {
    const snapshot = real.value;
    if (!enabled.value || !snapshot) return snapshot;
    const extra = added.value;
    const cases = snapshot.cases.map((row) => {
      const more = extra[row.case.slug];
      if (!more) return row;
      const appealLetters = row.appealLetters + more.appealLetters;
      const solidarityCards = row.solidarityCards + more.solidarityCards;
      return { ...row, appealLetters, solidarityCards, total: appealLetters + solidarityCards };
    });
    const appealLetters = cases.reduce((sum, row) => sum + row.appealLetters, 0);
    const solidarityCards = cases.reduce((sum, row) => sum + row.solidarityCards, 0);
    return { ...snapshot, cases, appealLetters, solidarityCards, total: appealLetters + solidarityCards, pledges: snapshot.pledges + madeUp.value };
  });
  return totals;
}
